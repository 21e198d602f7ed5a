package de.sozialmonitor.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;

/**
 * The indicator figures of the result sets, stored in blocks ({@link BlockCodec.ResultValues}): one
 * row of {@code result_value_block} per result set, indicator, target group and year, holding that
 * series over the result set's area codes ({@code result_value_areas}, stored once per set, in the
 * order the method computed the areas). A computation
 * of a grid county writes a few dozen rows instead of tens of millions, each with the database's
 * per-row transaction bookkeeping (issue 15, docs/benchmarks.md).
 *
 * <p>Everything that reads the figures goes through here ({@link ResultRepository#load}, a release's
 * table, the report). A figure "exists" for an area where its value, numerator or denominator is a
 * number ({@link BlockCodec.ResultValues#present}), as a row of the former table did.
 */
public final class ResultValueStore {
    private ResultValueStore() {
    }

    /** Which series a block holds; {@code targetGroup} is '' for the indicator as defined. */
    public record Key(String indicatorId, String targetGroup, int year) {
    }

    /** One figure of one area, as a row of the former table {@code result_value}; null where none. */
    public record Row(String areaCode, int year, String indicatorId, String targetGroup, Double numerator, Double denominator,
                      Double value, Double change, Double zStatus, Double zDynamics) {
    }

    /** Writes the area codes the blocks of result set {@code setId} are indexed by (once per set, before its blocks). */
    public static void writeAreas(Handle h, long setId, String[] codes) {
        h.createUpdate("INSERT INTO result_value_areas(result_set_id, area_count, codes) VALUES (:id, :n, :codes)")
                .bind("id", setId).bind("n", codes.length).bind("codes", BlockCodec.encodeCodes(codes)).execute();
    }

    /** Writes one series of result set {@code setId} (columns over its area codes, NaN where none). */
    public static void write(Handle h, long setId, Key key, BlockCodec.ResultValues values) {
        h.createUpdate("INSERT INTO result_value_block(result_set_id, indicator_id, target_group, year, value_count, data) "
                        + "VALUES (:id, :ind, :tg, :y, :n, :data)")
                .bind("id", setId).bind("ind", key.indicatorId()).bind("tg", key.targetGroup()).bind("y", key.year())
                .bind("n", present(values)).bind("data", BlockCodec.encodeResultValues(values)).execute();
    }

    private static int present(BlockCodec.ResultValues v) {
        int n = 0;
        for (int a = 0; a < v.size(); a++) {
            n += v.present(a) ? 1 : 0;
        }
        return n;
    }

    /**
     * Columns for {@code n} areas with every column NaN where the area has no figure, so that a
     * read gives back exactly what a row per figure gave. The same arrays serve one block after
     * another (a county's columns are 3 MB each: new ones per block were most of a computation's
     * garbage); what {@link #fill} returns is valid until the next fill.
     */
    public static final class Columns {
        private final double[][] c;
        private final boolean[] present;

        public Columns(int n) {
            c = new double[6][n];
            present = new boolean[n];
        }

        public BlockCodec.ResultValues fill(double[] numerator, double[] denominator, double[] value, double[] change,
                                            double[] zStatus, double[] zDynamics) {
            int n = present.length;
            for (int a = 0; a < n; a++) {
                present[a] = !Double.isNaN(value[a]) || numerator != null && !Double.isNaN(numerator[a])
                        || denominator != null && !Double.isNaN(denominator[a]);
            }
            double[][] in = {numerator, denominator, value, change, zStatus, zDynamics};
            for (int k = 0; k < 6; k++) {
                double[] col = c[k];
                double[] from = in[k];
                if (from == null) {
                    Arrays.fill(col, Double.NaN);
                } else {
                    for (int a = 0; a < n; a++) {
                        double x = from[a];
                        // x - x is 0 for a finite figure only: an infinite one (a division by zero) is stored as
                        // none, as the former table's NULL
                        col[a] = present[a] && x - x == 0 ? x : Double.NaN;
                    }
                }
            }
            return new BlockCodec.ResultValues(c[0], c[1], c[2], c[3], c[4], c[5]);
        }
    }

    /** The area codes the blocks of a result set are indexed by (empty if it has none). */
    public static String[] areaCodes(Handle h, long setId) {
        return h.createQuery("SELECT codes FROM result_value_areas WHERE result_set_id = :id").bind("id", setId)
                .map((rs, ctx) -> BlockCodec.decodeCodes(rs.getBytes(1))).findOne().orElse(new String[0]);
    }

