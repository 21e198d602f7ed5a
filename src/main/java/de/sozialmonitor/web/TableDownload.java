package de.sozialmonitor.web;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.sozialmonitor.model.SpreadsheetText;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table a page shows, as a download: CSV in the German form ({@code ;} and decimal comma) or
 * the international one ({@code ,} and point), or an XLSX workbook with numbers as numbers. The
 * notes (territory, release, method, sources, symbols) lead the CSV as {@code #} lines and fill a
 * second sheet of the workbook.
 *
 * <p>Cells are {@code String} (text; guarded against spreadsheet formulas), {@code Number},
 * {@code Boolean}, {@link #symbol} (a value withheld by disclosure control, written as its official
 * symbol {@code .} or {@code x}) or null (no value, an empty cell).
 */
record TableDownload(List<String> notes, List<String> columns, List<List<Object>> rows) {
    /** A value withheld by disclosure control, written as its official symbol. */
    record Symbol(String symbol) {
        @Override
        public String toString() {
            return symbol;
        }
    }

    static Object symbol(String symbol) {
        return new Symbol(symbol);
    }

    enum Format {
        CSV_DE("csv", "text/csv; charset=utf-8"),
        CSV_INTL("csv", "text/csv; charset=utf-8"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        final String extension;
        final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        /** {@code format=de} (default), {@code intl} or {@code xlsx}. */
        static Format of(String param) {
            return "intl".equals(param) ? CSV_INTL : "xlsx".equals(param) ? XLSX : CSV_DE;
        }
    }

    TableDownload {
        notes = List.copyOf(notes);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    byte[] csv(boolean german) {
        DecimalFormat num = new DecimalFormat("0.######", DecimalFormatSymbols.getInstance(german ? Locale.GERMAN : Locale.ROOT));
        StringWriter out = new StringWriter();
        // Notes first, as comment lines that CSV readers can skip (FastCSV, pandas comment="#").
        for (String note : notes) {
            out.write("# " + note.replace('\n', ' ').replace('\r', ' ') + "\r\n");
        }
        try (CsvWriter csv = CsvWriter.builder().fieldSeparator(german ? ';' : ',').lineDelimiter(LineDelimiter.CRLF).build(out)) {
            csv.writeRecord(columns);
            for (List<Object> row : rows) {
                List<String> fields = new ArrayList<>(row.size());
                for (Object cell : row) {
                    fields.add(text(cell, num));
                }
                csv.writeRecord(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Object cell, DecimalFormat num) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double d) {
            return d.isNaN() ? "" : num.format(d);
        }
        if (cell instanceof String s) {
            return SpreadsheetText.guard(s);
        }
        return cell.toString();
    }

    byte[] xlsx(String dataSheet, String notesSheet) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(bytes, "Sozialmonitor", "1.0");
            org.dhatim.fastexcel.Worksheet sheet = wb.newWorksheet(dataSheet);
            for (int c = 0; c < columns.size(); c++) {
                sheet.value(0, c, columns.get(c));
                sheet.style(0, c).bold().set();
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object cell = row.get(c);
                    // strings are written as string cells, never as formulas
                    if (cell instanceof Number n) {
                        if (!(n instanceof Double d && d.isNaN())) {
                            sheet.value(r + 1, c, n);
                        }
                    } else if (cell instanceof Boolean b) {
                        sheet.value(r + 1, c, b);
                    } else if (cell != null) {
                        sheet.value(r + 1, c, cell.toString());
                    }
                }
            }
            org.dhatim.fastexcel.Worksheet notesSheetTab = wb.newWorksheet(notesSheet);
            for (int n = 0; n < notes.size(); n++) {
                notesSheetTab.value(n, 0, notes.get(n));
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Answers the request with this table as a file {@code fileStem[-intl].ext}. */
    void send(Context ctx, Format format, String fileStem, Texts t) {
        byte[] body = format == Format.XLSX ? xlsx(t.get("xlsx.sheet"), t.get("xlsx.notes")) : csv(format == Format.CSV_DE);
        String name = fileStem.replaceAll("[^A-Za-z0-9_.-]", "_") + (format == Format.CSV_INTL ? "-intl" : "") + "." + format.extension;
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.contentType(format.mediaType).result(body);
    }
}
