package de.sozialmonitor.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The one binary format of the bulk tables: observations are stored one block per import,
 * variable, year and target group ({@code observation_block}), with the import's area codes once
 * ({@code observation_areas}); a result set one block for its areas ({@code result_area_block})
 * and one per indicator, target group and year ({@code result_value_block}); the territory's area
 * versions one block ({@code area_snapshot}). A database then
 * writes and reads a few hundred values of a few megabytes instead of millions of rows, each with
 * its transaction bookkeeping (issue 15, docs/benchmarks.md).
 *
 * <p>Every block starts with a kind byte and a format version, so a later version can read what an
 * earlier one wrote. Inside, columns: integers as variable-length quantities (7 bits a byte),
 * ascending indices as differences, numbers as zig-zag integers where every value of a column is
 * a whole number (counts) and as the 8 bytes of the double otherwise, text front-coded (the bytes
 * shared with the previous string are not repeated) or, where few values repeat, as a dictionary.
 * Missing numbers are NaN in the decoded arrays. Decoding checks bounds and throws
 * {@link IllegalStateException} on a damaged block rather than returning wrong figures.
 */
public final class BlockCodec {
    static final byte OBSERVATIONS = 'O';
    static final byte AREA_CODES = 'A';
    static final byte RESULT_AREAS = 'R';
    static final byte RESULT_VALUES = 'V';
    static final byte AREA_VERSIONS = 'Z';
    static final byte VERSION = 1;

    /** Doubles whose every value is a whole number of at most this size are written as integers. */
    private static final double MAX_INTEGRAL = 1L << 53;

    private BlockCodec() {
    }

    // ------------------------------------------------------------------ observations

    /**
     * The observations of one import for one variable, year and target group: {@code areas} are
     * ascending indices into the import's area codes, {@code values} NaN where none was delivered,
     * {@code status} the ordinal of {@code model.ValueStatus} per value.
     */
    public record ObservationValues(int[] areas, double[] values, byte[] status) {
        public ObservationValues {
            if (areas.length != values.length || areas.length != status.length) {
                throw new IllegalArgumentException("columns of different length");
            }
        }

        public int size() {
            return areas.length;
        }
    }

    public static byte[] encodeObservations(ObservationValues v) {
        int n = v.size();
        Out out = new Out(16 + n * 3);
        out.header(OBSERVATIONS);
        out.varint(n);
        out.ascending(v.areas(), n);
        out.bytes(v.status(), n);
        out.doubles(v.values(), n);
        return out.toArray();
    }

    public static ObservationValues decodeObservations(byte[] block) {
        In in = new In(block, OBSERVATIONS);
        int n = in.count();
        int[] areas = in.ascending(n);
        byte[] status = in.bytes(n);
        double[] values = in.doubles(n);
        in.end();
        return new ObservationValues(areas, values, status);
    }

    // ------------------------------------------------------------------ area codes

    /** Area codes (or any list of strings, none null), front-coded. */
    public static byte[] encodeCodes(String[] codes) {
        Out out = new Out(16 + codes.length * 4);
        out.header(AREA_CODES);
        out.varint(codes.length);
        out.strings(codes, codes.length);
        return out.toArray();
    }

    public static String[] decodeCodes(byte[] block) {
        In in = new In(block, AREA_CODES);
        int n = in.count();
        String[] codes = in.strings(n);
        in.end();
        return codes;
    }

    // ------------------------------------------------------------------ results

