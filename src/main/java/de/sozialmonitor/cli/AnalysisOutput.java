package de.sozialmonitor.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.sozialmonitor.analysis.AnalysisTables;
import de.sozialmonitor.analysis.AnalysisTables.Table;
import de.sozialmonitor.json.Json;
import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.model.SpreadsheetText;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.MonitoringInputReader;
import de.sozialmonitor.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What the three {@code analyse} commands share: the workspace, the year, and writing the analysis's
 * tables ({@link AnalysisTables}) as an aligned text table, CSV ({@code ;}, decimal point, one table) or
 * JSON (every table, with the parameters).
 */
final class AnalysisOutput {
    enum Format { table, csv, json }

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--year", paramLabel = "YEAR", description = "Year to analyse (default: the latest year in the data)")
    Integer year;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, csv or json (default: table)")
    Format format;

    @Option(names = "--table", paramLabel = "NAME", description = "Only this table (CSV: default the first)")
    String table;

    @Option(names = "--output", paramLabel = "FILE", description = "File to write (default: standard output)")
    Path output;

    /** The workspace's data, as the method reads it, and the year to analyse. */
    record Loaded(Workspace workspace, MonitoringInput input, int year) {
    }

    Loaded load(CommandLine cl) {
        Messages messages = Messages.of(cl.getCommandSpec());
        Workspace ws = workspace.open();
        MonitoringInput input;
        try (Database db = ws.openDatabase()) {
            input = MonitoringInputReader.read(db.jdbi());
        }
        int[] years = input.years();
        if (years.length == 0) {
            throw new RejectedInputException(messages.method("compute.noData"));
        }
        int y = year != null ? year : years[years.length - 1];
        if (!input.hasYear(y)) {
            throw new RejectedInputException(messages.method("compute.noYear", String.valueOf(y),
                    String.join(", ", java.util.Arrays.stream(years).mapToObj(String::valueOf).toList())));
        }
        return new Loaded(ws, input, y);
    }

    /** Writes the tables in the chosen format; {@code meta} goes into the JSON document and above a text table. */
    void write(CommandLine cl, String analysis, Map<String, Object> meta, List<Table> tables) {
        Messages messages = Messages.of(cl.getCommandSpec());
        List<Table> chosen = table == null ? tables : List.of(AnalysisTables.named(tables, table));
        String text = switch (format) {
            case table -> text(messages, meta, chosen);
            case csv -> csv(chosen.get(0));
            case json -> json(analysis, meta, chosen);
        };
        try {
            if (output == null) {
                cl.getOut().print(text);
                cl.getOut().flush();
            } else {
                Files.writeString(output, text, StandardCharsets.UTF_8);
                cl.getErr().println(messages.analysis("written", output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Messages messages, Map<String, Object> meta, List<Table> tables) {
        StringWriter sw = new StringWriter();
        PrintWriter out = new PrintWriter(sw);
        NumberFormat nf = NumberFormat.getNumberInstance(messages.locale());
        nf.setMaximumFractionDigits(3);
        nf.setMinimumFractionDigits(0);
        nf.setGroupingUsed(false);
        meta.forEach((k, v) -> out.println(messages.analysis("meta." + k) + ": " + cell(v, nf, messages)));
        for (Table t : tables) {
            out.println();
            out.println(messages.analysis("table." + t.name()));
            List<String[]> cells = new ArrayList<>();
            cells.add(t.columns().stream().map(c -> messages.analysisColumn(c)).toArray(String[]::new));
            for (List<Object> row : t.rows()) {
                cells.add(row.stream().map(v -> cell(v, nf, messages)).toArray(String[]::new));
            }
            int[] width = new int[t.columns().size()];
            for (String[] r : cells) {
                for (int i = 0; i < r.length; i++) {
                    width[i] = Math.max(width[i], r[i].length());
                }
            }
            boolean[] numeric = new boolean[width.length];
            for (List<Object> row : t.rows()) {
                for (int i = 0; i < row.size(); i++) {
                    numeric[i] |= row.get(i) instanceof Number;
                }
            }
            for (String[] r : cells) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < r.length; i++) {
                    String pad = " ".repeat(width[i] - r[i].length());
                    sb.append(numeric[i] ? pad + r[i] : r[i] + pad);
                    sb.append(i + 1 < r.length ? "  " : "");
                }
                out.println(sb.toString().stripTrailing());
            }
            if (t.rows().isEmpty()) {
                out.println(messages.analysis("empty"));
            }
        }
        out.flush();
        return sw.toString();
    }

    private static String cell(Object v, NumberFormat nf, Messages messages) {
        if (v == null) {
            return "–";
        }
        if (v instanceof Double d) {
            // a value that rounds to zero prints as 0, never as -0
            return nf.format(Math.abs(d) < 0.0005 ? 0.0 : d);
        }
        if (v instanceof Boolean b) {
            return messages.analysis(b ? "yes" : "no");
        }
        return v.toString();
    }

    static String csv(Table t) {
        StringWriter sw = new StringWriter();
        try (CsvWriter w = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.LF).build(sw)) {
            // every cell that is not a number is guarded against spreadsheet formulas, the header too
            w.writeRecord(t.columns().stream().map(SpreadsheetText::field).toList());
            for (List<Object> row : t.rows()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    Object v = row.get(i);
                    String text = v == null ? "" : v instanceof Double d ? plain(d) : v.toString();
                    fields.add(SpreadsheetText.cell(v, text));
                }
                w.writeRecord(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    static String json(String analysis, Map<String, Object> meta, List<Table> tables) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("analysis", analysis);
        doc.putAll(meta);
        Map<String, Object> byName = new LinkedHashMap<>();
        for (Table t : tables) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (List<Object> row : t.rows()) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < t.columns().size(); i++) {
                    Object v = row.get(i);
                    m.put(t.columns().get(i), v instanceof Double d ? new BigDecimal(plain(d)) : v);
                }
                rows.add(m);
            }
            byName.put(t.name(), rows);
        }
        doc.put("tables", byName);
        try {
            return Json.pretty().writeValueAsString(doc) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rounded to 6 decimals, as {@code export results} writes numbers. */
    private static String plain(double v) {
        return de.sozialmonitor.model.DecimalText.sixDecimals(v);
    }
}
