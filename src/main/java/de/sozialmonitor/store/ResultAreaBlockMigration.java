package de.sozialmonitor.store;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.jdbi.v3.core.Handle;

/**
 * Migration 111: the rows of the old table {@code result_area} become blocks
 * ({@code result_area_block}, created by V110), one per result set and year, and the old table is
 * dropped. The rows go into a block in the order the former reader put them in (their ordinal, then
 * the area code, as this database sorts), so that a result set and a release read the same as before.
 */
final class ResultAreaBlockMigration extends RowsToBlocksMigration {
    static final String VERSION = "111";

    ResultAreaBlockMigration() {
        // the checksum stays the one this migration was first released with
        super(VERSION, "result area rows to blocks", 111_001);
    }

    @Override
    public void migrate(Context context) throws Exception {
        moveAndDrop(context, "SELECT result_set_id, year, area_code, area_name, level, parent_code, population, "
                + "status_raw, status_index, status_class, dynamics_raw, dynamics_index, dynamics_class, attention, excluded "
                + "FROM result_area ORDER BY result_set_id, year, ordinal, area_code", "result_area", (h, rs) -> {
                    Columns block = null;
                    while (rs.next()) {
                        long set = rs.getLong(1);
                        int year = rs.getInt(2);
                        if (block == null || block.set != set || block.year != year) {
                            if (block != null) {
                                block.write(h);
                            }
                            block = new Columns(set, year);
                        }
                        block.add(rs);
                    }
                    if (block != null) {
                        block.write(h);
                    }
                });
    }

    /** The rows of one result set and year, column by column. */
    private static final class Columns {
        final long set;
        final int year;
        final List<String[]> texts = new ArrayList<>();
        final List<double[]> numbers = new ArrayList<>();
        final List<Boolean> attention = new ArrayList<>();

        Columns(long set, int year) {
            this.set = set;
            this.year = year;
        }

        void add(ResultSet rs) throws java.sql.SQLException {
            texts.add(new String[] {rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(10),
                    rs.getString(13), rs.getString(15)});
            numbers.add(new double[] {dbl(rs, 7), dbl(rs, 8), dbl(rs, 9), dbl(rs, 11), dbl(rs, 12)});
            attention.add(rs.getBoolean(14));
        }

        void write(Handle h) {
            int n = texts.size();
            String[][] t = new String[7][n];
            double[][] x = new double[5][n];
            boolean[] att = new boolean[n];
            for (int a = 0; a < n; a++) {
                for (int k = 0; k < 7; k++) {
                    t[k][a] = texts.get(a)[k];
                }
                for (int k = 0; k < 5; k++) {
                    x[k][a] = numbers.get(a)[k];
                }
                att[a] = attention.get(a);
            }
            ResultAreaStore.write(h, set, year, new BlockCodec.ResultAreas(t[0], t[1], t[2], t[3], x[0], x[1], x[2], t[4],
                    x[3], x[4], t[5], att, t[6]));
        }
    }

    private static double dbl(ResultSet rs, int col) throws java.sql.SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? Double.NaN : v;
    }
}
