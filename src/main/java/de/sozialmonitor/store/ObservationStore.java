package de.sozialmonitor.store;

import de.sozialmonitor.model.Observation;
import de.sozialmonitor.model.TargetGroup;
import de.sozialmonitor.model.ValueStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The observations of the imports, stored in blocks ({@link BlockCodec}): one row per import,
 * variable, year and target group in {@code observation_block}, holding that series' areas (indices
 * into the import's area codes in {@code observation_areas}), values and statuses. An import of
 * 20 million values writes a few dozen rows, in its one transaction.
 *
 * <p>Everything that reads observations goes through here: the method's input
 * ({@link MonitoringInputReader}), the comparison of a corrected delivery with the one it supersedes,
 * the conflicts with other active imports and the plausibility checks of ingest, the population a
 * release and its disclosure control use. "Active" means: the import has outcome 'imported' and is
 * not superseded.
 */
public final class ObservationStore {
    private static final ValueStatus[] STATUSES = ValueStatus.values();

    private ObservationStore() {
    }

    // ---------------------------------------------------------------- writing

    public static Writer writer(Handle h, long importId) {
        return new Writer(h, importId, null);
    }

    /**
     * A writer whose areas are given by index into {@code areaCodes} ({@link Writer#add(int, int, double, ValueStatus)});
     * codes given in ascending order spare the writer a sort when it closes.
     */
    public static Writer writer(Handle h, long importId, String[] areaCodes) {
        return new Writer(h, importId, areaCodes);
    }

    /**
     * Collects the observations of one import in memory ({@link ObservationColumns}: a double and a
     * byte per area of a series) and writes them as blocks when closed, inside the caller's
     * transaction. Each area and series may be given once.
     */
    public static final class Writer implements AutoCloseable {
        private final Handle handle;
        private final long importId;
        private String[] codes;
        private int codeCount;
        private final Map<String, Integer> codeIndex;
        private final ObservationColumns columns = new ObservationColumns();
        private boolean closed;

        private Writer(Handle handle, long importId, String[] areaCodes) {
            this.handle = handle;
            this.importId = importId;
            this.codes = areaCodes == null ? new String[64] : areaCodes;
            this.codeCount = areaCodes == null ? 0 : areaCodes.length;
            this.codeIndex = areaCodes == null ? new HashMap<>() : null;
        }

        /** The number of a series (variable, year, target group), to pass to {@link #add(int, int, double, ValueStatus)}. */
        public int series(String variable, int year, String targetGroup) {
            return columns.series(variable, year, targetGroup);
        }

        /** The values given so far, by series and area (what the checks of an import read). */
        public ObservationColumns columns() {
            return columns;
        }

        /** One value: {@code area} indexes the writer's area codes; NaN where none was delivered. */
        public void add(int seriesNumber, int area, double value, ValueStatus status) {
            if (!addIfAbsent(seriesNumber, area, value, status)) {
                throw new IllegalStateException("area " + codes[area] + " given twice for " + columns.variable(seriesNumber) + " "
                        + columns.year(seriesNumber));
            }
        }

        /** Like {@link #add(int, int, double, ValueStatus)}, but false (and nothing changed) where the area has a value in the series already. */
        public boolean addIfAbsent(int seriesNumber, int area, double value, ValueStatus status) {
            if (area < 0 || area >= codeCount) {
                throw new IllegalArgumentException("no area code " + area);
            }
            return columns.put(seriesNumber, area, value, status);
        }

        /** One value by its area code (tests, small writers); {@code value} null where the status carries none. */
        public void add(String areaCode, int year, String variable, String targetGroup, Double value, ValueStatus status) {
            Integer a;
            if (codeIndex == null) {
                a = -1;
                for (int i = 0; i < codeCount && a < 0; i++) {
                    a = codes[i].equals(areaCode) ? i : -1;
                }
            } else {
                a = codeIndex.get(areaCode);
                if (a == null) {
                    a = codeCount;
                    if (codeCount == codes.length) {
                        codes = Arrays.copyOf(codes, codeCount * 2);
                    }
                    codes[codeCount++] = areaCode;
                    codeIndex.put(areaCode, a);
                }
            }
            add(series(variable, year, targetGroup == null ? "" : targetGroup), a, value == null ? Double.NaN : value, status);
        }

