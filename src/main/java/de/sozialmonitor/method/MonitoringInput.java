package de.sozialmonitor.method;

import de.sozialmonitor.model.Area;
import de.sozialmonitor.model.BoundaryChange;
import de.sozialmonitor.model.Observation;
import de.sozialmonitor.model.TargetGroup;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the method reads, held in primitive arrays: area versions, the level order, boundary
 * changes and the base counts. Counts are stored per (variable, target group) and year as one
 * {@code double[]} over area codes, NaN where there is no usable number, so that the census-grid
 * scale (millions of areas) costs 8 bytes per value and not an object per value.
 *
 * <p>Build it with {@link #builder()}; the reader {@code store.MonitoringInputReader} does that from
 * the database, tests and the benchmark do it in memory.
 */
public final class MonitoringInput {
    /** A count series key: a variable for one target group ('' = total). */
    public record SeriesKey(String variable, String targetGroup) {
        public static SeriesKey total(String variable) {
            return new SeriesKey(variable, "");
        }
    }

    private final List<String> levels;
    private final String[] codes;
    private final Map<String, Integer> codeIndex;
    // area versions (parallel arrays)
    private final int[] versionCode;
    private final String[] versionName;
    private final String[] versionLevel;
    private final String[] versionParent;
    private final long[] versionFromDay;
    private final long[] versionToDay;
    private final List<BoundaryChange> changes;
    private final int[] years;
    private final Map<SeriesKey, double[][]> counts;
    private final Map<String, Object> provenance;

    private MonitoringInput(Builder b) {
        this.levels = List.copyOf(b.levels);
        this.codes = b.codes.toArray(new String[0]);
        this.codeIndex = b.codeIndex;
        int nv = b.versionCount;
        this.versionCode = Arrays.copyOf(b.versionCode, nv);
        this.versionName = Arrays.copyOf(b.versionName, nv);
        this.versionLevel = Arrays.copyOf(b.versionLevel, nv);
        this.versionParent = Arrays.copyOf(b.versionParent, nv);
        this.versionFromDay = Arrays.copyOf(b.versionFromDay, nv);
        this.versionToDay = Arrays.copyOf(b.versionToDay, nv);
        this.changes = List.copyOf(b.changes);
        this.years = b.yearsSeen.keySet().stream().mapToInt(Integer::intValue).toArray();
        Map<SeriesKey, double[][]> c = new LinkedHashMap<>();
        int n = codes.length;
        b.counts.forEach((key, byYear) -> {
            double[][] arr = new double[years.length][];
            byYear.forEach((year, values) -> {
                double[] v = values.length == n ? values : Arrays.copyOf(values, n);
                if (values.length < n) {
                    Arrays.fill(v, values.length, n, Double.NaN);
                }
                arr[Arrays.binarySearch(years, year)] = v;
            });
            c.put(key, arr);
        });
        this.counts = Collections.unmodifiableMap(c);
        this.provenance = Collections.unmodifiableMap(new LinkedHashMap<>(b.provenance));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Level names from the root (depth 0) down; may be empty, then depths come from the parent links. */
    public List<String> levels() {
        return levels;
    }

    public int codeCount() {
        return codes.length;
    }

    public String code(int codeIdx) {
        return codes[codeIdx];
    }

    /** Index of an area code, or -1. */
    public int indexOf(String code) {
        Integer i = codeIndex.get(code);
        return i == null ? -1 : i;
    }

    public int versionCount() {
        return versionCode.length;
    }

    int versionCode(int v) {
        return versionCode[v];
    }

    String versionName(int v) {
        return versionName[v];
    }

    String versionLevel(int v) {
        return versionLevel[v];
    }

    String versionParent(int v) {
        return versionParent[v];
    }

    /** True if version {@code v} is valid on 31 December of {@code year}. */
    boolean versionValid(int v, int year) {
        return versionValidOn(v, LocalDate.of(year, 12, 31).toEpochDay());
    }

    /** True if version {@code v} is valid on the given epoch day. */
    boolean versionValidOn(int v, long epochDay) {
        return versionFromDay[v] <= epochDay && epochDay < versionToDay[v];
    }

    public List<BoundaryChange> boundaryChanges() {
        return changes;
    }

    /** The years with at least one count, ascending. */
    public int[] years() {
        return years.clone();
    }

    public boolean hasYear(int year) {
        return Arrays.binarySearch(years, year) >= 0;
    }

    public java.util.Set<SeriesKey> seriesKeys() {
        return counts.keySet();
    }

    /** The counts of a series in a year over area codes (NaN = none), or null if nothing was delivered. */
    public double[] counts(SeriesKey key, int year) {
        double[][] byYear = counts.get(key);
        int yi = Arrays.binarySearch(years, year);
        return byYear == null || yi < 0 ? null : byYear[yi];
    }

    /** Free-form description of where the input came from (import ids, hashes), written into each result set. */
    public Map<String, Object> provenance() {
        return provenance;
    }

    /** Collects areas, boundary changes and counts; later values for the same key overwrite earlier ones. */
    public static final class Builder {
        private final List<String> levels = new ArrayList<>();
        private final List<String> codes = new ArrayList<>();
        private final Map<String, Integer> codeIndex = new HashMap<>();
        private int versionCount;
        private int[] versionCode = new int[16];
        private String[] versionName = new String[16];
        private String[] versionLevel = new String[16];
        private String[] versionParent = new String[16];
        private long[] versionFromDay = new long[16];
        private long[] versionToDay = new long[16];
        private final List<BoundaryChange> changes = new ArrayList<>();
        private final TreeMap<Integer, Boolean> yearsSeen = new TreeMap<>();
        private final Map<SeriesKey, Map<Integer, double[]>> counts = new LinkedHashMap<>();
        private final Map<String, Object> provenance = new LinkedHashMap<>();

        private Builder() {
        }

        /** The level names from the root down (e.g. Landkreis, Gemeinde, Ortsteil). */
        public Builder levels(List<String> names) {
            levels.clear();
            levels.addAll(names);
            return this;
        }

        public Builder area(Area a) {
            return area(a.code(), a.name(), a.level(), a.parentCode(), a.validFrom(), a.validTo());
        }

        public Builder areas(Iterable<Area> areas) {
            areas.forEach(this::area);
            return this;
        }

        /** One area version; validFrom null = always, validTo null = still valid. */
        public Builder area(String code, String name, String level, String parentCode, LocalDate validFrom, LocalDate validTo) {
            int c = codeIndex(code);
            if (versionCount == versionCode.length) {
                int cap = versionCount * 2;
                versionCode = Arrays.copyOf(versionCode, cap);
                versionName = Arrays.copyOf(versionName, cap);
                versionLevel = Arrays.copyOf(versionLevel, cap);
                versionParent = Arrays.copyOf(versionParent, cap);
                versionFromDay = Arrays.copyOf(versionFromDay, cap);
                versionToDay = Arrays.copyOf(versionToDay, cap);
            }
            versionCode[versionCount] = c;
            versionName[versionCount] = name;
            versionLevel[versionCount] = level;
            versionParent[versionCount] = parentCode == null || parentCode.isBlank() ? null : parentCode;
            versionFromDay[versionCount] = validFrom == null ? Long.MIN_VALUE : validFrom.toEpochDay();
            versionToDay[versionCount] = validTo == null ? Long.MAX_VALUE : validTo.toEpochDay();
            versionCount++;
            return this;
        }

        public Builder boundaryChange(BoundaryChange change) {
            codeIndex(change.predecessorCode());
            codeIndex(change.successorCode());
            changes.add(change);
            return this;
        }

        public Builder observation(Observation o) {
            Double v = o.usableValue();
            return value(o.areaCode(), o.year(), o.variable(), o.targetGroup().key(), v == null ? Double.NaN : v);
        }

        /** One count; NaN marks a delivered placeholder without a usable number. */
        public Builder value(String areaCode, int year, String variable, String targetGroup, double value) {
            int c = codeIndex(areaCode);
            double[] arr = series(new SeriesKey(variable, targetGroup == null ? "" : targetGroup), year, c + 1);
            arr[c] = value;
            return this;
        }

        /** A whole series for one year at once, indexed like the area codes in the order they were added. */
        public Builder values(SeriesKey key, int year, double[] byCodeIndex) {
            yearsSeen.put(year, Boolean.TRUE);
            counts.computeIfAbsent(key, k -> new HashMap<>()).put(year, byCodeIndex);
            return this;
        }

        /**
         * Counts of one series and year at once: {@code values[i]} for the area of code index
         * {@code codeIdx[i]} (see {@link #codeIndex}); NaN marks a placeholder. Later values for the
         * same area overwrite earlier ones, as with {@link #value}.
         */
        public Builder values(SeriesKey key, int year, int[] codeIdx, double[] values) {
            int max = -1;
            for (int c : codeIdx) {
                max = Math.max(max, c);
            }
            double[] arr = series(key, year, max + 1);
            for (int i = 0; i < codeIdx.length; i++) {
                arr[codeIdx[i]] = values[i];
            }
            return this;
        }

        public Builder provenance(String key, Object value) {
            provenance.put(key, value);
            return this;
        }

        private double[] series(SeriesKey key, int year, int minLength) {
            yearsSeen.put(year, Boolean.TRUE);
            Map<Integer, double[]> byYear = counts.computeIfAbsent(key, k -> new HashMap<>());
            double[] arr = byYear.get(year);
            if (arr == null || arr.length < minLength) {
                int cap = Math.max(minLength, Math.max(codes.size(), arr == null ? 16 : arr.length * 2));
                double[] grown = arr == null ? new double[cap] : Arrays.copyOf(arr, cap);
                Arrays.fill(grown, arr == null ? 0 : arr.length, cap, Double.NaN);
                byYear.put(year, grown);
                arr = grown;
            }
            return arr;
        }

        public int codeIndex(String code) {
            Integer i = codeIndex.get(code);
            if (i == null) {
                i = codes.size();
                codes.add(code);
                codeIndex.put(code, i);
            }
            return i;
        }

        public MonitoringInput build() {
            return new MonitoringInput(this);
        }
    }
}
