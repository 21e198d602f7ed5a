package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The rows the import's CSV callback builds are FastCSV's records. */
class CsvTableProperties {
    @Provide
    Arbitrary<List<List<String>>> tables() {
        Arbitrary<String> cell = Arbitraries.oneOf(
                Arbitraries.of("03157001", "03157002", "2022", "pop_total", "", " ", "0315700", "031570011"),
                Arbitraries.strings().withChars("abc0123;\"\n ä").ofMaxLength(10));
        return Arbitraries.integers().between(1, 12).flatMap(cols -> cell.list().ofSize(cols).list().ofMinSize(1).ofMaxSize(60));
    }

    /** Whatever the cells hold, the rows have the fields and line numbers FastCSV's own record reader gives. */
    @Property(tries = 200)
    void rowsHaveTheFieldsAndLinesOfFastCsvsRecords(@ForAll("tables") List<List<String>> table) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (List<String> row : table) {
            for (int i = 0; i < row.size(); i++) {
                String c = row.get(i);
                sb.append(i > 0 ? ";" : "").append(c.matches("[a-z0-9_ ]*") ? c : '"' + c.replace("\"", "\"\"") + '"');
            }
            sb.append('\n');
        }
        Path file = Files.writeString(Files.createTempFile("sozialmonitor-csvtable", ".csv"), sb.toString(), StandardCharsets.UTF_8);
        try {
        CsvDialect d = new CsvDialect(StandardCharsets.UTF_8, 0, ';');
        List<CsvTable.Row> expected = new ArrayList<>();
        try (CsvReader<CsvRecord> r = d.reader(file)) {
            for (CsvRecord rec : r) {
                expected.add(new CsvTable.Row(rec.getStartingLineNumber(), rec.getFields()));
            }
        }
        List<CsvTable.Row> actual = new ArrayList<>();
        try (CsvReader<CsvTable.Row> r = d.reader(file, new CsvTable.RowHandler())) {
            r.forEach(actual::add);
        }
        assertThat(actual).isEqualTo(expected);
        } finally {
            Files.delete(file);
        }
    }
}