        /**
         * Writes the blocks (once); the rows become visible inside the transaction. The values stay in
         * {@link #columns()}: the import's plausibility checks read them after the blocks are written.
         */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            boolean[] used = new boolean[codeCount];
            columns.markUsed(used);
            // the import's area codes: those it delivers, ascending, so that the blocks' indices ascend too
            int[] order = new int[codeCount];
            int n = 0;
            boolean ascending = true;
            for (int i = 0; i < codeCount; i++) {
                if (used[i]) {
                    ascending &= n == 0 || codes[order[n - 1]].compareTo(codes[i]) < 0;
                    order[n++] = i;
                }
            }
            if (!ascending) {
                Integer[] boxed = new Integer[n];
                for (int k = 0; k < n; k++) {
                    boxed[k] = order[k];
                }
                Arrays.sort(boxed, Comparator.comparing(i -> codes[i]));
                for (int k = 0; k < n; k++) {
                    order[k] = boxed[k];
                }
            }
            int[] remap = new int[codeCount];
            String[] dictionary = new String[n];
            for (int k = 0; k < n; k++) {
                remap[order[k]] = k;
                dictionary[k] = codes[order[k]];
            }
            if (columns.seriesCount() == 0) {
                return;
            }
            handle.createUpdate("INSERT INTO observation_areas(import_id, area_count, codes) VALUES (:i, :n, :codes)")
                    .bind("i", importId).bind("n", n).bind("codes", BlockCodec.encodeCodes(dictionary)).execute();
            var insert = handle.prepareBatch("INSERT INTO observation_block(import_id, variable, year, target_group, value_count, data) "
                    + "VALUES (:i, :v, :y, :g, :n, :data)");
            for (int s = 0; s < columns.seriesCount(); s++) {
                insert.bind("i", importId).bind("v", columns.variable(s)).bind("y", columns.year(s)).bind("g", columns.targetGroup(s))
                        .bind("n", columns.count(s)).bind("data", BlockCodec.encodeObservations(remapped(columns.values(s), remap))).add();
                if (insert.size() >= 16) {
                    insert.execute();
                }
            }
            if (insert.size() > 0) {
                insert.execute();
            }
        }
    }

    /** A series' values with the areas renumbered into the import's dictionary, in ascending order. */
    private static BlockCodec.ObservationValues remapped(BlockCodec.ObservationValues v, int[] remap) {
        int size = v.size();
        int[] a = v.areas();
        boolean ascending = true;
        for (int i = 0; i < size; i++) {
            a[i] = remap[a[i]];
            ascending &= i == 0 || a[i] > a[i - 1];
        }
        if (ascending) {
            return v;
        }
        long[] packed = new long[size];
        for (int i = 0; i < size; i++) {
            packed[i] = ((long) a[i] << 32) | i;
        }
        Arrays.sort(packed);
        int[] sa = new int[size];
        double[] sv = new double[size];
        byte[] ss = new byte[size];
        for (int k = 0; k < size; k++) {
            int i = (int) packed[k];
            sa[k] = (int) (packed[k] >>> 32);
            sv[k] = v.values()[i];
            ss[k] = v.status()[i];
        }
        return new BlockCodec.ObservationValues(sa, sv, ss);
    }

    // ---------------------------------------------------------------- reading

    /** Which series a block holds. */
    public record SeriesKey(String variable, int year, String targetGroup) {
        static final Comparator<SeriesKey> ORDER = Comparator.comparing(SeriesKey::variable).thenComparingInt(SeriesKey::year)
                .thenComparing(SeriesKey::targetGroup);
    }

    /** One stored block, decoded: {@code codes} are the import's area codes, which {@code values.areas()} index. */
    public record Block(long importId, SeriesKey key, String[] codes, BlockCodec.ObservationValues values) {
        public String areaCode(int i) {
            return codes[values.areas()[i]];
        }

        public ValueStatus status(int i) {
            return STATUSES[values.status()[i]];
        }

        /** The value, or NaN where none was delivered. */
        public double value(int i) {
            return values.values()[i];
        }

        public int size() {
            return values.size();
        }
    }

    /**
     * Decodes the blocks of the given imports, import by import in the given order, series in
     * {@link SeriesKey#ORDER}, skipping series {@code wanted} rejects before their data is read.
     */
    public static void forEachBlock(Handle h, Collection<Long> importIds, Predicate<SeriesKey> wanted, Consumer<Block> consumer) {
        for (long importId : importIds) {
            List<SeriesKey> keys = h.createQuery("SELECT variable, year, target_group FROM observation_block WHERE import_id = :i "
                            + "ORDER BY variable, year, target_group")
                    .bind("i", importId)
                    .map((rs, ctx) -> new SeriesKey(rs.getString(1), rs.getInt(2), rs.getString(3)))
                    .list();
            keys.removeIf(k -> !wanted.test(k));
            if (keys.isEmpty()) {
                continue;
            }
            String[] codes = areaCodes(h, importId);
            try (BlockQuery blocks = new BlockQuery(h, "SELECT data FROM observation_block "
                    + "WHERE import_id = ? AND variable = ? AND year = ? AND target_group = ?")) {
                for (SeriesKey k : keys) {
                    BlockCodec.ObservationValues v = BlockCodec.decodeObservations(blocks.fetch(importId, k.variable(), k.year(), k.targetGroup()));
                    if (v.size() > 0 && v.areas()[v.size() - 1] >= codes.length) {
                        throw new IllegalStateException("damaged storage block: area index beyond the codes of import " + importId);
                    }
                    consumer.accept(new Block(importId, k, codes, v));
                }
            }
        }
    }

    /** The area codes an import delivers figures for, ascending (empty if it delivered none). */
    public static String[] areaCodes(Handle h, long importId) {
        return h.createQuery("SELECT codes FROM observation_areas WHERE import_id = :i").bind("i", importId)
                .map((rs, ctx) -> BlockCodec.decodeCodes(rs.getBytes(1))).findOne().orElse(new String[0]);
    }

    /** The ids of the active imports, ascending. */
    static List<Long> activeImports(Handle h) {
        return h.createQuery("SELECT id FROM import i WHERE " + MonitoringInputReader.ACTIVE + " ORDER BY id").mapTo(Long.class).list();
    }

    /** One changed, added or removed value between a superseded delivery and its correction. */
    public record Change(String areaCode, int year, String variable, String targetGroup,
                         Double oldValue, String oldStatus, Double newValue, String newStatus) {
    }

    /** What a corrected delivery changed against the ones it supersedes. */
    public record Diff(long changed, long added, long removed, List<Change> sample) {
        public boolean empty() {
            return changed == 0 && added == 0 && removed == 0;
        }
    }

    private static final Comparator<Change> CHANGE_ORDER = Comparator.comparing(Change::variable).thenComparingInt(Change::year)
            .thenComparing(Change::areaCode).thenComparing(Change::targetGroup);

    /**
     * For each code of {@code from}, its index in {@code to} or -1; both ascending as the writer
     * stores them, so one merge pass instead of a lookup per value.
     */
    static int[] translate(String[] from, String[] to) {
        int[] t = new int[from.length];
        int j = 0;
        for (int i = 0; i < from.length; i++) {
            while (j < to.length && to[j].compareTo(from[i]) < 0) {
                j++;
            }
            t[i] = j < to.length && to[j].equals(from[i]) ? j : -1;
        }
        return t;
    }

    /** Where each area code of a block's import sits in the block, -1 where the block has none. */
    private static int[] positions(Block b) {
        int[] at = new int[b.codes().length];
        Arrays.fill(at, -1);
        int[] areas = b.values().areas();
        for (int i = 0; i < areas.length; i++) {
            at[areas[i]] = i;
        }
        return at;
    }

    /** The blocks of some imports grouped by series (blocks of the same series from different imports in import order). */
    private static TreeMap<SeriesKey, List<Block>> bySeries(Handle h, Collection<Long> importIds) {
        TreeMap<SeriesKey, List<Block>> m = new TreeMap<>(SeriesKey.ORDER);
        forEachBlock(h, importIds, k -> true, b -> m.computeIfAbsent(b.key(), k -> new ArrayList<>()).add(b));
        return m;
    }

    public static Diff diff(Handle h, List<Long> oldIds, long newId, int sampleSize) {
        if (oldIds.isEmpty()) {
            return new Diff(0, 0, 0, List.of());
        }
        TreeMap<SeriesKey, List<Block>> olds = bySeries(h, oldIds);
        TreeSet<Change> sample = new TreeSet<>(CHANGE_ORDER);
        long[] counts = new long[3]; // changed, added, removed
        TreeSet<SeriesKey> seen = new TreeSet<>(SeriesKey.ORDER);
        Map<String[], int[]> translations = new java.util.IdentityHashMap<>();
        forEachBlock(h, List.of(newId), k -> true, nb -> {
            seen.add(nb.key());
            int[] newAt = positions(nb);
            boolean[] matched = new boolean[nb.size()];
            for (Block o : olds.getOrDefault(nb.key(), List.of())) {
                int[] toNew = translations.computeIfAbsent(o.codes(), c -> translate(c, nb.codes()));
                int[] oldAreas = o.values().areas();
                for (int i = 0; i < o.size(); i++) {
                    int code = toNew[oldAreas[i]];
                    int j = code < 0 ? -1 : newAt[code];
                    if (j < 0) {
                        counts[2]++;
                        continue;
                    }
                    matched[j] = true;
                    double ov = o.value(i);
                    double nv = nb.value(j);
                    boolean same = o.status(i) == nb.status(j) && Double.isNaN(ov) == Double.isNaN(nv) && (Double.isNaN(ov) || ov == nv);
                    if (!same) {
                        counts[0]++;
                        offer(sample, sampleSize, new Change(o.areaCode(i), nb.key().year(), nb.key().variable(), nb.key().targetGroup(),
                                boxed(ov), o.status(i).name(), boxed(nv), nb.status(j).name()));
                    }
                }
            }
            for (boolean m : matched) {
                if (!m) {
                    counts[1]++;
                }
            }
        });
        olds.forEach((k, blocks) -> {
            if (!seen.contains(k)) {
                blocks.forEach(b -> counts[2] += b.size());
            }
        });
        return new Diff(counts[0], counts[1], counts[2], List.copyOf(sample));
    }

    private static void offer(TreeSet<Change> sample, int limit, Change c) {
        if (limit <= 0) {
            return;
        }
        if (sample.size() < limit) {
            sample.add(c);
        } else if (CHANGE_ORDER.compare(c, sample.last()) < 0) {
            sample.pollLast();
            sample.add(c);
        }
    }

    private static Double boxed(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** Area codes present in import {@code oldId} but not in import {@code newId}, ascending. */
    public static List<String> areasMissing(Handle h, long oldId, long newId, int limit) {
        java.util.Set<String> now = new java.util.HashSet<>(Arrays.asList(areaCodes(h, newId)));
        List<String> missing = new ArrayList<>();
        for (String code : areaCodes(h, oldId)) {
            if (missing.size() >= limit) {
                break;
            }
            if (!now.contains(code)) {
                missing.add(code);
            }
        }
        return missing;
    }

    /**
     * Keys of import {@code newId} that an active import among {@code otherIds} already delivers
     * (two active values for the same figure would make results depend on chance); the old status
     * is followed by {@code #} and the other import's id.
     */
    public static List<Change> conflicts(Handle h, long newId, List<Long> otherIds, int limit) {
        if (otherIds.isEmpty()) {
            return List.of();
        }
        TreeMap<SeriesKey, List<Block>> news = bySeries(h, List.of(newId));
        TreeSet<Change> found = new TreeSet<>(CHANGE_ORDER.thenComparing(Change::oldStatus));
        Map<String[], int[]> translations = new java.util.IdentityHashMap<>();
        forEachBlock(h, otherIds, news::containsKey, ob -> {
            for (Block nb : news.get(ob.key())) {
                int[] newAt = positions(nb);
                int[] toNew = translations.computeIfAbsent(ob.codes(), c -> translate(c, nb.codes()));
                int[] otherAreas = ob.values().areas();
                for (int i = 0; i < ob.size(); i++) {
                    int code = toNew[otherAreas[i]];
                    int j = code < 0 ? -1 : newAt[code];
                    if (j >= 0) {
                        offerAll(found, limit, new Change(ob.areaCode(i), ob.key().year(), ob.key().variable(), ob.key().targetGroup(),
                                boxed(ob.value(i)), ob.status(i).name() + "#" + ob.importId(), boxed(nb.value(j)), nb.status(j).name()));
                    }
                }
            }
        });
        return List.copyOf(found);
    }

    private static void offerAll(TreeSet<Change> set, int limit, Change c) {
        set.add(c);
        if (set.size() > limit) {
            set.pollLast();
        }
    }

    /** The number of values an import stored. */
    /**
     * Deletes the stored observations of one import (its blocks and its area codes); the import's
     * row stays, as the history's record of the delivery. Returns the bytes the blocks took.
     */
    public static long delete(Handle h, long importId) {
        return StoredBlocks.delete(h, "observation_block", "data", "import_id", importId)
                + StoredBlocks.delete(h, "observation_areas", "codes", "import_id", importId);
    }

    public static long count(Handle h, long importId) {
        return h.createQuery("SELECT COALESCE(SUM(value_count), 0) FROM observation_block WHERE import_id = :i").bind("i", importId)
                .mapTo(Long.class).one();
    }

    /** All active observations, by variable, year, area and target group (for tools and tests). */
    public static List<Observation> active(Jdbi jdbi) {
        return jdbi.withHandle(h -> {
            List<Observation> all = new ArrayList<>();
            forEachBlock(h, activeImports(h), k -> true, b -> {
                TargetGroup g = TargetGroup.parse(b.key().targetGroup());
                for (int i = 0; i < b.size(); i++) {
                    all.add(new Observation(b.areaCode(i), b.key().year(), b.key().variable(), g, boxed(b.value(i)), b.status(i)));
                }
            });
            all.sort(Comparator.comparing(Observation::variable).thenComparingInt(Observation::year).thenComparing(Observation::areaCode)
                    .thenComparing(o -> o.targetGroup().key()));
            return all;
        });
    }

    /** A usable value (status ok, nothing, estimated) of an observation. */
    public record StoredValue(String areaCode, int year, String variable, String targetGroup, double value) {
    }

    /** Streams the usable values of the given imports (the plausibility check of a new import compares with them). */
    public static void forEachValue(Handle h, Collection<? extends Number> importIds, Consumer<StoredValue> consumer) {
        List<Long> ids = importIds.stream().map(Number::longValue).toList();
        forEachBlock(h, ids, k -> true, b -> {
            for (int i = 0; i < b.size(); i++) {
                if (!Double.isNaN(b.value(i)) && b.status(i).hasValue()) {
                    consumer.accept(new StoredValue(b.areaCode(i), b.key().year(), b.key().variable(), b.key().targetGroup(), b.value(i)));
                }
            }
        });
    }

    /**
     * The delivered figure of {@code variable} (total, any status that carries a number) per area
     * and year over the active imports, keyed as {@code area|year}; where imports overlap, the largest.
     */
    public static Map<String, Double> activeTotals(Handle h, String variable, java.util.function.BiFunction<String, Integer, String> key) {
        Map<String, Double> out = new LinkedHashMap<>();
        forEachBlock(h, activeImports(h), k -> k.variable().equals(variable) && k.targetGroup().isEmpty(), b -> {
            for (int i = 0; i < b.size(); i++) {
                if (!Double.isNaN(b.value(i))) {
                    out.merge(key.apply(b.areaCode(i), b.key().year()), b.value(i), Math::max);
                }
            }
        });
        return out;
    }
}
