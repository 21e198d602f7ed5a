package de.sozialmonitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report --type datenblatt --area …}: the data sheet for funding bids on the command line. */
class DataSheetCommandTest {
    @TempDir
    Path tmp;

    @Test
    void theDataSheetComesFromAPublishedReleaseOnlyAsPdfOrXlsx() throws Exception {
        Path ws = ReleaseCommandTest.workspaceWithResults(tmp);
        String w = ws.toString();
        assertThat(CliTest.run("release", "create", "-w", w, "--title", "Stand 2023", "--year", "2023").exit()).isZero();
        Path pdf = tmp.resolve("datenblatt.pdf");

        CliTest.Run early = CliTest.run("report", "-w", w, "--type", "datenblatt", "--area", "03157101", "-o", pdf.toString());
        assertThat(early.exit()).isEqualTo(ExitCodes.REJECTED_INPUT);
        assertThat(pdf).doesNotExist();

        assertThat(CliTest.run("release", "publish", "1", "-w", w).exit()).isZero();
        CliTest.Run done = CliTest.run("report", "-w", w, "--type", "datenblatt", "--area", "03157101,03157102", "-o", pdf.toString());
        assertThat(done.exit()).as(done.out() + done.err()).isZero();
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Path xlsx = tmp.resolve("datenblatt.xlsx");
        CliTest.Run sheet = CliTest.run("report", "-w", w, "--type", "datenblatt", "--area", "03157101", "--format", "xlsx",
                "-o", xlsx.toString());
        assertThat(sheet.exit()).as(sheet.out() + sheet.err()).isZero();
        assertThat(Files.readAllBytes(xlsx)).startsWith("PK".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThat(CliTest.run("report", "-w", w, "--type", "datenblatt", "--area", "0999999", "-o", pdf.toString()).exit())
                .isEqualTo(ExitCodes.REJECTED_INPUT);
        assertThat(CliTest.run("report", "-w", w, "--type", "datenblatt", "-o", pdf.toString()).exit()).isEqualTo(2);
        assertThat(CliTest.run("report", "-w", w, "--format", "xlsx", "-o", xlsx.toString()).exit()).isEqualTo(2);
    }
}
