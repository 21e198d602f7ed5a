package de.sozialmonitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Migration 85: the rows of the old table {@code result_value} become blocks
 * ({@code result_value_block}, created by V84), result set by result set, and the old table is
 * dropped.
 */
final class ResultBlockMigration extends RowsToBlocksMigration {
    static final String VERSION = "85";

    ResultBlockMigration() {
        // the checksum stays the one this migration was first released with
        super(VERSION, "result value rows to blocks", 73_001);
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        // the handle shares Flyway's connection and transaction; it is not closed here (that would close the connection)
        Handle h = Jdbi.open(c);
        List<Long> sets = h.createQuery("SELECT id FROM result_set ORDER BY id").mapTo(Long.class).list();
        for (long set : sets) {
            List<ResultValueStore.Row> rows = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("SELECT area_code, year, indicator_id, target_group, numerator, denominator, "
                    + "value, change_value, z_status, z_dynamics FROM result_value WHERE result_set_id = ?")) {
                q.setLong(1, set);
                q.setFetchSize(10_000);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new ResultValueStore.Row(rs.getString(1), rs.getInt(2), rs.getString(3),
                                rs.getString(4) == null ? "" : rs.getString(4), dbl(rs, 5), dbl(rs, 6), dbl(rs, 7), dbl(rs, 8), dbl(rs, 9),
                                dbl(rs, 10)));
                    }
                }
            }
            ResultValueStore.writeRows(h, set, rows);
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE result_value");
        }
    }

    private static Double dbl(ResultSet rs, int col) throws java.sql.SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }
}