    /** Decodes the blocks of a result set that {@code wanted} accepts, one at a time. */
    public static void forEachBlock(Handle h, long setId, Predicate<Key> wanted, java.util.function.BiConsumer<Key, BlockCodec.ResultValues> consumer) {
        List<Key> keys = h.createQuery("SELECT indicator_id, target_group, year FROM result_value_block WHERE result_set_id = :id "
                        + "ORDER BY indicator_id, target_group, year")
                .bind("id", setId).map((rs, ctx) -> new Key(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
        try (BlockQuery blocks = new BlockQuery(h, "SELECT data FROM result_value_block "
                + "WHERE result_set_id = ? AND indicator_id = ? AND target_group = ? AND year = ?")) {
            for (Key k : keys) {
                if (wanted.test(k)) {
                    consumer.accept(k, BlockCodec.decodeResultValues(blocks.fetch(setId, k.indicatorId(), k.targetGroup(), k.year())));
                }
            }
        }
    }

    /** The figures of a result set that {@code wanted} accepts, as rows (each figure once). */
    public static void forEachRow(Handle h, long setId, Predicate<Key> wanted, Consumer<Row> consumer) {
        String[] codes = areaCodes(h, setId);
        forEachBlock(h, setId, wanted, (k, v) -> {
            if (v.size() != codes.length) {
                throw new IllegalStateException("damaged result block of result set " + setId + ": " + v.size() + " areas, the set has "
                        + codes.length);
            }
            for (int a = 0; a < v.size(); a++) {
                if (v.present(a)) {
                    consumer.accept(new Row(codes[a], k.year(), k.indicatorId(), k.targetGroup(), boxed(v.numerator()[a]),
                            boxed(v.denominator()[a]), boxed(v.value()[a]), boxed(v.change()[a]), boxed(v.zStatus()[a]),
                            boxed(v.zDynamics()[a])));
                }
            }
        });
    }

    /** All figures of a result set as rows. */
    public static List<Row> rows(Handle h, long setId) {
        List<Row> out = new ArrayList<>();
        forEachRow(h, setId, k -> true, out::add);
        return out;
    }

    /**
     * Adds figures given row by row (tools, fixtures, corrections) to result set {@code setId}; a
     * row replaces a stored figure with the same area, indicator, target group and year. The set's
     * blocks are written anew.
     */
    public static void writeRows(Handle h, long setId, List<Row> rows) {
        Map<String, Row> all = new LinkedHashMap<>();
        for (Row r : rows(h, setId)) {
            all.put(rowKey(r), r);
        }
        for (Row r : rows) {
            Row n = r.targetGroup() == null ? new Row(r.areaCode(), r.year(), r.indicatorId(), "", r.numerator(), r.denominator(),
                    r.value(), r.change(), r.zStatus(), r.zDynamics()) : r;
            all.put(rowKey(n), n);
        }
        replace(h, setId, all.values());
    }

    private static String rowKey(Row r) {
        return r.areaCode() + '\u0000' + r.year() + '\u0000' + r.indicatorId() + '\u0000' + r.targetGroup();
    }

    /** Deletes the figures of a result set and writes {@code rows} instead. */
    private static void replace(Handle h, long setId, java.util.Collection<Row> rows) {
        h.createUpdate("DELETE FROM result_value_block WHERE result_set_id = :id").bind("id", setId).execute();
        h.createUpdate("DELETE FROM result_value_areas WHERE result_set_id = :id").bind("id", setId).execute();
        String[] codes = rows.stream().map(Row::areaCode).distinct().sorted().toArray(String[]::new);
        Map<String, Integer> index = new HashMap<>();
        for (int a = 0; a < codes.length; a++) {
            index.put(codes[a], a);
        }
        int n = codes.length;
        java.util.TreeMap<Key, double[][]> series = new java.util.TreeMap<>(Comparator.comparing(Key::indicatorId)
                .thenComparing(Key::targetGroup).thenComparingInt(Key::year));
        for (Row r : rows) {
            double[][] c = series.computeIfAbsent(new Key(r.indicatorId(), r.targetGroup(), r.year()), k -> {
                double[][] m = new double[6][n];
                for (double[] col : m) {
                    Arrays.fill(col, Double.NaN);
                }
                return m;
            });
            Double[] in = {r.numerator(), r.denominator(), r.value(), r.change(), r.zStatus(), r.zDynamics()};
            int a = index.get(r.areaCode());
            for (int k = 0; k < 6; k++) {
                c[k][a] = in[k] == null ? Double.NaN : in[k];
            }
        }
        if (!series.isEmpty()) {
            writeAreas(h, setId, codes);
        }
        series.forEach((k, c) -> write(h, setId, k, new BlockCodec.ResultValues(c[0], c[1], c[2], c[3], c[4], c[5])));
    }

    /**
     * Rewrites every figure of a result set through {@code change} (a row mapped to null is removed):
     * for corrections and for tests that tamper with stored figures.
     */
    public static void rewrite(Handle h, long setId, UnaryOperator<Row> change) {
        List<Row> changed = new ArrayList<>();
        for (Row r : rows(h, setId)) {
            Row c = change.apply(r);
            if (c != null) {
                changed.add(c);
            }
        }
        replace(h, setId, changed);
    }

    /** Rows in the order the release table lists them: indicator, year, area, target group. */
    public static final Comparator<Row> RELEASE_ORDER = Comparator.comparing(Row::indicatorId).thenComparingInt(Row::year)
            .thenComparing(Row::areaCode).thenComparing(Row::targetGroup);

    private static Double boxed(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
