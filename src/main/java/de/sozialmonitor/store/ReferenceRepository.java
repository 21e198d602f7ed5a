package de.sozialmonitor.store;

import de.sozialmonitor.model.ReferenceFigure;
import de.sozialmonitor.model.ReferencePackage;
import de.sozialmonitor.model.ReferenceRegion;
import de.sozialmonitor.model.ValueStatus;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Reference regions and their figures (tables {@code reference_region}, {@code reference_figure}).
 * Written only by an import (inside its transaction, so a reference file lands whole or not at
 * all); a later import replaces the figures of the same region, year, kind and name (and a figure of
 * that name imported before the kind was stored) and keeps the others, and renames a region it
 * names differently.
 */
public final class ReferenceRepository {
    private ReferenceRepository() {
    }

    /** Stores the regions and figures of import {@code importId} inside the caller's transaction. */
    public static void save(Handle h, long importId, Collection<ReferenceRegion> regions, List<ReferenceFigure> figures) {
        ChangeStamps.raise(h, ChangeStamps.Topic.REFERENCES);
        for (ReferenceRegion r : regions) {
            int updated = h.createUpdate("UPDATE reference_region SET name = :name, kind = :kind, import_id = :import WHERE code = :code")
                    .bind("name", r.name()).bind("kind", r.kind().code()).bind("import", importId).bind("code", r.code()).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO reference_region(code, name, kind, import_id) VALUES (:code, :name, :kind, :import)")
                        .bind("code", r.code()).bind("name", r.name()).bind("kind", r.kind().code()).bind("import", importId).execute();
            }
        }
        PreparedBatch delete = h.prepareBatch("DELETE FROM reference_figure WHERE region_code = :region AND year = :year "
                + "AND kind IN (:kind, 'unmarked') AND name = :name");
        PreparedBatch insert = h.prepareBatch("INSERT INTO reference_figure(region_code, year, kind, name, value, status, import_id) "
                + "VALUES (:region, :year, :kind, :name, :value, :status, :import)");
        for (ReferenceFigure f : figures) {
            delete.bind("region", f.regionCode()).bind("year", f.year()).bind("kind", f.kind().code()).bind("name", f.name()).add();
            insert.bind("region", f.regionCode()).bind("year", f.year()).bind("kind", f.kind().code()).bind("name", f.name())
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

    /** Every stored figure, by region, year, kind and name. */
    public static List<ReferenceFigure> figures(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT region_code, year, kind, name, value, status FROM reference_figure "
                        + "ORDER BY region_code, year, kind, name")
                .map((rs, ctx) -> {
                    double v = rs.getDouble("value");
                    Double value = rs.wasNull() ? null : v;
                    return new ReferenceFigure(rs.getString("region_code"), rs.getInt("year"),
                            ReferenceFigure.Kind.ofCode(rs.getString("kind")), rs.getString("name"), value,
                            ValueStatus.fromName(rs.getString("status")).orElse(ValueStatus.UNKNOWN));
                }).list());
    }

    /** Stores (or replaces) the package another county's figures came with, inside the import's transaction. */
    public static void savePackage(Handle h, long importId, ReferencePackage p) {
        ChangeStamps.raise(h, ChangeStamps.Topic.REFERENCES);
        h.createUpdate("DELETE FROM reference_package WHERE region_code = :code").bind("code", p.regionCode()).execute();
        h.createUpdate("INSERT INTO reference_package(region_code, name, release_number, release_title, year, checksum, published_on, "
                        + "synthetic, method_json, import_id) VALUES (:code, :name, :number, :title, :year, :checksum, :published, "
                        + ":synthetic, :method, :import)")
                .bind("code", p.regionCode()).bind("name", p.name()).bind("number", p.releaseNumber()).bind("title", p.releaseTitle())
                .bind("year", p.year()).bind("checksum", p.checksum()).bind("published", p.publishedOn())
                .bind("synthetic", p.synthetic()).bind("method", p.methodJson()).bind("import", importId).execute();
    }

    /** The packages of other counties, by region code. */
    public static List<ReferencePackage> packages(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT region_code, name, release_number, release_title, year, checksum, "
                        + "published_on, synthetic, method_json FROM reference_package ORDER BY region_code")
                .map((rs, ctx) -> new ReferencePackage(rs.getString("region_code"), rs.getString("name"), rs.getInt("release_number"),
                        rs.getString("release_title"), rs.getInt("year"), rs.getString("checksum"), rs.getString("published_on"),
                        rs.getBoolean("synthetic"), rs.getString("method_json"))).list());
    }
}
