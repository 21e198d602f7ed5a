package de.sozialmonitor.cli;

import de.sozialmonitor.json.Json;
import de.sozialmonitor.model.DecimalText;
import de.sozialmonitor.model.SpreadsheetText;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.sozialmonitor.method.IndicatorValues;
import de.sozialmonitor.method.MonitoringResult;
import de.sozialmonitor.model.Indicator;
import de.sozialmonitor.store.AuditLog;
import de.sozialmonitor.store.Database;
import de.sozialmonitor.store.ResultRepository;
import de.sozialmonitor.workspace.Workspace;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code export results}: one row per area of the analysis level. The column names are a public
 * contract (docs/export-results.md): scripts rely on them.
 */
@Command(name = "results", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli.export-results",
        description = "Export the result set of a year: one row per area of the analysis level.")
public final class ExportResultsCommand implements Callable<Integer> {
    /** The fixed leading columns; one column per indicator id follows. */
    public static final List<String> COLUMNS = List.of("area_code", "area_name", "year", "status_index", "status_class",
            "dynamics_index", "dynamics_class", "attention", "excluded");

    public enum Format { csv, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--year", paramLabel = "YEAR", description = "Year of the result set (default: the latest computed)")
    Integer year;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv or json (default: csv)")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "File to write (default: standard output)")
    Path output;

    @Override
    public Integer call() throws IOException {
        Workspace ws = workspace.open();
        try (Database db = ws.openDatabase()) {
            ResultRepository repo = new ResultRepository(db.jdbi());
            Optional<Long> id = year != null ? repo.latestId(year) : repo.latestId();
            if (id.isEmpty()) {
                spec.commandLine().getErr().println(year != null ? Messages.of(spec).method("export.noResult", String.valueOf(year))
                        : Messages.of(spec).method("export.noResultAtAll"));
                return ExitCodes.ERROR;
            }
            MonitoringResult r = repo.ownYearById(id.get()).orElseThrow();
            int rowCount = r.analysisAreas().length;
            if (format == Format.csv && output != null) {
                // straight into the file: a county's CSV is tens of megabytes, held once as text and once as bytes otherwise
                try (CsvWriter w = csvWriter().build(output, StandardCharsets.UTF_8)) {
                    csv(r, w);
                }
            } else if (format == Format.csv) {
                CsvWriter w = csvWriter().build(spec.commandLine().getOut());
                csv(r, w);
                w.flush(); // not closed: that would close the standard output
            } else {
                String text = json(r, id.get(), ws.config().synthetic(), ws.config().source(), rows(r));
                if (output == null) {
                    spec.commandLine().getOut().print(text);
                    spec.commandLine().getOut().flush();
                } else {
                    Files.writeString(output, text, StandardCharsets.UTF_8);
                }
            }
            if (output != null) {
                spec.commandLine().getErr().println(Messages.of(spec).method("export.written", String.valueOf(rowCount), output));
            }
            if (ws.config().synthetic()) {
                spec.commandLine().getErr().println(Messages.of(spec).method("export.synthetic"));
            }
            if (!ws.config().source().isEmpty()) {
                spec.commandLine().getErr().println(Messages.of(spec).method("export.source", ws.config().source()));
            }
            db.jdbi().useHandle(h -> AuditLog.record(h, AuditLog.cliUser(), "export", "results result_set " + id.get(),
                    "year=" + r.year() + "; format=" + format + "; rows=" + rowCount
                            + (output == null ? "" : "; file=" + output.toAbsolutePath())));
        }
        return ExitCodes.OK;
    }

