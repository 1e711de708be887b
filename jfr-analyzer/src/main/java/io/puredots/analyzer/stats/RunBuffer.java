package io.puredots.analyzer.stats;

import java.util.Arrays;

/**
 * One thread's job runs of one chunk in primitive arrays (24 bytes per run: start, end and
 * tick), in fixed-size pages, so growing never copies the runs and no array is large.
 * {@link #order} gives them in start order, stable (runs with equal starts keep their arrival
 * order); most threads write their runs already in order, which costs no sort.
 *
 * <p>Not thread-safe.
 */
final class RunBuffer {
    /** Runs per page; a page (start, end, tick interleaved) is 96 KB: never a humongous G1 object. */
    private static final int PAGE_BITS = 12;
    private static final int PAGE = 1 << PAGE_BITS;

    private long[][] pages = new long[4][];
    private int size;

    void add(long startNanos, long endNanos, long tickValue) {
        int page = size >>> PAGE_BITS;
        if (page == pages.length) {
            pages = Arrays.copyOf(pages, page * 2);
        }
        if (pages[page] == null) {
            pages[page] = new long[3 * Math.min(PAGE, Math.max(64, size * 2))];
        }
        int i = 3 * (size & (PAGE - 1));
        if (i == pages[page].length) {
            pages[page] = Arrays.copyOf(pages[page], Math.min(3 * PAGE, 2 * i));
        }
        long[] p = pages[page];
        p[i] = startNanos;
        p[i + 1] = endNanos;
        p[i + 2] = tickValue;
        size++;
    }

    int size() {
        return size;
    }

    long start(int i) {
        return pages[i >>> PAGE_BITS][3 * (i & (PAGE - 1))];
    }

    long end(int i) {
        return pages[i >>> PAGE_BITS][3 * (i & (PAGE - 1)) + 1];
    }

    long tick(int i) {
        return pages[i >>> PAGE_BITS][3 * (i & (PAGE - 1)) + 2];
    }

    /** Indexes of the runs in start order (stable), or {@code null} when they already are in order. */
    int[] order() {
        boolean sorted = true;
        for (int i = 1; i < size && sorted; i++) {
            sorted = start(i - 1) <= start(i);
        }
        if (sorted) {
            return null; // the common case: no copy of the starts
        }
        long[] starts = new long[size];
        for (int i = 0; i < size; i++) {
            starts[i] = start(i);
        }
        return IndexSort.ascending(starts, size);
    }
}