    /**
     * The areas of a result set in the order it was computed on (the boundary version), with the
     * index results of its year; classes as their codes; null or NaN where none.
     */
    public record ResultAreas(String[] codes, String[] names, String[] levels, String[] parents, double[] population,
                              double[] statusRaw, double[] statusIndex, String[] statusClass,
                              double[] dynamicsRaw, double[] dynamicsIndex, String[] dynamicsClass,
                              boolean[] attention, String[] excluded) {
        public ResultAreas {
            int n = codes.length;
            for (int len : new int[] {names.length, levels.length, parents.length, population.length, statusRaw.length,
                    statusIndex.length, statusClass.length, dynamicsRaw.length, dynamicsIndex.length, dynamicsClass.length,
                    attention.length, excluded.length}) {
                if (len != n) {
                    throw new IllegalArgumentException("columns of different length");
                }
            }
        }

        public int size() {
            return codes.length;
        }
    }

    public static byte[] encodeResultAreas(ResultAreas a) {
        int n = a.size();
        Out out = new Out(64 + n * 48);
        out.header(RESULT_AREAS);
        out.varint(n);
        out.strings(a.codes(), n);
        out.strings(a.names(), n);
        out.strings(a.levels(), n);
        out.strings(a.parents(), n);
        out.doubles(a.population(), n);
        out.doubles(a.statusRaw(), n);
        out.doubles(a.statusIndex(), n);
        out.strings(a.statusClass(), n);
        out.doubles(a.dynamicsRaw(), n);
        out.doubles(a.dynamicsIndex(), n);
        out.strings(a.dynamicsClass(), n);
        out.booleans(a.attention(), n);
        out.strings(a.excluded(), n);
        return out.toArray();
    }

    public static ResultAreas decodeResultAreas(byte[] block) {
        In in = new In(block, RESULT_AREAS);
        int n = in.count();
        ResultAreas a = new ResultAreas(in.strings(n), in.strings(n), in.strings(n), in.strings(n), in.doubles(n),
                in.doubles(n), in.doubles(n), in.strings(n), in.doubles(n), in.doubles(n), in.strings(n), in.booleans(n),
                in.strings(n));
        in.end();
        return a;
    }

    /**
     * One indicator's figures for one target group and year over the areas of its result set (the
     * order of {@link ResultAreas}), NaN where none. An area has a stored figure where any of
     * value, numerator and denominator is a number.
     */
    public record ResultValues(double[] numerator, double[] denominator, double[] value, double[] change,
                               double[] zStatus, double[] zDynamics) {
        public ResultValues {
            int n = value.length;
            for (double[] c : new double[][] {numerator, denominator, change, zStatus, zDynamics}) {
                if (c.length != n) {
                    throw new IllegalArgumentException("columns of different length");
                }
            }
        }

        public int size() {
            return value.length;
        }

        /** Whether area {@code a} has a figure (a row, as the old tables had). */
        public boolean present(int a) {
            return !Double.isNaN(value[a]) || !Double.isNaN(numerator[a]) || !Double.isNaN(denominator[a]);
        }
    }

    public static byte[] encodeResultValues(ResultValues v) {
        int n = v.size();
        Out out = new Out(16 + n * 24);
        out.header(RESULT_VALUES);
        out.varint(n);
        for (double[] c : new double[][] {v.numerator(), v.denominator(), v.value(), v.change(), v.zStatus(), v.zDynamics()}) {
            out.doubles(c, n);
        }
        return out.toArray();
    }

    public static ResultValues decodeResultValues(byte[] block) {
        In in = new In(block, RESULT_VALUES);
        int n = in.count();
        ResultValues v = new ResultValues(in.doubles(n), in.doubles(n), in.doubles(n), in.doubles(n), in.doubles(n), in.doubles(n));
        in.end();
        return v;
    }

    // ------------------------------------------------------------------ area versions

    /**
     * Every version of every area of the territory, ordered by code and start of validity: days
     * since 1970-01-01 for {@code validFrom} and {@code validTo} (NaN: valid until now), the import
     * that delivered the version in {@code importIds} (NaN: none known); {@code parents} null for
     * the territory.
     */
    public record AreaVersions(String[] codes, double[] validFrom, double[] validTo, String[] names, String[] levels,
                               String[] parents, double[] importIds) {
        public AreaVersions {
            int n = codes.length;
            for (int len : new int[] {validFrom.length, validTo.length, names.length, levels.length, parents.length, importIds.length}) {
                if (len != n) {
                    throw new IllegalArgumentException("columns of different length");
                }
            }
        }

        public int size() {
            return codes.length;
        }
    }

