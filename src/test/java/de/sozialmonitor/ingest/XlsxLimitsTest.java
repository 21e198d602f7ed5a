package de.sozialmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.TestDatabases;
import de.sozialmonitor.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 11): a 2 MB XLSX with one huge shared string took the heap from 430 MiB to
 * 5.25 GB. Workbooks are now checked against limits before they are read.
 */
class XlsxLimitsTest {
    @TempDir
    Path tmp;

    /** A copy of {@code source} whose part {@code part} is replaced by {@code head}, {@code repeat} × {@code fill}, {@code tail}. */
    private static Path withPart(Path source, Path target, String part, String head, byte fill, long repeat, String tail)
            throws IOException {
        boolean replaced = false;
        try (ZipFile in = new ZipFile(source.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(part)) {
                    write(out, head, fill, repeat, tail);
                    replaced = true;
                } else {
                    try (InputStream part0 = in.getInputStream(e)) {
                        part0.transferTo(out);
                    }
                }
                out.closeEntry();
            }
            if (!replaced) {
                out.putNextEntry(new ZipEntry(part));
                write(out, head, fill, repeat, tail);
                out.closeEntry();
            }
        }
        return target;
    }

    private static void write(OutputStream out, String head, byte fill, long repeat, String tail) throws IOException {
        out.write(head.getBytes(StandardCharsets.UTF_8));
        byte[] block = new byte[1 << 20];
        java.util.Arrays.fill(block, fill);
        for (long left = repeat; left > 0; left -= block.length) {
            out.write(block, 0, (int) Math.min(block.length, left));
        }
        out.write(tail.getBytes(StandardCharsets.UTF_8));
    }

    private Path ordinaryWorkbook() throws IOException {
        Path file = tmp.resolve("lsn-alter-2023.xlsx");
        MappedSourceTest.writeCrossTabWorkbook(file);
        return file;
    }

    @Test
    void aSmallWorkbookWithOneHugeSharedStringIsRefusedBeforeReadingWithAnErrorNamingTheFile() throws IOException {
        Path bomb = withPart(ordinaryWorkbook(), tmp.resolve("lsn-alter-2024.xlsx"), "xl/sharedStrings.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                        + " count=\"1\" uniqueCount=\"1\"><si><t>", (byte) 'A', 300L << 20, "</t></si></sst>");
        assertThat(Files.size(bomb)).isLessThan(2L << 20);
        Workspace ws = IngestFixtures.workspace(tmp.resolve("ws"));
        IngestFixtures.write(ws.sourcesDir(), "lsn-alter.yaml", """
                pattern: "lsn-alter-*.xlsx"
                sheet: "Tabelle 2"
                layout: crosstab
                header_rows: 2
                year: 2024
                area: {column: AGS, codes: ags}
                columns:
                  "unter 18 Jahre / männlich":     {variable: pop_u18, sex: m}
                """);
        try (Database db = TestDatabases.h2()) {
            CheckReport report = Importer.check(ws, db, bomb, Importer.Options.in(java.util.Locale.ENGLISH));
            assertThat(report.problems()).filteredOn(Problem::isError).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("xlsx_limit");
                assertThat(p.file()).isEqualTo("lsn-alter-2024.xlsx");
                assertThat(p.reason()).contains("xl/sharedStrings.xml").contains("327670 bytes");
            });
        }
    }

    @Test
    void aHugeInlineStringOrASharedStringTableOverTheLimitIsRefusedToo() throws IOException {
        Path inline = withPart(ordinaryWorkbook(), tmp.resolve("inline.xlsx"), "xl/worksheets/sheet9.xml",
                "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>", (byte) 'x', 400_000, "</t></is></c></row></sheetData></worksheet>");
        assertThatThrownBy(() -> XlsxLimits.check(inline)).isInstanceOf(XlsxLimits.Exceeded.class)
                .hasMessageContaining("xl/worksheets/sheet9.xml");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            many.append("<si><t>").append("y".repeat(7_000)).append(i).append("</t></si>");
        }
        Path table = withPart(ordinaryWorkbook(), tmp.resolve("table.xlsx"), "xl/sharedStrings.xml",
                "<sst>" + many, (byte) ' ', 0, "</sst>");
        assertThatThrownBy(() -> XlsxLimits.check(table)).isInstanceOf(XlsxLimits.Exceeded.class).hasMessageContaining("64 MB");
    }

    @Test
    void ordinaryWorkbooksKeepEveryLimit() throws IOException {
        Path file = ordinaryWorkbook();
        assertThatCode(() -> XlsxLimits.check(file)).doesNotThrowAnyException();
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(in.readNBytes(2)).containsExactly('P', 'K');
        }
    }
}
