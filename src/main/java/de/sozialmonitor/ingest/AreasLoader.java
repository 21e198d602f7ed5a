package de.sozialmonitor.ingest;

import de.sozialmonitor.model.Area;
import de.sozialmonitor.store.AreaRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The areas file {@code code;name;level;parent[;valid_from;valid_to]}: the hierarchy of the
 * territory. Levels get their depth from the hierarchy (the root, without parent, is the
 * territory at depth 0); a level name must sit at one depth only.
 */
final class AreasLoader implements Loader {
    static final Map<String, List<String>> COLUMNS = Map.of(
            "code", List.of("code", "area_code", "schluessel", "gebietsschluessel", "ags", "ars"),
            "name", List.of("name", "bezeichnung", "gebietsname"),
            "level", List.of("level", "ebene"),
            "parent", List.of("parent", "parent_code", "uebergeordnet", "uebergeordnetes_gebiet"),
            "valid_from", List.of("valid_from", "gueltig_ab"),
            "valid_to", List.of("valid_to", "gueltig_bis"));
    static final List<String> REQUIRED = List.of("code", "name", "level", "parent");

    private final Path file;
    private final CsvDialect dialect;
    private final CsvTable.Header header;

    AreasLoader(Path file, CsvDialect dialect, CsvTable.Header header) {
        this.file = file;
        this.dialect = dialect;
        this.header = header;
    }

    @Override
    public String format() {
        return "areas";
    }

    @Override
    public boolean observations() {
        return false;
    }

    /** A row of the file with the line it came from. */
    record Row(long line, Area area) {
    }

    @Override
    public ObservationSink load(LoadContext ctx) throws IOException {
        List<Row> rows = new ArrayList<>();
        long[] read = {0};
        int cCode = header.col("code");
        int cName = header.col("name");
        int cLevel = header.col("level");
        int cParent = header.col("parent");
        int cFrom = header.col("valid_from");
        int cTo = header.col("valid_to");
        Set<String> seen = new HashSet<>();
        CsvTable.forEachRow(file, dialect, header, r -> {
            read[0]++;
            String code = r.cell(cCode);
            String name = r.cell(cName);
            String level = r.cell(cLevel);
            String parent = r.cell(cParent);
            boolean ok = true;
            if (code.isEmpty()) {
                ctx.error("missing_value", null, r.line(), "code", code, "field.empty");
                ok = false;
            }
            if (name.isEmpty()) {
                ctx.error("missing_value", null, r.line(), "name", name, "field.empty");
                ok = false;
            }
            if (level.isEmpty()) {
                ctx.error("missing_value", null, r.line(), "level", level, "field.empty");
                ok = false;
            }
            LocalDate from = Area.BEGINNING;
            LocalDate to = null;
            if (cFrom >= 0 && !r.cell(cFrom).isEmpty()) {
                from = Dates.parse(r.cell(cFrom));
                if (from == null) {
                    ctx.error("bad_date", null, r.line(), "valid_from", r.cell(cFrom), "date.bad");
                    ok = false;
                }
            }
            if (cTo >= 0 && !r.cell(cTo).isEmpty()) {
                to = Dates.parse(r.cell(cTo));
                if (to == null) {
                    ctx.error("bad_date", null, r.line(), "valid_to", r.cell(cTo), "date.bad");
                    ok = false;
                } else if (from != null && !to.isAfter(from)) {
                    ctx.error("bad_date", null, r.line(), "valid_to", r.cell(cTo), "date.toBeforeFrom");
                    ok = false;
                }
            }
            if (ok && !seen.add(code + "|" + from)) {
                ctx.error("duplicate_key", null, r.line(), "code", code, "area.duplicate");
                ok = false;
            }
            if (ok) {
                rows.add(new Row(r.line(), new Area(code, name, level, parent.isEmpty() ? null : parent, from, to)));
            }
        });
        ctx.report.rowsRead(read[0]);
        if (read[0] == 0) {
            ctx.fileError("empty_file", "file.noRows");
        }
        Map<String, AreaRepository.KnownArea> known = ctx.knownAreas();
        Map<String, Integer> dbLevels = AreaRepository.levels(ctx.handle);
        Map<String, Row> byCode = new HashMap<>();
        for (Row r : rows) {
            byCode.putIfAbsent(r.area().code(), r);
        }
        Map<String, Integer> depthOf = new HashMap<>();
        Map<String, Integer> levelDepth = new LinkedHashMap<>();
        Map<String, Long> levelFirstLine = new HashMap<>();
        for (Row r : rows) {
            Integer depth = depth(r.area().code(), byCode, known, dbLevels, depthOf, new HashSet<>());
            if (depth == null) {
                String parent = r.area().parentCode();
                if (parent != null && !byCode.containsKey(parent) && !known.containsKey(parent)) {
                    ctx.error("unknown_parent", null, r.line(), "parent", parent, "area.unknownParent");
                } else {
                    ctx.error("cycle", null, r.line(), "parent", parent, "area.cycle");
                }
                continue;
            }
            String level = r.area().level();
            Integer had = levelDepth.putIfAbsent(level, depth);
            levelFirstLine.putIfAbsent(level, r.line());
            if (had != null && !had.equals(depth)) {
                ctx.error("level_depth", null, r.line(), "level", level, "level.twoDepths", had, depth, levelFirstLine.get(level));
            } else if (had == null && dbLevels.containsKey(level) && !dbLevels.get(level).equals(depth)) {
                ctx.error("level_depth", null, r.line(), "level", level, "level.dbDepth", dbLevels.get(level), depth);
            }
        }
        String territory = ctx.ws.config().territoryCode();
        for (Row r : rows) {
            if (r.area().parentCode() == null && !r.area().code().equals(territory)) {
                ctx.warn("territory_code", null, r.line(), "code", r.area().code(), "area.notTerritory", territory);
            }
        }
        ctx.report.rowsAccepted(rows.size());
        if (!ctx.report.hasErrors()) {
            levelDepth.forEach((name, depth) -> AreaRepository.upsertLevel(ctx.handle, name, depth));
            for (Row r : rows) {
                if (r.area().parentCode() == null) {
                    AreaRepository.upsertTerritory(ctx.handle, r.area().code(), r.area().name());
                }
            }
            AreaRepository.upsertAreas(ctx.handle, rows.stream().map(Row::area).toList(), ctx.importId);
        }
        return null;
    }

    /** Depth in the hierarchy, or null for an unknown parent or a cycle. */
    private static Integer depth(String code, Map<String, Row> byCode, Map<String, AreaRepository.KnownArea> known,
                                 Map<String, Integer> dbLevels, Map<String, Integer> memo, Set<String> path) {
        Integer m = memo.get(code);
        if (m != null) {
            return m;
        }
        if (!path.add(code)) {
            return null;
        }
        Integer d;
        Row r = byCode.get(code);
        if (r != null) {
            String parent = r.area().parentCode();
            if (parent == null) {
                d = 0;
            } else {
                Integer pd = depth(parent, byCode, known, dbLevels, memo, path);
                d = pd == null ? null : pd + 1;
            }
        } else {
            AreaRepository.KnownArea k = known.get(code);
            d = k == null ? null : dbLevels.get(k.level());
        }
        if (d != null) {
            memo.put(code, d);
        }
        return d;
    }
}
