package de.sozialmonitor.store;

import de.sozialmonitor.method.MonitoringInput;
import de.sozialmonitor.model.BoundaryChange;
import de.sozialmonitor.model.ValueStatus;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
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
        if (importIds.isEmpty()) {
            return read(h, "1 = 0", q -> { });
        }
        return read(h, "i.id IN (<imports>)", q -> q.bindList("imports", importIds));
    }

    private static MonitoringInput read(Handle h, String importFilter, java.util.function.Consumer<org.jdbi.v3.core.statement.Query> bind) {
        MonitoringInput.Builder b = MonitoringInput.builder();
        b.levels(h.createQuery("SELECT name FROM area_level ORDER BY depth, name").mapTo(String.class).list());
        h.createQuery("SELECT code, name, level, parent_code, valid_from, valid_to FROM area ORDER BY code, valid_from")
                .map((rs, ctx) -> b.area(rs.getString("code"), rs.getString("name"), rs.getString("level"),
                        rs.getString("parent_code"), date(rs.getDate("valid_from")), date(rs.getDate("valid_to"))))
                .forEach(x -> { });
        h.createQuery("SELECT predecessor_code, successor_code, weight, change_date FROM boundary_change ORDER BY change_date")
                .map((rs, ctx) -> b.boundaryChange(new BoundaryChange(rs.getString("predecessor_code"),
                        rs.getString("successor_code"), rs.getDouble("weight"), date(rs.getDate("change_date")))))
                .forEach(x -> { });
        long[] rows = new long[1];
        org.jdbi.v3.core.statement.Query observations = h.createQuery("SELECT o.area_code, o.year, o.variable, o.target_group, "
                + "o.value, o.status FROM observation o JOIN import i ON i.id = o.import_id WHERE " + importFilter + " ORDER BY o.import_id");
        bind.accept(observations);
        observations.setFetchSize(10_000)
                .map((rs, ctx) -> {
                    double v = rs.getDouble("value");
                    boolean none = rs.wasNull();
                    boolean usable = ValueStatus.fromName(rs.getString("status")).map(ValueStatus::hasValue).orElse(false);
                    String group = rs.getString("target_group");
                    rows[0]++;
                    return b.value(rs.getString("area_code"), rs.getInt("year"), rs.getString("variable"),
                            group == null ? "" : group, none || !usable ? Double.NaN : v);
                })
                .forEach(x -> { });
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

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
