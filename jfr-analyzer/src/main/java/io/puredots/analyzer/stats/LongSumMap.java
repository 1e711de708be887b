package io.puredots.analyzer.stats;

import java.util.Arrays;

/**
 * A map from long keys to long sums, open addressing over primitive arrays (no boxing). Used for
 * per-tick sums within one chunk. Not thread-safe.
 */
final class LongSumMap {
    private static final long FREE = Long.MIN_VALUE;

    private long[] keys = newKeys(16);
    private long[] sums = new long[16];
    private int size;

    private static long[] newKeys(int n) {
        long[] k = new long[n];
        Arrays.fill(k, FREE);
        return k;
    }

    /** Adds {@code value} to the sum of {@code key}; {@code key} must not be {@code Long.MIN_VALUE}. */
    void add(long key, long value) {
        int i = slot(keys, key);
        if (keys[i] == FREE) {
            keys[i] = key;
            sums[i] = value;
            if (++size * 2 > keys.length) {
                grow();
            }
        } else {
            sums[i] += value;
        }
    }

    private static int slot(long[] keys, long key) {
        int mask = keys.length - 1;
        int i = (int) (mix(key) & mask);
        while (keys[i] != FREE && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static long mix(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldSums = sums;
        keys = newKeys(oldKeys.length * 2);
        sums = new long[oldKeys.length * 2];
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != FREE) {
                int i = slot(keys, oldKeys[j]);
                keys[i] = oldKeys[j];
                sums[i] = oldSums[j];
            }
        }
    }

    int size() {
        return size;
    }

    /** Keys and sums as {@code [2 * size]}: key0, sum0, key1, sum1, ... sorted by key. */
    long[][] sorted() {
        long[] k = new long[size];
        int n = 0;
        for (long key : keys) {
            if (key != FREE) {
                k[n++] = key;
            }
        }
        Arrays.sort(k);
        long[] s = new long[size];
        for (int j = 0; j < size; j++) {
            s[j] = sums[slot(keys, k[j])];
        }
        return new long[][] {k, s};
    }
}
