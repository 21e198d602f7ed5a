package de.sozialmonitor.store;

import de.sozialmonitor.model.Area;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 107: the rows of the old table {@code area} become the territory's snapshot
 * ({@code area_snapshot}, created by V106, which also copied the geometries into
 * {@code area_geometry}), and the old table is dropped.
 */
final class AreaBlockMigration extends RowsToBlocksMigration {
    static final String VERSION = "107";

    AreaBlockMigration() {
        // the checksum stays the one this migration was first released with
        super(VERSION, "area rows to a snapshot block", 107_001);
    }

    @Override
    public void migrate(Context context) throws Exception {
        moveAndDrop(context, "SELECT code, name, level, parent_code, valid_from, valid_to, import_id FROM area", "area", (h, rs) -> {
            List<AreaSnapshot.Version> versions = new ArrayList<>();
            while (rs.next()) {
                java.sql.Date to = rs.getDate(6);
                long importId = rs.getLong(7);
                versions.add(new AreaSnapshot.Version(new Area(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), to == null ? null : to.toLocalDate()), rs.wasNull() ? 0 : importId));
            }
            // the snapshot's order is Java's order of the codes, which a server's collation need not share
            versions.sort(java.util.Comparator.comparing(AreaSnapshot.Version::area, AreaSnapshot.ORDER));
            if (!versions.isEmpty()) {
                AreaSnapshot.write(h, versions);
            }
        });
    }
}
