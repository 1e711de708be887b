package io.puredots.analyzer.stats;

import java.util.Arrays;

/**
 * One thread's job runs of one chunk, as parallel primitive arrays (24 bytes per run): start,
 * end and tick. {@link #order} gives them in start order, stable (runs with equal starts keep
 * their arrival order); most threads write their runs already in order, which costs no sort.
 *
 * <p>Not thread-safe.
 */
final class RunBuffer {
    private long[] start = new long[16];
    private long[] end = new long[16];
    private long[] tick = new long[16];
    private int size;

    void add(long startNanos, long endNanos, long tickValue) {
        if (size == start.length) {
            int n = size + (size >> 1);
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            tick = Arrays.copyOf(tick, n);
        }
        start[size] = startNanos;
        end[size] = endNanos;
        tick[size] = tickValue;
        size++;
    }

    int size() {
        return size;
    }

    long start(int i) {
        return start[i];
    }

    long end(int i) {
        return end[i];
    }

    long tick(int i) {
        return tick[i];
    }

    /** Indexes of the runs in start order (stable), or {@code null} when they already are in order. */
    int[] order() {
        boolean sorted = true;
        for (int i = 1; i < size && sorted; i++) {
            sorted = start[i - 1] <= start[i];
        }
        if (sorted) {
            return null;
        }
        int[] a = new int[size];
        for (int i = 0; i < size; i++) {
            a[i] = i;
        }
        int[] b = new int[size];
        // bottom-up merge sort: stable
        for (int width = 1; width < size; width *= 2) {
            for (int lo = 0; lo < size; lo += 2 * width) {
                int mid = Math.min(lo + width, size);
                int hi = Math.min(lo + 2 * width, size);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    b[k++] = start[a[j]] < start[a[i]] ? a[j++] : a[i++];
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < hi) {
                    b[k++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }
}
