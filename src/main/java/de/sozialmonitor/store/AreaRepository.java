package de.sozialmonitor.store;

import de.sozialmonitor.model.Area;
import de.sozialmonitor.model.BoundaryChange;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Areas and their versions, area levels, the territory, boundary changes and geometries
 * (GeoJSON text in EPSG:4326). Writes happen inside the caller's import transaction.
 */
public final class AreaRepository {
    private AreaRepository() {
    }

    /** What validation needs to know about an existing area code (its newest version). */
    public record KnownArea(String code, String name, String level, String parentCode, boolean hasGeometry) {
    }

    /** Every area code in the database, newest version each. */
    public static Map<String, KnownArea> known(Handle h) {
        Map<String, KnownArea> map = new HashMap<>();
        h.createQuery("SELECT code, name, level, parent_code, geometry IS NOT NULL AS has_geo FROM area ORDER BY code, valid_from")
                .map((rs, ctx) -> new KnownArea(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                .forEach(a -> map.put(a.code(), a));
        return map;
    }

    /** Validity of one area version: {@code validTo} null while current. */
    public record Validity(String code, LocalDate validFrom, LocalDate validTo) {
    }

    /**
     * The versions of every area code that is not valid throughout (some version has a valid_to or
     * starts after {@link Area#BEGINNING}), ordered by code and valid_from: what the per-year check
     * of observations needs. Codes not listed are valid in every year.
     */
    public static List<Validity> limitedValidities(Handle h) {
        return h.createQuery("SELECT code, valid_from, valid_to FROM area WHERE code IN "
                        + "(SELECT code FROM area WHERE valid_to IS NOT NULL OR valid_from > :b) ORDER BY code, valid_from")
                .bind("b", Area.BEGINNING)
                .map((rs, ctx) -> new Validity(rs.getString(1), rs.getDate(2).toLocalDate(),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()))
                .list();
    }

    /** Level name to depth (root territory = 0). */
    public static Map<String, Integer> levels(Handle h) {
        Map<String, Integer> map = new LinkedHashMap<>();
        h.createQuery("SELECT name, depth FROM area_level ORDER BY depth, name")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2))).forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    public static void upsertLevel(Handle h, String name, int depth) {
        int n = h.createUpdate("UPDATE area_level SET depth = :d WHERE name = :n").bind("d", depth).bind("n", name).execute();
        if (n == 0) {
            h.createUpdate("INSERT INTO area_level(name, depth) VALUES (:n, :d)").bind("n", name).bind("d", depth).execute();
        }
    }

    public static void upsertTerritory(Handle h, String code, String name) {
        int n = h.createUpdate("UPDATE territory SET name = :n WHERE code = :c").bind("c", code).bind("n", name).execute();
        if (n == 0) {
            h.createUpdate("INSERT INTO territory(code, name) VALUES (:c, :n)").bind("c", code).bind("n", name).execute();
        }
    }

