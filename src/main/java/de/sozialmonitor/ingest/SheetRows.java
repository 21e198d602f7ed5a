package de.sozialmonitor.ingest;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Rows of a CSV file or of one XLSX sheet, streamed, as text cells. Numeric XLSX cells are
 * written in plain international notation and flagged, so that a workbook's numbers are never
 * read with a text convention. XLSX is read with fastexcel-reader: streaming, small, no POI.
 */
final class SheetRows {
    /** One row: 1-based number, cells, and which cells were numeric in the workbook. */
    record Line(long number, List<String> cells, boolean[] numeric) {
        String cell(int i) {
            return i < 0 || i >= cells.size() || cells.get(i) == null ? "" : cells.get(i).trim();
        }

        boolean isNumeric(int i) {
            return numeric != null && i >= 0 && i < numeric.length && numeric[i];
        }

        boolean blank() {
            for (String c : cells) {
                if (c != null && !c.isBlank()) {
                    return false;
                }
            }
            return true;
        }
    }

    private SheetRows() {
    }

    static boolean isXlsx(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".xlsx") || n.endsWith(".xlsm");
    }

    /** Streams all rows; returns the sheet's name (null for CSV). */
    static String forEach(Path file, String sheetName, CsvDialect dialect, Consumer<Line> sink) throws IOException {
        if (isXlsx(file)) {
            XlsxLimits.check(file);
            try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false))) {
                Optional<Sheet> sheet = sheetName == null || sheetName.isBlank() ? Optional.of(wb.getFirstSheet()) : wb.findSheet(sheetName);
                if (sheet.isEmpty()) {
                    throw new MissingSheetException(sheetName, wb.getSheets().map(Sheet::getName).toList());
                }
                try (Stream<Row> rows = sheet.get().openStream()) {
                    rows.forEach(r -> sink.accept(line(r)));
                }
                return sheet.get().getName();
            }
        }
        try (CsvReader<CsvRecord> reader = dialect.reader(file)) {
            for (CsvRecord r : reader) {
                sink.accept(new Line(r.getStartingLineNumber(), r.getFields(), null));
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                throw new CsvTable.EncodingException(0, e.getCause());
            }
            throw e;
        }
        return null;
    }

    /** The names of a workbook's sheets, in order. */
    static List<String> sheetNames(Path file) throws IOException {
        XlsxLimits.check(file);
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
            return wb.getSheets().map(Sheet::getName).toList();
        }
    }

    private static Line line(Row r) {
        int n = r.getCellCount();
        List<String> cells = new ArrayList<>(n);
        boolean[] numeric = new boolean[n];
        for (int i = 0; i < n; i++) {
            Cell c = r.getCell(i);
            if (c == null || c.getType() == CellType.EMPTY) {
                cells.add("");
            } else if (c.getType() == CellType.NUMBER && isDate(c)) {
                cells.add(c.asDate().toLocalDate().toString()); // a reference date typed as a date: 2020-12-31
            } else if (c.getType() == CellType.NUMBER) {
                BigDecimal d = c.asNumber();
                cells.add(d.stripTrailingZeros().toPlainString());
                numeric[i] = true;
            } else if (c.getType() == CellType.FORMULA && c.getRawValue() != null && c.getRawValue().matches("-?[0-9.]+(E-?[0-9]+)?")) {
                cells.add(new BigDecimal(c.getRawValue()).stripTrailingZeros().toPlainString());
                numeric[i] = true;
            } else {
                cells.add(c.getText() == null ? "" : c.getText());
            }
        }
        return new Line(r.getRowNum(), cells, numeric);
    }

    /** A number shown as a date: one of Excel's built-in date formats (14-22), or a format with day, month and year. */
    private static boolean isDate(Cell c) {
        Integer id = c.getDataFormatId();
        if (id != null && id >= 14 && id <= 22) {
            return true;
        }
        String f = c.getDataFormatString();
        if (f == null) {
            return false;
        }
        String plain = f.replaceAll("\\[[^]]*]|\"[^\"]*\"", "").toLowerCase(java.util.Locale.ROOT);
        return plain.contains("d") && plain.contains("m") && plain.contains("y");
    }

    /** The mapping names a sheet the workbook does not have. */
    static final class MissingSheetException extends RuntimeException {
        MissingSheetException(String name, List<String> present) {
            super("sheet '" + name + "' not found; the workbook has " + present);
        }
    }
}
