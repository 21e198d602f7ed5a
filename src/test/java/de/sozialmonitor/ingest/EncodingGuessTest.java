package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodingGuessTest {
    @TempDir
    Path tmp;

    /** The first megabyte is plain ASCII (looks like UTF-8); a Windows-1252 "ö" comes later. */
    @Test
    void aWrongEncodingGuessIsAnErrorAtTheRowWhereItShowsNotGarbledText() throws Exception {
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("code;name;level;parent\n03157;Landkreis Peine;Landkreis;\n".getBytes(StandardCharsets.US_ASCII));
        int rows = 0;
        while (out.size() < CsvDialect.SAMPLE + 1000) {
            out.write(("A" + rows + ";Gebiet " + rows + ";Bezirk;03157\n").getBytes(StandardCharsets.US_ASCII));
            rows++;
        }
        out.write("X1;V".getBytes(StandardCharsets.US_ASCII));
        out.write("\u00f6hrum;Bezirk;03157\n".getBytes(CsvDialect.WINDOWS_1252));
        Path file = tmp.resolve("gebiete.csv");
        Files.write(file, out.toByteArray());
        try (Database db = TestDatabases.h2()) {
            ImportOutcome o = Importer.importFile(ws, db, file, "anna");
            assertThat(o.status()).isEqualTo(ImportOutcome.Status.REJECTED);
            assertThat(o.report().problems()).extracting(Problem::code).containsExactly("wrong_encoding");
            assertThat(o.report().problems().get(0).row()).isGreaterThan(rows - 100L);
            assertThat(DatabaseSnapshot.of(db)).startsWith("0:0 | 0 | 0:0 | 0 | 0 | 0");
        }
    }
}