    /** The rows of the export, column name to value (null = empty), for the areas of the analysis level. */
    public static List<Map<String, Object>> rows(MonitoringResult r) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Indicator> indicators = r.catalog().indicators();
        List<IndicatorValues> values = new ArrayList<>();
        for (Indicator i : indicators) {
            values.add(r.current(i.id()));
        }
        for (int a : r.analysisAreas()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("area_code", r.areas().code(a));
            row.put("area_name", r.areas().name(a));
            row.put("year", r.year());
            row.put("status_index", number(r.statusIndex(a)));
            row.put("status_class", r.statusClass()[a] == null ? null : r.statusClass()[a].code());
            row.put("dynamics_index", number(r.dynamicsIndex(a)));
            row.put("dynamics_class", r.dynamicsClass()[a] == null ? null : r.dynamicsClass()[a].code());
            row.put("attention", r.attention()[a]);
            row.put("excluded", r.excluded()[a]);
            for (int k = 0; k < indicators.size(); k++) {
                IndicatorValues v = values.get(k);
                row.put(indicators.get(k).id(), v == null ? null : number(v.value()[a]));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Rounded to 6 decimals (the database keeps full precision); null for a missing value. */
    static BigDecimal number(double v) {
        String text = text(v);
        return text == null ? null : new BigDecimal(text);
    }

    /** A number as the export writes it ({@link DecimalText#sixDecimals}); null for a missing value. */
    static String text(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : DecimalText.sixDecimals(v);
    }

    private static CsvWriter.CsvWriterBuilder csvWriter() {
        return CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.LF);
    }

    /**
     * The CSV: the columns of {@link #rows}, written area by area without building the rows (a
     * county has hundreds of thousands); every cell that is not a number is guarded against
     * spreadsheet formulas, the header too.
     */
    static void csv(MonitoringResult r, CsvWriter w) {
        List<String> header = new ArrayList<>(COLUMNS);
        List<Indicator> indicators = r.catalog().indicators();
        indicators.forEach(i -> header.add(i.id()));
        List<IndicatorValues> values = new ArrayList<>();
        for (Indicator i : indicators) {
            values.add(r.current(i.id()));
        }
        String year = String.valueOf(r.year());
        w.writeRecord(header.stream().map(SpreadsheetText::field).toList());
        String[] fields = new String[header.size()];
        for (int a : r.analysisAreas()) {
            fields[0] = textCell(r.areas().code(a));
            fields[1] = textCell(r.areas().name(a));
            fields[2] = year;
            fields[3] = numberCell(r.statusIndex(a));
            fields[4] = textCell(r.statusClass()[a] == null ? null : r.statusClass()[a].code());
            fields[5] = numberCell(r.dynamicsIndex(a));
            fields[6] = textCell(r.dynamicsClass()[a] == null ? null : r.dynamicsClass()[a].code());
            fields[7] = textCell(String.valueOf(r.attention()[a]));
            fields[8] = textCell(r.excluded()[a]);
            for (int k = 0; k < indicators.size(); k++) {
                IndicatorValues v = values.get(k);
                fields[COLUMNS.size() + k] = v == null ? textCell(null) : numberCell(v.value()[a]);
            }
            w.writeRecord(fields);
        }
    }

    private static String numberCell(double v) {
        String text = text(v);
        return text == null ? textCell(null) : text;
    }

    /** A cell that is not a number (null: empty), guarded as {@link SpreadsheetText#cell} guards it. */
    private static String textCell(String value) {
        return SpreadsheetText.cell(value, value == null ? "" : value);
    }

    /** {@code source}: the data's source and licence, given (as a further key) for real, published data only. */
    static String json(MonitoringResult r, long id, boolean synthetic, String source, List<Map<String, Object>> rows) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("result_set", id);
        doc.put("year", r.year());
        doc.put("base_year", r.baseYear());
        doc.put("analysis_level", r.analysisLevel());
        doc.put("synthetic", synthetic);
        if (source != null && !source.isEmpty()) {
            doc.put("source", source);
        }
        doc.put("columns", rows.isEmpty() ? COLUMNS : new ArrayList<>(rows.get(0).keySet()));
        doc.put("rows", rows);
        return Json.pretty().writeValueAsString(doc) + "\n";
    }
}
