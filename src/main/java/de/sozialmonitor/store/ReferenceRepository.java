package de.sozialmonitor.store;

import de.sozialmonitor.model.ReferenceFigure;
import de.sozialmonitor.model.ReferenceRegion;
import de.sozialmonitor.model.ValueStatus;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Reference regions and their figures (tables {@code reference_region}, {@code reference_value}).
 * Written only by an import (inside its transaction, so a reference file lands whole or not at
 * all); a later import replaces the figures of the same region, year and variable and keeps the
 * others, and renames a region it names differently.
 */
public final class ReferenceRepository {
    private ReferenceRepository() {
    }

    /** Stores the regions and figures of import {@code importId} inside the caller's transaction. */
    public static void save(Handle h, long importId, Collection<ReferenceRegion> regions, List<ReferenceFigure> figures) {
        for (ReferenceRegion r : regions) {
            int updated = h.createUpdate("UPDATE reference_region SET name = :name, kind = :kind, import_id = :import WHERE code = :code")
                    .bind("name", r.name()).bind("kind", r.kind().code()).bind("import", importId).bind("code", r.code()).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO reference_region(code, name, kind, import_id) VALUES (:code, :name, :kind, :import)")
                        .bind("code", r.code()).bind("name", r.name()).bind("kind", r.kind().code()).bind("import", importId).execute();
            }
        }
        PreparedBatch delete = h.prepareBatch("DELETE FROM reference_value WHERE region_code = :region AND year = :year AND variable = :variable");
        PreparedBatch insert = h.prepareBatch("INSERT INTO reference_value(region_code, year, variable, value, status, import_id) "
                + "VALUES (:region, :year, :variable, :value, :status, :import)");
        for (ReferenceFigure f : figures) {
            delete.bind("region", f.regionCode()).bind("year", f.year()).bind("variable", f.variable()).add();
            insert.bind("region", f.regionCode()).bind("year", f.year()).bind("variable", f.variable())
                    .bind("value", f.value()).bind("status", f.status().name()).bind("import", importId).add();
        }
        if (!figures.isEmpty()) {
            delete.execute();
            insert.execute();
        }
    }

    /** Every reference region, by code. */
    public static List<ReferenceRegion> regions(Jdbi jdbi) {
        return jdbi.withHandle(ReferenceRepository::regions);
    }

    public static List<ReferenceRegion> regions(Handle h) {
        return h.createQuery("SELECT code, name, kind FROM reference_region ORDER BY code")
                .map((rs, ctx) -> new ReferenceRegion(rs.getString("code"), rs.getString("name"),
                        ReferenceRegion.Kind.ofCode(rs.getString("kind")))).list();
    }

    /** Every stored figure, by region, year and variable. */
    public static List<ReferenceFigure> figures(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT region_code, year, variable, value, status FROM reference_value "
                        + "ORDER BY region_code, year, variable")
                .map((rs, ctx) -> {
                    double v = rs.getDouble("value");
                    Double value = rs.wasNull() ? null : v;
                    return new ReferenceFigure(rs.getString("region_code"), rs.getInt("year"), rs.getString("variable"), value,
                            ValueStatus.fromName(rs.getString("status")).orElse(ValueStatus.UNKNOWN));
                }).list());
    }
}
