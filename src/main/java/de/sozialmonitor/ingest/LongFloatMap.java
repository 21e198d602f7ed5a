package de.sozialmonitor.ingest;

import java.util.Arrays;

/**
 * A map from primitive long keys to float values (open addressing, 12 bytes a slot): the keys of
 * all rows of one import, for duplicate detection and the in-memory plausibility checks, within
 * a few hundred megabytes for 20 million rows. Long.MIN_VALUE marks an empty slot and is no key.
 */
final class LongFloatMap {
    private static final long EMPTY = Long.MIN_VALUE;
    private long[] keys;
    private float[] values;
    private int size;

    LongFloatMap() {
        keys = new long[1 << 12];
        values = new float[1 << 12];
        Arrays.fill(keys, EMPTY);
    }

    /** Puts a value if the key is new; false (and nothing changed) if it was already there. */
    boolean putIfAbsent(long key, float value) {
        if ((size + 1) * 10L > keys.length * 7L) {
            grow();
        }
        int mask = keys.length - 1;
        int i = (int) mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = value;
                size++;
                return true;
            }
            if (k == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    /** The value, or NaN if the key is absent (or its value is not a number). */
    float get(long key) {
        int mask = keys.length - 1;
        int i = (int) mix(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == EMPTY) {
                return Float.NaN;
            }
            if (k == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    /** Visits every entry. */
    void forEach(Entry visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                visitor.accept(keys[i], values[i]);
            }
        }
    }

    interface Entry {
        void accept(long key, float value);
    }

    private void grow() {
        long[] oldKeys = keys;
        float[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new float[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                putIfAbsent(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static long mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
