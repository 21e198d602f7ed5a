package de.sozialmonitor.store;

import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.model.Area;
import de.sozialmonitor.model.BoundaryChange;
import de.sozialmonitor.privacy.ReleaseContent;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads what the method needs from the database: the level order, all area versions, the boundary
 * changes and the <em>active</em> observations (their import has {@code outcome = 'imported'} and is
 * not superseded). Where two active imports deliver the same key, the later import wins.
 */
public final class MonitoringInputReader {
    static final String ACTIVE = "i.outcome = 'imported' AND i.superseded_by IS NULL";

    private MonitoringInputReader() {
    }

    public static MonitoringInput read(Jdbi jdbi) {
        return jdbi.withHandle(MonitoringInputReader::read);
    }

    public static MonitoringInput read(Handle h) {
        return read(h, ACTIVE, q -> { });
    }

    /**
     * As {@link #read(Handle)}, but with the observations of exactly the given imports, superseded
     * or not: the inputs a result set recorded, so that {@code release verify} recomputes a release
     * from what it was computed from, even after a corrected delivery replaced some of it.
     */
    public static MonitoringInput readImports(Handle h, List<Long> importIds) {
        return readImports(h, importIds, null);
    }

    /**
     * As {@link #readImports(Handle, List)}, on the areas a release froze ({@code areas}; null: the
     * areas as they are now), so that a later areas delivery does not change the recomputation.
     */
    public static MonitoringInput readImports(Handle h, List<Long> importIds, ReleaseContent.AreaInputs areas) {
        if (importIds.isEmpty()) {
            return read(h, "1 = 0", q -> { }, areas);
        }
        return read(h, "i.id IN (<imports>)", q -> q.bindList("imports", importIds), areas);
    }

    /** The level order, area versions and boundary changes as they are now (what a release freezes). */
    public static ReleaseContent.AreaInputs areaInputs(Handle h) {
        List<String> levels = h.createQuery("SELECT name FROM area_level ORDER BY depth, name").mapTo(String.class).list();
        List<Area> versions = AreaRepository.areas(h);
        List<ReleaseContent.AreaInputs.AreaVersion> areas = new java.util.ArrayList<>(versions.size());
        for (Area a : versions) {
            areas.add(new ReleaseContent.AreaInputs.AreaVersion(a.code(), a.name(), a.level(), a.parentCode(),
                    iso(a.validFrom()), iso(a.validTo())));
        }
        List<ReleaseContent.AreaInputs.Change> changes = h.createQuery("SELECT predecessor_code, successor_code, weight, change_date "
                        + "FROM boundary_change ORDER BY change_date")
                .map((rs, ctx) -> new ReleaseContent.AreaInputs.Change(rs.getString("predecessor_code"), rs.getString("successor_code"),
                        rs.getDouble("weight"), iso(rs.getDate("change_date"))))
                .list();
        return new ReleaseContent.AreaInputs(levels, areas, changes);
    }

    private static MonitoringInput read(Handle h, String importFilter, java.util.function.Consumer<org.jdbi.v3.core.statement.Query> bind) {
        return read(h, importFilter, bind, null);
    }

    private static MonitoringInput read(Handle h, String importFilter, java.util.function.Consumer<org.jdbi.v3.core.statement.Query> bind,
                                        ReleaseContent.AreaInputs frozen) {
        MonitoringInput.Builder b = MonitoringInput.builder();
        ReleaseContent.AreaInputs areas = frozen != null ? frozen : areaInputs(h);
        b.levels(areas.levels());
        // a county's areas share a handful of validity dates: each is parsed once
        Map<String, LocalDate> dates = new HashMap<>();
        for (ReleaseContent.AreaInputs.AreaVersion a : areas.areas()) {
            b.area(a.code(), a.name(), a.level(), a.parentCode(), date(a.validFrom(), dates), date(a.validTo(), dates));
        }
        for (ReleaseContent.AreaInputs.Change c : areas.changes()) {
            b.boundaryChange(new BoundaryChange(c.predecessor(), c.successor(), c.weight(), date(c.date())));
        }
        org.jdbi.v3.core.statement.Query ids = h.createQuery("SELECT i.id FROM import i WHERE " + importFilter + " ORDER BY i.id");
        bind.accept(ids);
        long[] rows = new long[1];
        java.util.IdentityHashMap<String[], int[]> codeIndex = new java.util.IdentityHashMap<>();
        ObservationStore.forEachBlock(h, ids.mapTo(Long.class).list(), k -> true, block -> {
            // the import's area codes are numbered for the method once, not once per value
            int[] index = codeIndex.computeIfAbsent(block.codes(), codes -> {
                int[] ix = new int[codes.length];
                for (int c = 0; c < codes.length; c++) {
                    ix[c] = b.codeIndex(codes[c]);
                }
                return ix;
            });
            BlockCodec.ObservationValues v = block.values();
            int n = v.size();
            int[] at = new int[n];
            double[] usable = new double[n];
            for (int i = 0; i < n; i++) {
                at[i] = index[v.areas()[i]];
                usable[i] = block.status(i).hasValue() ? v.values()[i] : Double.NaN;
            }
            rows[0] += n;
            b.values(new MonitoringInput.SeriesKey(block.key().variable(), block.key().targetGroup()), block.key().year(), at, usable);
        });
        List<Map<String, Object>> imports = new ArrayList<>();
        org.jdbi.v3.core.statement.Query importRows = h.createQuery("SELECT i.id, i.file_name, i.sha256 FROM import i WHERE "
                + importFilter + " ORDER BY i.id");
        bind.accept(importRows);
        importRows.map((rs, ctx) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getLong("id"));
                    m.put("file", rs.getString("file_name"));
                    m.put("sha256", rs.getString("sha256"));
                    return m;
                })
                .forEach(imports::add);
        b.provenance("imports", imports);
        b.provenance("observations", rows[0]);
        return b.build();
    }

    private static String iso(Date d) {
        return d == null ? null : d.toLocalDate().toString();
    }

    private static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    private static LocalDate date(String iso, Map<String, LocalDate> parsed) {
        return iso == null ? null : parsed.computeIfAbsent(iso, LocalDate::parse);
    }
}
