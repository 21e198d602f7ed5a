package de.sozialmonitor.store;

import de.sozialmonitor.model.Measure;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The county's measures (tables {@code measure}, {@code measure_area}, {@code measure_indicator}).
 * Every change is written with its audit event in one transaction; an audit event of a change
 * names the fields as they were stored, so that the log tells what a measure said at any time.
 */
public final class MeasureRepository {
    /** A stored measure: its row id, who changed it last and when, and the import it came from (null: web). */
    public record Stored(long id, Measure measure, OffsetDateTime updatedAt, String updatedBy, Long importId) {
    }

    /** What a save did. */
    public enum Change { CREATED, UPDATED, UNCHANGED }

    private final Jdbi jdbi;

    public MeasureRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Every measure, by start date, then key. */
    public List<Stored> list() {
        return jdbi.withHandle(MeasureRepository::list);
    }

    public Optional<Stored> find(String key) {
        return jdbi.withHandle(h -> find(h, key));
    }

    /** Creates or updates the measure with the measure's key, with its audit event. */
    public Change save(Measure m, String user) {
        return jdbi.inTransaction(h -> save(h, m, user, null));
    }

    /** Deletes the measure with this key, with an audit event that keeps what it said; false if there is none. */
    public boolean delete(String key, String user) {
        return jdbi.inTransaction(h -> {
            Optional<Stored> s = find(h, key);
            if (s.isEmpty()) {
                return false;
            }
            h.createUpdate("DELETE FROM measure WHERE id = :id").bind("id", s.get().id()).execute();
            ChangeStamps.raise(h, ChangeStamps.Topic.MEASURES);
            AuditLog.record(h, user, "measure.delete", key, describe(s.get().measure()));
            return true;
        });
    }

    public static List<Stored> list(Handle h) {
        Map<Long, List<String>> areas = children(h, "SELECT measure_id, area_code FROM measure_area ORDER BY measure_id, area_code");
        Map<Long, List<String>> indicators = children(h,
                "SELECT measure_id, indicator_id FROM measure_indicator ORDER BY measure_id, indicator_id");
        return h.createQuery("SELECT id, measure_key, title, field_of_action, office, start_date, end_date, budget, funding, "
                        + "target_group, description, shown_public, import_id, updated_at, updated_by FROM measure "
                        + "ORDER BY start_date, measure_key")
                .map((rs, ctx) -> {
                    long id = rs.getLong("id");
                    long imp = rs.getLong("import_id");
                    Long importId = rs.wasNull() ? null : imp;
                    Measure m = new Measure(rs.getString("measure_key"), rs.getString("title"), rs.getString("field_of_action"),
                            rs.getString("office"), localDate(rs.getDate("start_date")), localDate(rs.getDate("end_date")),
                            rs.getBigDecimal("budget"), rs.getString("funding"), rs.getString("target_group"),
                            rs.getString("description"), rs.getBoolean("shown_public"), areas.getOrDefault(id, List.of()),
                            indicators.getOrDefault(id, List.of()));
                    return new Stored(id, m, rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"), importId);
                }).list();
    }

    public static Optional<Stored> find(Handle h, String key) {
        return list(h).stream().filter(s -> s.measure().key().equals(key)).findFirst();
    }

    /**
     * Creates or updates the measure with its key inside the caller's transaction, with the audit
     * event ({@code measure.create} or {@code measure.update}); nothing is written if it is unchanged.
     *
     * @param importId the import of a measures list, or null for a change in the web or CLI
     */
    public static Change save(Handle h, Measure m, String user, Long importId) {
        Optional<Stored> old = find(h, m.key());
        if (old.isPresent() && old.get().measure().equals(m)) {
            return Change.UNCHANGED;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long id;
        if (old.isPresent()) {
            id = old.get().id();
            h.createUpdate("UPDATE measure SET title = :title, field_of_action = :field, office = :office, start_date = :start, "
                            + "end_date = :end, budget = :budget, funding = :funding, target_group = :target, "
                            + "description = :description, shown_public = :shown, import_id = :import, updated_at = :at, "
                            + "updated_by = :user WHERE id = :id")
                    .bindMap(values(m)).bind("import", importId).bind("at", now).bind("user", user).bind("id", id).execute();
            h.createUpdate("DELETE FROM measure_area WHERE measure_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM measure_indicator WHERE measure_id = :id").bind("id", id).execute();
        } else {
            id = h.createUpdate("INSERT INTO measure(measure_key, title, field_of_action, office, start_date, end_date, budget, "
                            + "funding, target_group, description, shown_public, import_id, updated_at, updated_by) VALUES (:key, "
                            + ":title, :field, :office, :start, :end, :budget, :funding, :target, :description, :shown, :import, "
                            + ":at, :user)")
                    .bindMap(values(m)).bind("import", importId).bind("at", now).bind("user", user)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        }
        for (String a : m.areaCodes()) {
            h.createUpdate("INSERT INTO measure_area(measure_id, area_code) VALUES (:id, :a)").bind("id", id).bind("a", a).execute();
        }
        for (String i : m.indicatorIds()) {
            h.createUpdate("INSERT INTO measure_indicator(measure_id, indicator_id) VALUES (:id, :i)").bind("id", id).bind("i", i)
                    .execute();
        }
        ChangeStamps.raise(h, ChangeStamps.Topic.MEASURES);
        AuditLog.record(h, user, old.isPresent() ? "measure.update" : "measure.create", m.key(),
                (importId == null ? "" : "import #" + importId + "; ") + describe(m));
        return old.isPresent() ? Change.UPDATED : Change.CREATED;
    }

    /** The fields as the audit log keeps them. */
    static String describe(Measure m) {
        return "title=" + m.title() + "; field=" + m.fieldOfAction() + "; office=" + nz(m.office()) + "; start=" + m.start()
                + "; end=" + (m.end() == null ? "" : m.end()) + "; budget=" + (m.budget() == null ? "" : m.budget().toPlainString())
                + "; funding=" + nz(m.funding()) + "; target_group=" + nz(m.targetGroup()) + "; public=" + m.shownPublic()
                + "; areas=" + String.join(",", m.areaCodes()) + "; indicators=" + String.join(",", m.indicatorIds());
    }

    private static Map<String, Object> values(Measure m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("key", m.key());
        v.put("title", m.title());
        v.put("field", m.fieldOfAction());
        v.put("office", m.office());
        v.put("start", m.start());
        v.put("end", m.end());
        v.put("budget", m.budget());
        v.put("funding", m.funding());
        v.put("target", m.targetGroup());
        v.put("description", m.description());
        v.put("shown", m.shownPublic());
        return v;
    }

    private static Map<Long, List<String>> children(Handle h, String sql) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        h.createQuery(sql).map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