    public static byte[] encodeAreaVersions(AreaVersions a) {
        int n = a.size();
        Out out = new Out(64 + n * 24);
        out.header(AREA_VERSIONS);
        out.varint(n);
        out.strings(a.codes(), n);
        out.doubles(a.validFrom(), n);
        out.doubles(a.validTo(), n);
        out.strings(a.names(), n);
        out.strings(a.levels(), n);
        out.strings(a.parents(), n);
        out.doubles(a.importIds(), n);
        return out.toArray();
    }

    public static AreaVersions decodeAreaVersions(byte[] block) {
        In in = new In(block, AREA_VERSIONS);
        int n = in.count();
        AreaVersions a = new AreaVersions(in.strings(n), in.doubles(n), in.doubles(n), in.strings(n), in.strings(n),
                in.strings(n), in.doubles(n));
        in.end();
        return a;
    }

    // ------------------------------------------------------------------ columns

    private static final byte ALL_ZERO = 0;
    private static final byte EACH = 1;
    private static final byte NONE = 0;
    private static final byte WHOLE_NUMBERS = 1;
    private static final byte RAW = 2;
    private static final byte FRONT_CODED = 0;
    private static final byte DICTIONARY = 1;

    /** A growing byte array with the column writers. */
    private static final class Out {
        private byte[] buf;
        private int len;

        Out(int capacity) {
            buf = new byte[Math.max(64, capacity)];
        }

        private void room(long more) {
            if (len + more > buf.length) {
                long cap = Math.max((long) buf.length * 2, len + more);
                if (cap > Integer.MAX_VALUE - 16) {
                    throw new IllegalStateException("block too large");
                }
                buf = Arrays.copyOf(buf, (int) cap);
            }
        }

        void header(byte kind) {
            room(2);
            buf[len++] = kind;
            buf[len++] = VERSION;
        }

        void byteValue(int b) {
            room(1);
            buf[len++] = (byte) b;
        }

