package io.puredots.analyzer.stats;

import it.unimi.dsi.fastutil.ints.IntArrays;

/**
 * Orders of row indexes by a {@code long} column, without boxing: a stable ascending order
 * (fastutil's indirect merge sort) and a top-N selection. Stateless and thread-safe.
 *
 * <p>A column already in order, as ticks and start times mostly are, costs one scan; a column
 * in a few sorted runs (JFR writes a thread's buffers out of order now and then) costs little
 * more, since the merge sort copies a pair of halves that are already in order.
 *
 * <pre>{@code
 * int[] order = IndexSort.ascending(tick, n);   // tick[order[0]] <= tick[order[1]] <= ...
 * }</pre>
 */
public final class IndexSort {
    private IndexSort() {
    }

    /** Indexes {@code 0..n-1} in ascending {@code key} order; equal keys keep index order. */
    public static int[] ascending(long[] key, int n) {
        return ascending(key, n, Recycler.NONE);
    }

    /**
     * {@link #ascending(long[], int)} with its work arrays from {@code recycler}: the result has
     * at least {@code n} elements (the first {@code n} are the order), and is the caller's to hand back.
     */
    static int[] ascending(long[] key, int n, Recycler recycler) {
        int[] idx = recycler.ints(n);
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        if (!inOrder(key, n)) {
            int[] support = recycler.ints(n);
            System.arraycopy(idx, 0, support, 0, n);
            IntArrays.mergeSort(idx, 0, n, (a, b) -> Long.compare(key[a], key[b]), support);
            recycler.give(support);
        }
        return idx;
    }

    private static boolean inOrder(long[] key, int n) {
        for (int i = 1; i < n; i++) {
            if (key[i] < key[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The indexes of the {@code limit} rows with the largest {@code value} (ties: smaller
     * {@code tie} first, then smaller index), largest first. O(n * limit); limit is small.
     */
    public static int[] largest(long[] value, long[] tie, int n, int limit) {
        int m = Math.max(0, Math.min(limit, n));
        int[] top = new int[m];
        if (m == 0) {
            return top;
        }
        int size = 0;
        for (int i = 0; i < n; i++) {
            if (size == m && !before(value, tie, i, top[m - 1])) {
                continue;
            }
            int p = size < m ? size++ : m - 1;
            while (p > 0 && before(value, tie, i, top[p - 1])) {
                top[p] = top[p - 1];
                p--;
            }
            top[p] = i;
        }
        return top;
    }

    /** Row a ranks before row b (b has a smaller index when they tie on both columns). */
    private static boolean before(long[] value, long[] tie, int a, int b) {
        if (value[a] != value[b]) {
            return value[a] > value[b];
        }
        return tie[a] < tie[b];
    }
}
