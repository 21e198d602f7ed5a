package de.sozialmonitor.store;

import de.sozialmonitor.model.ValueStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of one import while it is read: per series (variable, year, target group) a column
 * indexed by area number, holding a value and a status per area. The import's checks (duplicates,
 * jumps against the previous year, parts above their whole, totals against their parts) walk these
 * columns in area order, and the {@link ObservationStore.Writer} encodes them as blocks from here,
 * so an import holds its values once.
 *
 * <p>A column is allocated in pages of {@value #PAGE_SIZE} areas on first use: a series that covers
 * all areas costs 9 bytes an area (a double and a status byte), one that covers a few areas (a target
 * group delivered for some districts only) costs a few pages. The status byte tells "absent" (0)
 * from "present" (the status' ordinal + 1), also for a present figure without a number.
 */
public final class ObservationColumns {
    static final int PAGE_BITS = 8;
    public static final int PAGE_SIZE = 1 << PAGE_BITS;
    private static final int PAGE_MASK = PAGE_SIZE - 1;
    private static final ValueStatus[] STATUSES = ValueStatus.values();
    /** By status code (ordinal + 1): whether the status carries a usable number. */
    private static final boolean[] USABLE = new boolean[STATUSES.length + 1];

    static {
        for (ValueStatus s : STATUSES) {
            USABLE[s.ordinal() + 1] = s.hasValue();
        }
    }

    /** One series' metadata and pages. */
    private static final class Column {
        final String variable;
        final int year;
        final String targetGroup;
        double[][] values = new double[0][];
        byte[][] status = new byte[0][];
        int count;

        Column(String variable, int year, String targetGroup) {
            this.variable = variable;
            this.year = year;
            this.targetGroup = targetGroup;
        }
    }

    private final List<Column> columns = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    /** The number of the series (variable, year, target group), made on first use; numbers count up from 0. */
    public int series(String variable, int year, String targetGroup) {
        String key = variable + '\u0000' + year + '\u0000' + targetGroup;
        Integer s = index.get(key);
        if (s == null) {
            s = columns.size();
            columns.add(new Column(variable, year, targetGroup));
            index.put(key, s);
        }
        return s;
    }

    /** The number of an existing series, or -1. */
    public int find(String variable, int year, String targetGroup) {
        Integer s = index.get(variable + '\u0000' + year + '\u0000' + targetGroup);
        return s == null ? -1 : s;
    }

    public int seriesCount() {
        return columns.size();
    }

    public String variable(int series) {
        return columns.get(series).variable;
    }

    public int year(int series) {
        return columns.get(series).year;
    }

    public String targetGroup(int series) {
        return columns.get(series).targetGroup;
    }

    /** How many areas have a figure in the series. */
    public int count(int series) {
        return columns.get(series).count;
    }

    /**
     * Puts the figure of {@code area} (a number ≥ 0) in a series: {@code value} NaN where none was
     * delivered. False, and nothing changed, if the area has a figure in the series already.
     */
    public boolean put(int series, int area, double value, ValueStatus status) {
        Column c = columns.get(series);
        int p = area >>> PAGE_BITS;
        if (p >= c.status.length) {
            int n = Math.max(p + 1, c.status.length + (c.status.length >> 1));
            c.values = Arrays.copyOf(c.values, n);
            c.status = Arrays.copyOf(c.status, n);
        }
        byte[] st = c.status[p];
        if (st == null) {
            st = new byte[PAGE_SIZE];
            c.status[p] = st;
            c.values[p] = new double[PAGE_SIZE];
        }
        int i = area & PAGE_MASK;
        if (st[i] != 0) {
            return false;
        }
        st[i] = (byte) (status.ordinal() + 1);
        c.values[p][i] = value;
        c.count++;
        return true;
    }

    /** True if {@code area} has a figure (with or without a number) in the series. */
    public boolean present(int series, int area) {
        return statusCode(columns.get(series), area) != 0;
    }

    /** The status of the area's figure in the series, or null if it has none. */
    public ValueStatus status(int series, int area) {
        int code = statusCode(columns.get(series), area);
        return code == 0 ? null : STATUSES[code - 1];
    }

    /** The area's number in the series: NaN if it has no figure or the figure no number. */
    public double value(int series, int area) {
        Column c = columns.get(series);
        return statusCode(c, area) == 0 ? Double.NaN : c.values[area >>> PAGE_BITS][area & PAGE_MASK];
    }

    /**
     * The area's number where its status carries a usable one ({@link ValueStatus#hasValue()}),
     * else NaN: what the plausibility checks compare.
     */
    public double usableValue(int series, int area) {
        Column c = columns.get(series);
        int code = statusCode(c, area);
        return code == 0 || !STATUSES[code - 1].hasValue() ? Double.NaN : c.values[area >>> PAGE_BITS][area & PAGE_MASK];
    }

    /** How many pages of {@value #PAGE_SIZE} areas the series spans (allocated or not): the bound for {@link #usablePage}. */
    public int pageCount(int series) {
        return columns.get(series).status.length;
    }

    /**
     * The usable numbers ({@link #usableValue}) of the areas {@code page * PAGE_SIZE} to
     * {@code page * PAGE_SIZE + PAGE_SIZE - 1} as floats into {@code out}, NaN where none; false
     * (and {@code out} untouched) if none of these areas has a figure in the series. The checks of an
     * import walk a page at a time instead of an area at a time.
     */
    public boolean usablePage(int series, int page, float[] out) {
        Column c = columns.get(series);
        if (page < 0 || page >= c.status.length || c.status[page] == null) {
            return false;
        }
        byte[] st = c.status[page];
        double[] v = c.values[page];
        for (int i = 0; i < PAGE_SIZE; i++) {
            int code = st[i];
            out[i] = code != 0 && USABLE[code] ? (float) v[i] : Float.NaN;
        }
        return true;
    }

    private static int statusCode(Column c, int area) {
        int p = area >>> PAGE_BITS;
        if (area < 0 || p >= c.status.length || c.status[p] == null) {
            return 0;
        }
        return c.status[p][area & PAGE_MASK];
    }

    /** The first area at or after {@code from} with a figure in the series, or -1: {@code for (a = next(s, 0); a >= 0; a = next(s, a + 1))}. */
    public int next(int series, int from) {
        Column c = columns.get(series);
        int p = Math.max(0, from) >>> PAGE_BITS;
        int i = Math.max(0, from) & PAGE_MASK;
        for (; p < c.status.length; p++, i = 0) {
            byte[] st = c.status[p];
            if (st == null) {
                continue;
            }
            for (; i < PAGE_SIZE; i++) {
                if (st[i] != 0) {
                    return (p << PAGE_BITS) | i;
                }
            }
        }
        return -1;
    }

    /**
     * The series' figures in area order: areas, numbers (NaN where none) and status ordinals, as
     * {@link BlockCodec} stores them (areas still the numbers given to {@link #put}).
     */
    public BlockCodec.ObservationValues values(int series) {
        Column c = columns.get(series);
        int[] areas = new int[c.count];
        double[] values = new double[c.count];
        byte[] status = new byte[c.count];
        int k = 0;
        for (int p = 0; p < c.status.length; p++) {
            byte[] st = c.status[p];
            if (st == null) {
                continue;
            }
            double[] v = c.values[p];
            for (int i = 0; i < PAGE_SIZE; i++) {
                if (st[i] != 0) {
                    areas[k] = (p << PAGE_BITS) | i;
                    values[k] = v[i];
                    status[k] = (byte) (st[i] - 1);
                    k++;
                }
            }
        }
        return new BlockCodec.ObservationValues(areas, values, status);
    }

    /** How many pages of {@value #PAGE_SIZE} areas the series holds (what its memory grows with). */
    int pagesAllocated(int series) {
        int n = 0;
        for (byte[] st : columns.get(series).status) {
            n += st == null ? 0 : 1;
        }
        return n;
    }

    /** Marks in {@code used} every area that has a figure in some series. */
    void markUsed(boolean[] used) {
        for (Column c : columns) {
            for (int p = 0; p < c.status.length; p++) {
                byte[] st = c.status[p];
                if (st == null) {
                    continue;
                }
                int base = p << PAGE_BITS;
                for (int i = 0; i < PAGE_SIZE; i++) {
                    if (st[i] != 0) {
                        used[base + i] = true;
                    }
                }
            }
        }
    }
}