        void varint(long v) {
            room(10);
            while ((v & ~0x7FL) != 0) {
                buf[len++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[len++] = (byte) v;
        }

        void raw(byte[] b, int off, int n) {
            room(n);
            System.arraycopy(b, off, buf, len, n);
            len += n;
        }

        void ascending(int[] v, int n) {
            int prev = -1;
            for (int i = 0; i < n; i++) {
                if (v[i] <= prev) {
                    throw new IllegalArgumentException("indices not ascending at " + i);
                }
                varint(v[i] - prev - 1);
                prev = v[i];
            }
        }

        void bytes(byte[] v, int n) {
            boolean zero = true;
            for (int i = 0; i < n && zero; i++) {
                zero = v[i] == 0;
            }
            byteValue(zero ? ALL_ZERO : EACH);
            if (!zero) {
                raw(v, 0, n);
            }
        }

        void booleans(boolean[] v, int n) {
            byte[] bits = new byte[(n + 7) >>> 3];
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if (v[i]) {
                    bits[i >>> 3] |= (byte) (1 << (i & 7));
                    any = true;
                }
            }
            byteValue(any ? EACH : ALL_ZERO);
            if (any) {
                raw(bits, 0, bits.length);
            }
        }

        /** NaN is "none"; whole numbers as zig-zag varints after a bitmap of the missing ones. */
        void doubles(double[] v, int n) {
            boolean anyMissing = false;
            boolean anyPresent = false;
            boolean whole = true;
            for (int i = 0; i < n; i++) {
                double x = v[i];
                if (Double.isNaN(x)) {
                    anyMissing = true;
                } else {
                    anyPresent = true;
                    if (x != Math.rint(x) || Math.abs(x) > MAX_INTEGRAL || (x == 0 && 1 / x < 0)) {
                        whole = false;
                        break; // written as raw bits: whether any is missing no longer matters
                    }
                }
            }
            if (!anyPresent) {
                byteValue(NONE);
                return;
            }
            if (!whole) {
                byteValue(RAW);
                room(8L * n);
                // the raw bits, most significant byte first, in one bulk copy (a loop per byte cost more than
                // the database's write of the block, the more so in export's C1-only JVM)
                ByteBuffer.wrap(buf, len, 8 * n).order(ByteOrder.BIG_ENDIAN).asDoubleBuffer().put(v, 0, n);
                len += 8 * n;
                return;
            }
            byteValue(WHOLE_NUMBERS);
            byteValue(anyMissing ? EACH : ALL_ZERO);
            int bitmap = anyMissing ? (n + 7) >>> 3 : 0;
            // room for the bitmap and the longest varints at once: the loop below writes without checks
            room(bitmap + 10L * n);
            byte[] b = buf;
            int p = len;
            if (anyMissing) {
                Arrays.fill(b, p, p + bitmap, (byte) 0);
                for (int i = 0; i < n; i++) {
                    if (Double.isNaN(v[i])) {
                        b[p + (i >>> 3)] |= (byte) (1 << (i & 7));
                    }
                }
                p += bitmap;
            }
            for (int i = 0; i < n; i++) {
                double d = v[i];
                if (d == d) {
                    long x = (long) d;
                    long z = (x << 1) ^ (x >> 63);
                    while ((z & ~0x7FL) != 0) {
                        b[p++] = (byte) ((z & 0x7F) | 0x80);
                        z >>>= 7;
                    }
                    b[p++] = (byte) z;
                }
            }
            len = p;
        }

        /** Strings, null allowed: a dictionary where values repeat, else front-coded. */
        void strings(String[] v, int n) {
            Map<String, Integer> dict = new HashMap<>();
            int limit = n / 4 + 1;
            for (int i = 0; i < n && dict.size() <= limit; i++) {
                if (v[i] != null) {
                    dict.putIfAbsent(v[i], dict.size());
                }
            }
            if (dict.size() > limit) {
                byteValue(FRONT_CODED);
                frontCoded(v, n);
                return;
            }
            byteValue(DICTIONARY);
            String[] words = new String[dict.size()];
            dict.forEach((w, i) -> words[i] = w);
            varint(words.length);
            frontCoded(words, words.length);
            for (int i = 0; i < n; i++) {
                varint(v[i] == null ? 0 : dict.get(v[i]) + 1);
            }
        }

        private void frontCoded(String[] v, int n) {
            byte[] prev = new byte[0];
            for (int i = 0; i < n; i++) {
                if (v[i] == null) {
                    varint(0);
                    varint(0);
                    continue;
                }
                byte[] b = v[i].getBytes(StandardCharsets.UTF_8);
                int shared = 0;
                int max = Math.min(prev.length, b.length);
                while (shared < max && prev[shared] == b[shared]) {
                    shared++;
                }
                varint(shared);
                varint(b.length - shared + 1);
                raw(b, shared, b.length - shared);
                prev = b;
            }
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, len);
        }
    }

    /** Reads what {@link Out} wrote, checking every length against the block. */
    private static final class In {
        private final byte[] buf;
        private int pos;

        In(byte[] block, byte kind) {
            if (block == null || block.length < 2 || block[0] != kind) {
                throw damaged("not a block of kind " + (char) kind);
            }
            if (block[1] != VERSION) {
                throw damaged("format version " + block[1] + " is newer than this program (" + VERSION + ")");
            }
            this.buf = block;
            this.pos = 2;
        }

        int byteValue() {
            if (pos >= buf.length) {
                throw damaged("ends early");
            }
            return buf[pos++];
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = byteValue();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw damaged("bad number");
        }

