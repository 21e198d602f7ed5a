package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
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

class CsvDialectProperties {

    @Provide
    Arbitrary<List<List<String>>> tables() {
        Arbitrary<String> cell = Arbitraries.strings().withChars("abcXYZ0123456789äöüßÄÖÜé -.,;\"\n").ofMinLength(1).ofMaxLength(12)
                .filter(s -> !s.isBlank());
        return Arbitraries.integers().between(2, 6).flatMap(cols ->
                cell.list().ofSize(cols).list().ofMinSize(2).ofMaxSize(30));
    }

    @Provide
    Arbitrary<Character> separators() {
        return Arbitraries.of(';', ',', '\t');
    }

    @Provide
    Arbitrary<String> encodings() {
        return Arbitraries.of("UTF-8", "UTF-8-BOM", "windows-1252");
    }

    /** Whatever separator and encoding an office chose, the cells come back as written. */
    @Property(tries = 200)
    void detectedDialectReadsTheTableBackUnchanged(@ForAll("tables") List<List<String>> table,
                                                   @ForAll("separators") char sep,
                                                   @ForAll("encodings") String encoding) throws IOException {
        Charset cs = encoding.startsWith("UTF-8") ? StandardCharsets.UTF_8 : CsvDialect.WINDOWS_1252;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (encoding.equals("UTF-8-BOM")) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> row : table) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    sb.append(sep);
                }
                sb.append('"').append(row.get(i).replace("\"", "\"\"")).append('"');
            }
            sb.append("\r\n");
        }
        out.write(sb.toString().getBytes(cs));
        Path file = Files.createTempFile("dialect", ".csv");
        try {
            Files.write(file, out.toByteArray());
            CsvDialect d = CsvDialect.detect(file);
            assertThat(d.separator()).isEqualTo(sep);
            List<List<String>> back = new ArrayList<>();
            try (CsvReader<CsvRecord> r = d.reader(file)) {
                for (CsvRecord rec : r) {
                    back.add(rec.getFields());
                }
            }
            assertThat(back).isEqualTo(table);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
