package io.puredots.analyzer.read;

/**
 * Open-addressing map from {@code long} keys to objects, for constant-pool lookups on the hot
 * path without boxing. Not thread-safe.
 *
 * <p>Kept instead of fastutil's {@code Long2ObjectOpenHashMap}: on the per-event thread and
 * string lookups that one was slower in alternating {@code report} rounds (BENCHMARKS.md).
 */
final class LongMap<V> {
    private long[] keys;
    private Object[] values;
    private boolean[] used;
    private int size;
    private int mask;

    LongMap() {
        this(16);
    }

    LongMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        keys = new long[cap];
        values = new Object[cap];
        used = new boolean[cap];
        mask = cap - 1;
    }

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        int i = hash(key) & mask;
        while (used[i]) {
            if (keys[i] == key) {
                return (V) values[i];
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    void put(long key, V value) {
        int i = hash(key) & mask;
        while (used[i]) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] k = keys;
        Object[] v = values;
        boolean[] u = used;
        keys = new long[k.length * 2];
        values = new Object[k.length * 2];
        used = new boolean[k.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < k.length; i++) {
            if (u[i]) {
                @SuppressWarnings("unchecked")
                V val = (V) v[i];
                put(k[i], val);
            }
        }
    }
}
