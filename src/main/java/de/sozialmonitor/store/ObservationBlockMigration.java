package de.sozialmonitor.store;

import de.sozialmonitor.model.ValueStatus;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 83: the rows of the old table {@code observation} become blocks
 * ({@code observation_block}, created by V82), import by import, and the old table is dropped.
 * Written in Java because the block format is {@link BlockCodec}'s, which SQL cannot produce.
 */
final class ObservationBlockMigration extends RowsToBlocksMigration {
    static final String VERSION = "83";

    ObservationBlockMigration() {
        // the checksum stays the one this migration was first released with
        super(VERSION, "observation rows to blocks", 71_001);
    }

    @Override
    public void migrate(Context context) throws Exception {
        moveAndDrop(context, "SELECT import_id, area_code, year, variable, target_group, value, status FROM observation ORDER BY import_id",
                "observation", (h, rs) -> {
                    ObservationStore.Writer w = null;
                    long current = Long.MIN_VALUE;
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        if (w == null || id != current) {
                            if (w != null) {
                                w.close();
                            }
                            w = ObservationStore.writer(h, id);
                            current = id;
                        }
                        double v = rs.getDouble(6);
                        Double value = rs.wasNull() ? null : v;
                        w.add(rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), value, ValueStatus.valueOf(rs.getString(7).trim()));
                    }
                    if (w != null) {
                        w.close();
                    }
                });
    }
}
