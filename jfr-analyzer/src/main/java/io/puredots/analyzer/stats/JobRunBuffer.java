package io.puredots.analyzer.stats;

import java.util.Arrays;

/**
 * One thread's job runs of one chunk in primitive arrays (24 bytes per run: start, end and
 * tick), in column pages of 4096 runs, so growing never copies the runs and no array is large.
 * {@link #order} gives them in start order, stable (runs with equal starts keep their arrival
 * order); most threads write their runs already in order, which costs no sort, and the rest
 * in a few sorted segments (see {@link IndexSort}).
 *
 * <p>Pages come from a {@link Recycler} and go back to it at {@link #release}. Not thread-safe.
 */
final class JobRunBuffer {
    /** Runs per page; a column page is 32 KB: never a humongous G1 object. */
    private static final int PAGE_BITS = 12;
    private static final int PAGE = 1 << PAGE_BITS;

    private final Recycler recycler;
    private long[][] starts = new long[4][];
    private long[][] ends = new long[4][];
    private long[][] ticks = new long[4][];
    private int size;
    private boolean sorted = true;
    private long lastStart = Long.MIN_VALUE;

    JobRunBuffer() {
        this(Recycler.NONE);
    }

    JobRunBuffer(Recycler recycler) {
        this.recycler = recycler;
    }

    void add(long startNanos, long endNanos, long tickValue) {
        int page = size >>> PAGE_BITS;
        if (page == starts.length) {
            starts = Arrays.copyOf(starts, page * 2);
            ends = Arrays.copyOf(ends, page * 2);
            ticks = Arrays.copyOf(ticks, page * 2);
        }
        if (starts[page] == null) {
            starts[page] = recycler.longs(PAGE);
            ends[page] = recycler.longs(PAGE);
            ticks[page] = recycler.longs(PAGE);
        }
        if (startNanos < lastStart) {
            sorted = false;
        }
        lastStart = startNanos;
        int i = size & (PAGE - 1);
        starts[page][i] = startNanos;
        ends[page][i] = endNanos;
        ticks[page][i] = tickValue;
        size++;
    }

    int size() {
        return size;
    }

    long start(int i) {
        return starts[i >>> PAGE_BITS][i & (PAGE - 1)];
    }

    long end(int i) {
        return ends[i >>> PAGE_BITS][i & (PAGE - 1)];
    }

    long tick(int i) {
        return ticks[i >>> PAGE_BITS][i & (PAGE - 1)];
    }

    /**
     * Indexes of the runs in start order (stable), or {@code null} when they already are in
     * order. The array (from the recycler; at least {@link #size} long) is the caller's to hand back.
     */
    int[] order() {
        if (sorted) {
            return null; // the common case: no copy of the starts
        }
        long[] keys = recycler.longs(size);
        for (int i = 0; i < size; i++) {
            keys[i] = start(i);
        }
        int[] order = IndexSort.ascending(keys, size, recycler);
        recycler.give(keys);
        return order;
    }

    /** Hands the pages back to the recycler; the runs are gone afterwards. */
    void release() {
        for (int k = 0; k < starts.length; k++) {
            recycler.give(starts[k]);
            recycler.give(ends[k]);
            recycler.give(ticks[k]);
        }
        starts = new long[4][];   // empty and usable again
        ends = new long[4][];
        ticks = new long[4][];
        size = 0;
        sorted = true;
        lastStart = Long.MIN_VALUE;
    }
}
