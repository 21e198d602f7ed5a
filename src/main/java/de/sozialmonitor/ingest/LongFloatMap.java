package de.sozialmonitor.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A map from primitive long keys to float values (open addressing, 12 bytes a slot): the keys of
 * all rows of one import, for duplicate detection and the in-memory plausibility checks.
 * Long.MIN_VALUE marks an empty slot and is no key.
 *
 * <p>Small tables live on the heap. Beyond {@link #HEAP_SLOTS_MAX} slots (about 360,000 rows,
 * 6 MiB) the table moves into a memory-mapped temporary file, so the Java heap of an import stays
 * bounded however many rows a file has; the operating system keeps the pages in its cache or
 * writes them out under memory pressure. The file is deleted as soon as it is mapped, so nothing is
 * left behind even if the process is killed. In the mapped table a key is stored xor
 * Long.MIN_VALUE, so that the zeros of a fresh file read as empty slots.
 */
final class LongFloatMap {
    private static final long EMPTY = Long.MIN_VALUE;
    /** Largest table kept on the heap (slots), unless a system property says otherwise. */
    static final int HEAP_SLOTS_MAX = Integer.getInteger("sozialmonitor.ingest.heapSlots", 1 << 19);
    /** One mapping of the keys may not exceed 2 GiB: 2^27 slots, about 90 million rows. */
    static final int MAX_SLOTS = 1 << 27;

    private long[] keys;
    private float[] values;
    private LongBuffer mappedKeys;
    private FloatBuffer mappedValues;
    private final int heapSlotsMax;
    private int capacity;
    private int size;

    LongFloatMap() {
        this(HEAP_SLOTS_MAX);
    }

    /** A map that moves into a mapped file once it needs more than {@code heapSlotsMax} slots. */
    LongFloatMap(int heapSlotsMax) {
        this.heapSlotsMax = heapSlotsMax;
        allocate(1 << 12);
    }

    /** True once the table has moved off the heap (for tests and the benchmark). */
    boolean mapped() {
        return mappedKeys != null;
    }

    private void allocate(int slots) {
        capacity = slots;
        size = 0;
        if (slots <= heapSlotsMax) {
            keys = new long[slots];
            values = new float[slots];
            Arrays.fill(keys, EMPTY);
            mappedKeys = null;
            mappedValues = null;
            return;
        }
        keys = null;
        values = null;
        try {
            Path file = Files.createTempFile("sozialmonitor-keys", ".bin");
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                long keyBytes = (long) slots * Long.BYTES;
                long valueBytes = (long) slots * Float.BYTES;
                mappedKeys = ch.map(FileChannel.MapMode.READ_WRITE, 0, keyBytes).order(ByteOrder.nativeOrder()).asLongBuffer();
                mappedValues = ch.map(FileChannel.MapMode.READ_WRITE, keyBytes, valueBytes).order(ByteOrder.nativeOrder()).asFloatBuffer();
            } finally {
                try {
                    Files.delete(file); // the mapping stays valid; the space is freed when it is unmapped
                } catch (IOException e) {
                    file.toFile().deleteOnExit(); // systems that cannot delete a mapped file
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the temporary key table of the import: " + e.getMessage(), e);
        }
    }

    private long keyAt(int i) {
        return keys != null ? keys[i] : mappedKeys.get(i) ^ EMPTY;
    }

    private float valueAt(int i) {
        return values != null ? values[i] : mappedValues.get(i);
    }

    private void set(int i, long key, float value) {
        if (keys != null) {
            keys[i] = key;
            values[i] = value;
        } else {
            mappedKeys.put(i, key ^ EMPTY);
            mappedValues.put(i, value);
        }
    }

    /** Puts a value if the key is new; false (and nothing changed) if it was already there. */
    boolean putIfAbsent(long key, float value) {
        if ((size + 1) * 10L > capacity * 7L) {
            grow();
        }
        int mask = capacity - 1;
        int i = (int) mix(key) & mask;
        while (true) {
            long k = keyAt(i);
            if (k == EMPTY) {
                set(i, key, value);
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
        int mask = capacity - 1;
        int i = (int) mix(key) & mask;
        while (true) {
            long k = keyAt(i);
            if (k == EMPTY) {
                return Float.NaN;
            }
            if (k == key) {
                return valueAt(i);
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    /** Visits every entry. */
    void forEach(Entry visitor) {
        for (int i = 0; i < capacity; i++) {
            long k = keyAt(i);
            if (k != EMPTY) {
                visitor.accept(k, valueAt(i));
            }
        }
    }

    interface Entry {
        void accept(long key, float value);
    }

    private void grow() {
        if (capacity >= MAX_SLOTS) {
            throw new IllegalStateException("too many rows for one import (more than " + (MAX_SLOTS / 10 * 7) + ")");
        }
        long[] oldKeys = keys;
        float[] oldValues = values;
        LongBuffer oldMappedKeys = mappedKeys;
        FloatBuffer oldMappedValues = mappedValues;
        int oldCapacity = capacity;
        allocate(oldCapacity * 2);
        for (int i = 0; i < oldCapacity; i++) {
            long k = oldKeys != null ? oldKeys[i] : oldMappedKeys.get(i) ^ EMPTY;
            if (k != EMPTY) {
                putIfAbsent(k, oldValues != null ? oldValues[i] : oldMappedValues.get(i));
            }
        }
    }

    private static long mix(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }
}
