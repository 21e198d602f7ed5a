package de.sozialmonitor.ingest;

import de.sozialmonitor.model.BoundaryChange;
import de.sozialmonitor.store.AreaRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The boundary-change file {@code predecessor;successor;weight;date}: from {@code date} on, the
 * share {@code weight} of the predecessor's counts belongs to the successor. Both codes must be
 * known areas; the weights of one predecessor on one date must add up to at most 1.
 */
final class BoundaryLoader implements Loader {
    static final Map<String, List<String>> COLUMNS = Map.of(
            "predecessor", List.of("predecessor", "predecessor_code", "vorgaenger"),
            "successor", List.of("successor", "successor_code", "nachfolger"),
            "weight", List.of("weight", "gewicht", "anteil"),
            "date", List.of("date", "change_date", "datum", "stichtag"));
    static final List<String> REQUIRED = List.of("predecessor", "successor", "weight", "date");

    private final Path file;
    private final CsvDialect dialect;
    private final CsvTable.Header header;

    BoundaryLoader(Path file, CsvDialect dialect, CsvTable.Header header) {
        this.file = file;
        this.dialect = dialect;
        this.header = header;
    }

    @Override
    public String format() {
        return "boundaries";
    }

    @Override
    public boolean observations() {
        return false;
    }

    @Override
    public ObservationSink load(LoadContext ctx) throws IOException {
        Map<String, AreaRepository.KnownArea> known = ctx.knownAreas();
        List<BoundaryChange> changes = new ArrayList<>();
        Map<String, Double> sums = new LinkedHashMap<>();
        Map<String, Long> lines = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        long[] read = {0};
        CsvTable.forEachRow(file, dialect, header, r -> {
            read[0]++;
            String pred = r.cell(header.col("predecessor"));
            String succ = r.cell(header.col("successor"));
            String w = r.cell(header.col("weight"));
            String d = r.cell(header.col("date"));
            boolean ok = true;
            for (String[] c : new String[][] {{"predecessor", pred}, {"successor", succ}}) {
                if (!known.containsKey(c[1])) {
                    ctx.error("unknown_area", null, r.line(), c[0], c[1], c[1].isEmpty() ? "area.empty" : "area.unknown");
                    ok = false;
                }
            }
            NumberStyle style = NumberStyle.provenBy(w) == null ? NumberStyle.INTERNATIONAL : NumberStyle.provenBy(w);
            ParsedValue pv = ValueParser.parse(w, style);
            double weight = pv.ok() && pv.value() != null && pv.status() == de.sozialmonitor.model.ValueStatus.OK ? pv.value() : Double.NaN;
            if (!(weight > 0 && weight <= 1)) {
                ctx.error("bad_weight", null, r.line(), "weight", w, "boundary.weight");
                ok = false;
            }
            LocalDate date = Dates.parse(d);
            if (date == null) {
                ctx.error("bad_date", null, r.line(), "date", d, "date.bad");
                ok = false;
            }
            if (ok && pred.equals(succ)) {
                ctx.error("bad_change", null, r.line(), "successor", succ, "boundary.self");
                ok = false;
            }
            if (ok && !seen.add(pred + "|" + succ + "|" + date)) {
                ctx.error("duplicate_key", null, r.line(), "successor", succ, "boundary.duplicate");
                ok = false;
            }
            if (ok) {
                changes.add(new BoundaryChange(pred, succ, weight, date));
                String key = pred + " " + date;
                sums.merge(key, weight, Double::sum);
                lines.putIfAbsent(key, r.line());
            }
        });
        ctx.report.rowsRead(read[0]);
        if (read[0] == 0) {
            ctx.fileError("empty_file", "file.noRows");
        }
        sums.forEach((key, sum) -> {
            if (sum > 1 + 1e-9) {
                ctx.error("weights_above_one", null, lines.get(key), "weight", String.valueOf(sum), "boundary.sumAbove", key);
            } else if (sum < 1 - 1e-9) {
                ctx.warn("weights_below_one", null, lines.get(key), "weight", String.valueOf(sum), "boundary.sumBelow", key);
            }
        });
        ctx.report.rowsAccepted(changes.size());
        if (!ctx.report.hasErrors()) {
            AreaRepository.upsertBoundaryChanges(ctx.handle, changes, ctx.importId);
        }
        return null;
    }
}