    /** Writes area versions; a version with the same code and valid_from is replaced (its geometry kept). */
    public static void upsertAreas(Handle h, List<Area> areas, long importId) {
        try (PreparedStatement upd = h.getConnection().prepareStatement(
                "UPDATE area SET valid_to = ?, name = ?, level = ?, parent_code = ?, import_id = ? WHERE code = ? AND valid_from = ?");
             PreparedStatement ins = h.getConnection().prepareStatement(
                     "INSERT INTO area(code, valid_from, valid_to, name, level, parent_code, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            Map<String, Area> existing = new HashMap<>();
            h.createQuery("SELECT code, valid_from FROM area").map((rs, ctx) -> rs.getString(1) + "|" + rs.getDate(2).toLocalDate())
                    .forEach(k -> existing.put(k, null));
            int pendingU = 0;
            int pendingI = 0;
            for (Area a : areas) {
                if (existing.containsKey(a.code() + "|" + a.validFrom())) {
                    upd.setDate(1, a.validTo() == null ? null : Date.valueOf(a.validTo()));
                    upd.setString(2, a.name());
                    upd.setString(3, a.level());
                    upd.setString(4, a.parentCode());
                    upd.setLong(5, importId);
                    upd.setString(6, a.code());
                    upd.setDate(7, Date.valueOf(a.validFrom()));
                    upd.addBatch();
                    if (++pendingU == 5000) {
                        upd.executeBatch();
                        pendingU = 0;
                    }
                } else {
                    ins.setString(1, a.code());
                    ins.setDate(2, Date.valueOf(a.validFrom()));
                    ins.setDate(3, a.validTo() == null ? null : Date.valueOf(a.validTo()));
                    ins.setString(4, a.name());
                    ins.setString(5, a.level());
                    ins.setString(6, a.parentCode());
                    ins.setLong(7, importId);
                    ins.addBatch();
                    if (++pendingI == 5000) {
                        ins.executeBatch();
                        pendingI = 0;
                    }
                }
            }
            upd.executeBatch();
            ins.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("writing areas failed: " + e.getMessage(), e);
        }
    }

    /**
     * Attaches a geometry to an area: to the version starting at {@code validFrom}, or, when that
     * is null, to every version of the code. Returns the number of versions changed.
     */
    public static int setGeometry(Handle h, String code, LocalDate validFrom, String geoJson) {
        if (validFrom == null) {
            return h.createUpdate("UPDATE area SET geometry = :g WHERE code = :c").bind("g", geoJson).bind("c", code).execute();
        }
        return h.createUpdate("UPDATE area SET geometry = :g WHERE code = :c AND valid_from = :f")
                .bind("g", geoJson).bind("c", code).bind("f", validFrom).execute();
    }

    /** The geometry (GeoJSON text) of the newest version of an area that has one. */
    public static String geometry(Handle h, String code) {
        return h.createQuery("SELECT geometry FROM area WHERE code = :c AND geometry IS NOT NULL ORDER BY valid_from DESC")
                .bind("c", code).mapTo(String.class).findFirst().orElse(null);
    }

    /** Code to GeoJSON geometry of the areas of one level (newest version with a geometry each). */
    public static Map<String, String> geometries(Handle h, String level) {
        Map<String, String> map = new LinkedHashMap<>();
        h.createQuery("SELECT code, geometry FROM area WHERE level = :l AND geometry IS NOT NULL ORDER BY code, valid_from")
                .bind("l", level).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    /** The sources of the imports that delivered area geometries, alphabetical. */
    public static List<String> geometrySources(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT i.source FROM area a JOIN import i ON i.id = a.import_id "
                + "WHERE a.geometry IS NOT NULL ORDER BY i.source").mapTo(String.class).list());
    }

    /** Code to GeoJSON geometry of the area versions of one level valid on {@code date}. */
    public static Map<String, String> geometriesValidOn(Jdbi jdbi, String level, LocalDate date) {
        Map<String, String> map = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT code, geometry FROM area WHERE level = :l "
                        + "AND valid_from <= :d AND (valid_to IS NULL OR valid_to > :d) AND geometry IS NOT NULL ORDER BY code")
                .bind("l", level).bind("d", date)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> map.put(e.getKey(), e.getValue())));
        return map;
    }

    public static List<Area> areas(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT code, name, level, parent_code, valid_from, valid_to FROM area ORDER BY code, valid_from")
                .map((rs, ctx) -> new Area(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate()))
                .list());
    }

    /** Writes boundary changes; a row with the same predecessor, successor and date is replaced. */
    public static void upsertBoundaryChanges(Handle h, List<BoundaryChange> changes, long importId) {
        for (BoundaryChange c : changes) {
            h.createUpdate("DELETE FROM boundary_change WHERE predecessor_code = :p AND successor_code = :s AND change_date = :d")
                    .bind("p", c.predecessorCode()).bind("s", c.successorCode()).bind("d", c.changeDate()).execute();
            h.createUpdate("INSERT INTO boundary_change(predecessor_code, successor_code, weight, change_date, import_id) "
                            + "VALUES (:p, :s, :w, :d, :i)")
                    .bind("p", c.predecessorCode()).bind("s", c.successorCode()).bind("w", c.weight())
                    .bind("d", c.changeDate()).bind("i", importId).execute();
        }
    }

    public static List<BoundaryChange> boundaryChanges(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT predecessor_code, successor_code, weight, change_date FROM boundary_change ORDER BY change_date, predecessor_code, successor_code")
                .map((rs, ctx) -> new BoundaryChange(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDate(4).toLocalDate()))
                .list());
    }
}
