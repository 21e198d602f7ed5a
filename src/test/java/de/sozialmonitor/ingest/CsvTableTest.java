package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rows of a delimited table, parsed in a second thread and checked in the caller's. */
class CsvTableTest {
    @TempDir
    Path tmp;

    private static final Map<String, List<String>> COLUMNS = CanonicalLoader.COLUMNS;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static List<CsvTable.Row> rows(Path file) throws IOException {
        CsvDialect d = CsvDialect.detect(file);
        CsvTable.Header h = CsvTable.findHeader(file, d, COLUMNS, CanonicalLoader.REQUIRED);
        List<CsvTable.Row> rows = new ArrayList<>();
        CsvTable.forEachRow(file, d, h, rows::add);
        return rows;
    }

    @Test
    void manyRowsArriveInFileOrderAcrossBatchesAndTrailingFootnotesAreDropped() throws IOException {
        StringBuilder sb = new StringBuilder("Title of the table\narea_code;year;variable;value\n");
        int n = CsvTable.BATCH_ROWS * 3 + 17;
        for (int i = 0; i < n; i++) {
            sb.append("0315700").append(i % 10).append(";2022;pop_total;").append(i).append('\n');
            if (i == 100) {
                sb.append("only the first cell\n"); // before data rows: passed on
            }
        }
        sb.append("\n1) Quelle: Statistisches Amt\n2) vorläufig\n");
        List<CsvTable.Row> rows = rows(write("many.csv", sb.toString()));
        assertThat(rows).hasSize(n + 1);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).line()).isEqualTo(rows.get(i - 1).line() + 1);
        }
        assertThat(rows.get(0).line()).isEqualTo(3);
        assertThat(rows.get(101).cell(0)).isEqualTo("only the first cell");
        assertThat(rows.get(rows.size() - 1).cell(3)).isEqualTo(String.valueOf(n - 1));
    }

    @Test
    void aWrongEncodingIsThrownAfterTheRowsAboveItAndNamesTheLastGoodLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder sb = new StringBuilder("area_code;year;variable;value\n");
        for (int i = 0; i < 10_000; i++) {
            sb.append("03157001;2022;pop_total;").append(i).append('\n');
        }
        out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes("03157001;2022;Gr\u00f6\u00dfe;1\n".getBytes(StandardCharsets.ISO_8859_1)); // Latin-1 inside UTF-8
        for (int i = 0; i < 10; i++) {
            out.writeBytes("03157001;2022;pop_total;1\n".getBytes(StandardCharsets.UTF_8));
        }
        Path file = Files.write(tmp.resolve("mixed.csv"), out.toByteArray());
        CsvDialect d = new CsvDialect(StandardCharsets.UTF_8, 0, ';');
        CsvTable.Header h = CsvTable.findHeader(file, d, COLUMNS, CanonicalLoader.REQUIRED);
        List<CsvTable.Row> seen = new ArrayList<>();
        assertThatThrownBy(() -> CsvTable.forEachRow(file, d, h, seen::add))
                .isInstanceOfSatisfying(CsvTable.EncodingException.class, e -> assertThat(e.line).isBetween(1L, 10_001L));
        // the decoder reads ahead, so the rows of its last buffer before the bad byte may be missing, never rows after it
        assertThat(seen).isNotEmpty().allSatisfy(r -> assertThat(r.line()).isLessThanOrEqualTo(10_001L));
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).line()).isEqualTo(seen.get(i - 1).line() + 1);
        }
    }

    @Test
    void aCheckThatFailsStopsTheReadingThreadAndItsErrorReachesTheCaller() throws IOException {
        StringBuilder sb = new StringBuilder("area_code;year;variable;value\n");
        for (int i = 0; i < CsvTable.BATCH_ROWS * (CsvTable.BATCHES_AHEAD + 4); i++) {
            sb.append("03157001;2022;pop_total;").append(i).append('\n');
        }
        Path file = write("big.csv", sb.toString());
        CsvDialect d = CsvDialect.detect(file);
        CsvTable.Header h = CsvTable.findHeader(file, d, COLUMNS, CanonicalLoader.REQUIRED);
        assertThatThrownBy(() -> CsvTable.forEachRow(file, d, h, r -> {
            throw new IllegalStateException("check failed at " + r.line());
        })).isInstanceOf(IllegalStateException.class).hasMessage("check failed at 2");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("sozialmonitor:csv-reader") && t.isAlive());
    }
}
