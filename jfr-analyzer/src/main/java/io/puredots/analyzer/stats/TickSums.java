package io.puredots.analyzer.stats;

/**
 * Per-tick sums of one series within one chunk, compact: the ticks of a chunk are a dense range
 * (one per frame), so sums live in a {@code long[]} indexed by {@code tick - base} with a bit per
 * tick that has a value (a tick whose values sum to 0 still counts). 8 bytes and 1 bit per tick
 * of the chunk's range, growing as needed. Ticks too sparse for that (the range would be much
 * larger than the number of ticks) fall back to a hash map.
 *
 * <pre>{@code
 * base = 1000: sums [s1000, s1001, s1002, ...]   present bits 1 1 0 1 ...
 * }</pre>
 *
 * <p>Not thread-safe.
 */
final class TickSums {
    /** Slack of the dense range over the ticks seen before switching to a hash map. */
    private static final long SLACK = 4096;
    private static final int MAX_LENGTH = Integer.MAX_VALUE - 64;

    private long base;
    private long[] sums;
    private long[] present;
    private long lo;
    private long hi;
    private int size;
    private LongSumMap sparse;

    /** Receives ticks and their sums in ascending tick order. */
    interface Visitor {
        void tick(long tick, long sum);
    }

    /** Adds {@code value} to the sum of {@code tick}; any tick order. */
    void add(long tick, long value) {
        if (sparse != null) {
            sparse.add(tick, value);
            return;
        }
        if (sums == null) {
            base = tick;
            lo = tick;
            hi = tick;
            sums = new long[64];
            present = new long[1];
        } else if (tick < base || tick - base >= sums.length) {
            if (!widen(tick)) {
                toSparse();
                sparse.add(tick, value);
                return;
            }
        }
        int i = (int) (tick - base);
        int w = i >>> 6;
        long bit = 1L << i;
        if ((present[w] & bit) == 0) {
            present[w] |= bit;
            sums[i] = value;
            size++;
            lo = Math.min(lo, tick);
            hi = Math.max(hi, tick);
        } else {
            sums[i] += value;
        }
    }

    /** Makes the dense range hold {@code tick}; false when it would be too sparse. */
    private boolean widen(long tick) {
        long newLo = Math.min(lo, tick);
        long newHi = Math.max(hi, tick);
        long span = newHi - newLo + 1;
        if (span <= 0 || span > 2L * size + SLACK || span > MAX_LENGTH) {
            return false;
        }
        long length = Math.min(MAX_LENGTH, Math.max(span, 2L * sums.length));
        // ticks mostly ascend: room above when growing upwards, below when growing downwards
        long below = newHi - length + 1;
        long newBase = tick < base && below <= newLo ? below : newLo;
        long[] s = new long[(int) length];
        long[] p = new long[(int) ((length + 63) >>> 6)];
        for (long t = lo; t <= hi; t++) {
            int from = (int) (t - base);
            if ((present[from >>> 6] & (1L << from)) != 0) {
                int to = (int) (t - newBase);
                s[to] = sums[from];
                p[to >>> 6] |= 1L << to;
            }
        }
        base = newBase;
        sums = s;
        present = p;
        return true;
    }

    private void toSparse() {
        LongSumMap map = new LongSumMap();
        forEach(map::add);
        sparse = map;
        sums = null;
        present = null;
    }

    /** Number of distinct ticks. */
    int size() {
        return sparse != null ? sparse.size() : size;
    }

    /** Visits every tick in ascending order with its sum. */
    void forEach(Visitor v) {
        if (sparse != null) {
            long[][] sorted = sparse.sorted();
            for (int i = 0; i < sorted[0].length; i++) {
                v.tick(sorted[0][i], sorted[1][i]);
            }
            return;
        }
        if (sums == null) {
            return;
        }
        for (int w = 0; w < present.length; w++) {
            long bits = present[w];
            while (bits != 0) {
                int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                v.tick(base + i, sums[i]);
            }
        }
    }
}
