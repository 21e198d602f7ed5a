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
 * A table a page shows, as a download: CSV for German spreadsheets or the international form, or
 * an XLSX workbook with numbers as numbers. The notes (territory, release, method, sources,
 * symbols) lead the CSV as {@code #} lines and fill a second sheet of the workbook.
 *
 * <ul>
 *   <li>German CSV, made to open right in a German Excel by double click: UTF-8 <em>with</em> byte
 *   order mark (else Excel reads it as Windows-1252 and garbles every umlaut), {@code ;}, decimal
 *   comma, the readable column names ({@code labels}), {@code ja}/{@code nein}, classes in words.</li>
 *   <li>International CSV, for scripts: UTF-8 without BOM, {@code ,}, decimal point, the column
 *   codes ({@code columns}), {@code true}/{@code false}, class codes.</li>
 *   <li>XLSX: the readable column names, numbers and truth values typed.</li>
 * </ul>
 *
 * <p>Cells are {@code String} (text; guarded against spreadsheet formulas), {@code Number},
 * {@code Boolean}, {@link #symbol} (a value withheld by disclosure control, written as its official
 * symbol {@code .} or {@code x}), {@link #coded} (a code with its readable label) or null (no value,
 * an empty cell).
 */
record TableDownload(List<String> notes, List<String> columns, List<String> labels, List<List<Object>> rows) {
    /** The byte order mark that tells Excel the file is UTF-8. */
    static final String BOM = "\uFEFF";

    /** A code (class, reason) and its label in the reader's language: codes for scripts, words for people. */
    record Coded(String code, String label) {
        @Override
        public String toString() {
            return code;
        }
    }

    static Object coded(String code, String label) {
        return code == null ? null : new Coded(code, label);
    }

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
        labels = List.copyOf(labels);
        rows = List.copyOf(rows);
        if (labels.size() != columns.size()) {
            throw new IllegalArgumentException(columns.size() + " columns but " + labels.size() + " labels");
        }
    }

    byte[] csv(boolean german) {
        DecimalFormat num = new DecimalFormat("0.######", DecimalFormatSymbols.getInstance(german ? Locale.GERMAN : Locale.ROOT));
        StringWriter out = new StringWriter();
        if (german) {
            out.write(BOM);
        }
        // Notes first, as comment lines that CSV readers can skip (FastCSV, pandas comment="#").
        for (String note : notes) {
            out.write("# " + note.replace('\n', ' ').replace('\r', ' ') + "\r\n");
        }
        try (CsvWriter csv = CsvWriter.builder().fieldSeparator(german ? ';' : ',').lineDelimiter(LineDelimiter.CRLF).build(out)) {
            // headers are text too: guarded against spreadsheet formulas like every text cell
            csv.writeRecord((german ? labels : columns).stream().map(SpreadsheetText::field).toList());
            for (List<Object> row : rows) {
                List<String> fields = new ArrayList<>(row.size());
                for (Object cell : row) {
                    fields.add(text(cell, num, german));
                }
                csv.writeRecord(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Object cell, DecimalFormat num, boolean german) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Boolean b) {
            return german ? (b ? "ja" : "nein") : b.toString();
        }
        if (cell instanceof Coded c) {
            return SpreadsheetText.field(german ? c.label() : c.code());
        }
        if (cell instanceof Double d) {
            return d.isNaN() ? "" : num.format(d);
        }
        return SpreadsheetText.field(cell.toString());
    }

    byte[] xlsx(String dataSheet, String notesSheet) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(bytes, "Sozialmonitor", "1.0");
            org.dhatim.fastexcel.Worksheet sheet = wb.newWorksheet(dataSheet);
            for (int c = 0; c < labels.size(); c++) {
                sheet.value(0, c, labels.get(c));
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
                    } else if (cell instanceof Coded coded) {
                        sheet.value(r + 1, c, coded.label());
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

    /** The file in {@code format}. */
    byte[] bytes(Format format, Texts t) {
        return format == Format.XLSX ? xlsx(t.get("xlsx.sheet"), t.get("xlsx.notes")) : csv(format == Format.CSV_DE);
    }

    /** The file name of this table in {@code format}: {@code fileStem[-intl].ext}. */
    static String fileName(String fileStem, Format format) {
        return fileStem.replaceAll("[^A-Za-z0-9_.-]", "_") + (format == Format.CSV_INTL ? "-intl" : "") + "." + format.extension;
    }

    /** Answers the request with this table as a file {@code fileStem[-intl].ext}. */
    void send(Context ctx, Format format, String fileStem, Texts t) {
        byte[] body = bytes(format, t);
        String name = fileName(fileStem, format);
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.contentType(format.mediaType).result(body);
    }
}
