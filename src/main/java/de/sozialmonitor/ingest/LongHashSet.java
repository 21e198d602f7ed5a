package de.sozialmonitor.ingest;

/**
 * A set of primitive longs (open addressing), for duplicate-key detection over tens of millions
 * of rows: 8 bytes a slot instead of ~60 for a boxed HashSet entry. Zero is stored apart.
 */
final class LongHashSet {
    private long[] slots = new long[1 << 16];
    private int size;
    private boolean hasZero;

    /** Adds a value; false if it was already there. */
    boolean add(long v) {
        if (v == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if ((size + 1) * 10L > slots.length * 7L) {
            grow();
        }
        int mask = slots.length - 1;
        int i = (int) mix(v) & mask;
        while (true) {
            long s = slots[i];
            if (s == 0) {
                slots[i] = v;
                size++;
                return true;
            }
            if (s == v) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size + (hasZero ? 1 : 0);
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (long v : old) {
            if (v != 0) {
                add(v);
            }
        }
    }

    private static long mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
