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

    @Test
    void theJsonOfRealPublishedDataNamesItsSourceAndOtherReleasesKeepTheirBytes() {
        PublishedRow row = new PublishedRow(PublishedRow.RATE, "sgb2", "sgb2_cases", "pop_total", "100", "A1", "Ort", "Ortsteil",
                "G1", 2023, "", "", "6.3", PublishedRow.OK, "", "", "");
        String source = "Senatsverwaltung für Stadtentwicklung Berlin, MSS (CC BY 4.0)";
        String real = new String(ReleaseDownload.json(new ReleaseDownload.Header(4, "MSS 2019", 2018, null, "abc", "11", "Berlin",
                false, source), List.of(row)), StandardCharsets.UTF_8);
        assertThat(real).contains("\"synthetic\" : false,\n    \"source\" : \"" + source + "\"");

        byte[] without = ReleaseDownload.json(new ReleaseDownload.Header(1, "Stand", 2023, null, "abc", "K", "Kreis", true, null),
                List.of(row));
        byte[] empty = ReleaseDownload.json(new ReleaseDownload.Header(1, "Stand", 2023, null, "abc", "K", "Kreis", true, ""),
                List.of(row));
        assertThat(new String(without, StandardCharsets.UTF_8)).doesNotContain("\"source\"");
        assertThat(empty).isEqualTo(without);
    }
}
