package de.sozialmonitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReleaseDownloadTest {

    @Test
    void aDeliveredNameThatLooksLikeAFormulaIsTextInTheCsvAndComesBackUnchanged() {
        String name = "=HYPERLINK(\"http://example.org\";\"Ortsteil\")";
        PublishedRow row = new PublishedRow(PublishedRow.RATE, "sgb2", "sgb2_cases", "pop_total", "100", "-L1", name, "Ortsteil",
                "G1", 2023, "", "", "-0.5", PublishedRow.OK, "", "", "");
        byte[] csv = ReleaseDownload.csv(List.of(row));
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains(";'-L1;\"'=HYPERLINK(").doesNotContain(";=HYPERLINK").doesNotContain(";\"=HYPERLINK");
        // the negative value stays a number
        assertThat(text).contains(";-0.5;");
        assertThat(ReleaseDownload.readCsv(csv)).containsExactly(row);
    }

    @Test
    void everyTextColumnIsGuardedNotOnlyTheAreaColumns() {
        // a target group delivered as "+1+1=2", a measure, a margin and a class that look like formulas
        PublishedRow row = new PublishedRow(PublishedRow.COUNT, "@SUM(9)=x", "", "", "", "A1", "Ort", "Ortsteil", "G1", 2023, "",
                "+1+1=2", "-", PublishedRow.SUPPRESSED, ".", "=cmd", "-areas");
        byte[] csv = ReleaseDownload.csv(List.of(row));
        String text = new String(csv, StandardCharsets.UTF_8);
        String line = text.substring(text.indexOf('\n') + 1);
        for (String field : line.strip().split(";")) {
            assertThat(field).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@").doesNotStartWith("-");
        }
        assertThat(line).contains(";'+1+1=2;").contains("'@SUM(9)=x;").contains(";'=cmd;").contains(";'-areas").contains(";'-;");
        assertThat(ReleaseDownload.readCsv(csv)).containsExactly(row);
    }
}