        int count() {
            long n = varint();
            if (n < 0 || n > Integer.MAX_VALUE - 16) {
                throw damaged("bad count " + n);
            }
            return (int) n;
        }

        int[] ascending(int n) {
            int[] v = new int[n];
            long prev = -1;
            for (int i = 0; i < n; i++) {
                prev = prev + 1 + varint();
                if (prev > Integer.MAX_VALUE) {
                    throw damaged("index out of range");
                }
                v[i] = (int) prev;
            }
            return v;
        }

        byte[] raw(int n) {
            if (n < 0 || pos + n > buf.length) {
                throw damaged("ends early");
            }
            byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
            pos += n;
            return b;
        }

        byte[] bytes(int n) {
            return byteValue() == ALL_ZERO ? new byte[n] : raw(n);
        }

        boolean[] booleans(int n) {
            boolean[] v = new boolean[n];
            if (byteValue() != ALL_ZERO) {
                byte[] bits = raw((n + 7) >>> 3);
                for (int i = 0; i < n; i++) {
                    v[i] = (bits[i >>> 3] & (1 << (i & 7))) != 0;
                }
            }
            return v;
        }

        double[] doubles(int n) {
            double[] v = new double[n];
            int mode = byteValue();
            if (mode == NONE) {
                Arrays.fill(v, Double.NaN);
                return v;
            }
            if (mode == RAW) {
                if (pos + 8L * n > buf.length) {
                    throw damaged("ends early");
                }
                ByteBuffer.wrap(buf, pos, 8 * n).order(ByteOrder.BIG_ENDIAN).asDoubleBuffer().get(v, 0, n);
                pos += 8 * n;
                return v;
            }
            if (mode != WHOLE_NUMBERS) {
                throw damaged("unknown number column " + mode);
            }
            byte[] missing = byteValue() == ALL_ZERO ? null : raw((n + 7) >>> 3);
            for (int i = 0; i < n; i++) {
                if (missing != null && (missing[i >>> 3] & (1 << (i & 7))) != 0) {
                    v[i] = Double.NaN;
                } else {
                    long z = varint();
                    v[i] = (z >>> 1) ^ -(z & 1);
                }
            }
            return v;
        }

        String[] strings(int n) {
            int mode = byteValue();
            if (mode == FRONT_CODED) {
                return frontCoded(n);
            }
            if (mode != DICTIONARY) {
                throw damaged("unknown text column " + mode);
            }
            String[] words = frontCoded(count());
            String[] v = new String[n];
            for (int i = 0; i < n; i++) {
                long w = varint();
                if (w < 0 || w > words.length) {
                    throw damaged("bad dictionary entry");
                }
                v[i] = w == 0 ? null : words[(int) w - 1];
            }
            return v;
        }

        private String[] frontCoded(int n) {
            String[] v = new String[n];
            byte[] cur = new byte[64];
            int prevLen = 0;
            for (int i = 0; i < n; i++) {
                long shared = varint();
                long suffix = varint() - 1;
                if (suffix < 0) {
                    v[i] = null;
                    continue;
                }
                if (shared > prevLen || suffix > buf.length - pos) {
                    throw damaged("bad text");
                }
                int len = (int) (shared + suffix);
                if (cur.length < len) {
                    cur = Arrays.copyOf(cur, Math.max(len, cur.length * 2));
                }
                // the shared prefix is still in cur from the previous string
                System.arraycopy(buf, pos, cur, (int) shared, (int) suffix);
                pos += (int) suffix;
                v[i] = new String(cur, 0, len, StandardCharsets.UTF_8);
                prevLen = len;
            }
            return v;
        }

        void end() {
            if (pos != buf.length) {
                throw damaged((buf.length - pos) + " bytes left over");
            }
        }

        private static IllegalStateException damaged(String why) {
            return new IllegalStateException("damaged storage block: " + why);
        }
    }
}
