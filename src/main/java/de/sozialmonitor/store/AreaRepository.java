package de.sozialmonitor.store;

import de.sozialmonitor.model.Area;
import de.sozialmonitor.model.BoundaryChange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Areas and their versions, area levels, the territory, boundary changes and geometries
 * (GeoJSON text in EPSG:4326). Writes happen inside the caller's import transaction. The area
 * versions are one stored block ({@link AreaSnapshot}); the geometries are rows of
 * {@code area_geometry} that mirror level, validity end and import of their version.
 */
public final class AreaRepository {
    private AreaRepository() {
    }

    /** What validation needs to know about an existing area code (its newest version). */
    public record KnownArea(String code, String name, String level, String parentCode, boolean hasGeometry) {
    }

    /** Every area code in the database, newest version each. */
    public static Map<String, KnownArea> known(Handle h) {
        Set<String> withGeometry = new HashSet<>();
        h.createQuery("SELECT code, valid_from FROM area_geometry").map((rs, ctx) -> key(rs.getString(1), rs.getDate(2).toLocalDate()))
                .forEach(withGeometry::add);
        List<Area> versions = AreaSnapshot.read(h).areas();
        Map<String, KnownArea> map = new HashMap<>(versions.size() * 4 / 3 + 16);
        for (Area a : versions) {
            // in order of code and validity: the newest version is put last
            map.put(a.code(), new KnownArea(a.code(), a.name(), a.level(), a.parentCode(),
                    !withGeometry.isEmpty() && withGeometry.contains(key(a.code(), a.validFrom()))));
        }
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
        List<Area> versions = AreaSnapshot.read(h).areas();
        List<Validity> list = new ArrayList<>();
        int i = 0;
        while (i < versions.size()) {
            int end = i;
            boolean limited = false;
            String code = versions.get(i).code();
            while (end < versions.size() && versions.get(end).code().equals(code)) {
                Area a = versions.get(end);
                limited |= a.validTo() != null || a.validFrom().isAfter(Area.BEGINNING);
                end++;
            }
            if (limited) {
                for (int k = i; k < end; k++) {
                    Area a = versions.get(k);
                    list.add(new Validity(a.code(), a.validFrom(), a.validTo()));
                }
            }
            i = end;
        }
        return list;
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

    /**
     * Writes area versions; a version with the same code and valid_from is replaced (its geometry
     * kept). The territory's versions are one stored snapshot: it is read, merged and written anew.
     */
    public static void upsertAreas(Handle h, List<Area> areas, long importId) {
        if (areas.isEmpty()) {
            return;
        }
        List<AreaSnapshot.Version> delivered = new ArrayList<>(areas.size());
        for (Area a : areas) {
            delivered.add(new AreaSnapshot.Version(a, importId));
        }
        AreaSnapshot.Merge merge = AreaSnapshot.merge(AreaSnapshot.read(h).versions(), delivered);
        AreaSnapshot.write(h, merge.versions());
        keepGeometriesInStep(h, merge.replaced());
        ChangeStamps.raise(h, ChangeStamps.Topic.GEOMETRIES);
    }
    /** A geometry row mirrors level, validity end and import of its version: a replaced version passes them on. */
    private static void keepGeometriesInStep(Handle h, List<AreaSnapshot.Version> replaced) {
        if (replaced.isEmpty()) {
            return;
        }
        Set<String> withGeometry = new HashSet<>();
        h.createQuery("SELECT code, valid_from FROM area_geometry").map((rs, ctx) -> key(rs.getString(1), rs.getDate(2).toLocalDate()))
                .forEach(withGeometry::add);
        if (withGeometry.isEmpty()) {
            return;
        }
        var update = h.prepareBatch("UPDATE area_geometry SET valid_to = :t, level = :l, import_id = :i WHERE code = :c AND valid_from = :f");
        for (AreaSnapshot.Version v : replaced) {
            Area a = v.area();
            if (withGeometry.contains(key(a.code(), a.validFrom()))) {
                update.bind("t", a.validTo()).bind("l", a.level()).bind("i", v.importId() == 0 ? null : v.importId())
                        .bind("c", a.code()).bind("f", a.validFrom()).add();
            }
        }
        if (update.size() > 0) {
            update.execute();
        }
    }

    /**
     * Attaches a geometry to an area: to the version starting at {@code validFrom}, or, when that
     * is null, to every version of the code. Returns the number of versions changed.
     */
    public static int setGeometry(Handle h, String code, LocalDate validFrom, String geoJson) {
        int changed = 0;
        for (AreaSnapshot.Version v : AreaSnapshot.read(h).of(code)) {
            Area a = v.area();
            if (validFrom != null && !validFrom.equals(a.validFrom())) {
                continue;
            }
            Long imp = v.importId() == 0 ? null : v.importId();
            int n = h.createUpdate("UPDATE area_geometry SET geometry = :g, valid_to = :t, level = :l, import_id = :i "
                            + "WHERE code = :c AND valid_from = :f")
                    .bind("g", geoJson).bind("t", a.validTo()).bind("l", a.level()).bind("i", imp)
                    .bind("c", code).bind("f", a.validFrom()).execute();
            if (n == 0) {
                h.createUpdate("INSERT INTO area_geometry(code, valid_from, valid_to, level, geometry, import_id) "
                                + "VALUES (:c, :f, :t, :l, :g, :i)")
                        .bind("g", geoJson).bind("t", a.validTo()).bind("l", a.level()).bind("i", imp)
                        .bind("c", code).bind("f", a.validFrom()).execute();
            }
            changed++;
        }
        if (changed > 0) {
            ChangeStamps.raise(h, ChangeStamps.Topic.GEOMETRIES);
        }
        return changed;
    }

    /** The geometry (GeoJSON text) of the newest version of an area that has one. */
    public static String geometry(Handle h, String code) {
        return h.createQuery("SELECT geometry FROM area_geometry WHERE code = :c ORDER BY valid_from DESC")
                .bind("c", code).mapTo(String.class).findFirst().orElse(null);
    }

    /** Code to GeoJSON geometry of the areas of one level (newest version with a geometry each). */
    public static Map<String, String> geometries(Handle h, String level) {
        Map<String, String> map = new LinkedHashMap<>();
        h.createQuery("SELECT code, geometry FROM area_geometry WHERE level = :l ORDER BY code, valid_from")
                .bind("l", level).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    /** The sources of the imports that delivered area geometries, alphabetical. */
    public static List<String> geometrySources(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT i.source FROM area_geometry a JOIN import i ON i.id = a.import_id "
                + "ORDER BY i.source").mapTo(String.class).list());
    }

    /** Code to GeoJSON geometry of the area versions of one level valid on {@code date}. */
    public static Map<String, String> geometriesValidOn(Jdbi jdbi, String level, LocalDate date) {
        Map<String, String> map = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT code, geometry FROM area_geometry WHERE level = :l "
                        + "AND valid_from <= :d AND (valid_to IS NULL OR valid_to > :d) ORDER BY code")
                .bind("l", level).bind("d", date)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> map.put(e.getKey(), e.getValue())));
        return map;
    }

    /** Every area version, ordered by code and valid_from (unmodifiable). */
    public static List<Area> areas(Jdbi jdbi) {
        return jdbi.withHandle(AreaRepository::areas);
    }

    /** Every area version as this handle sees it, ordered by code and valid_from (unmodifiable). */
    public static List<Area> areas(Handle h) {
        return AreaSnapshot.read(h).areas();
    }

    private static String key(String code, LocalDate validFrom) {
        return code + '\u0000' + validFrom;
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
