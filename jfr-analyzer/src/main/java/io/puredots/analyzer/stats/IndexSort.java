package io.puredots.analyzer.stats;

/**
 * Orders of row indexes by a {@code long} column, without boxing: a stable bottom-up merge sort
 * over parallel {@code long}/{@code int} arrays, and a top-N selection.
 *
 * <p>Hand-written rather than a comparator-driven sort (the JDK's over boxed indexes, or
 * fastutil's indirect merge sort, which measured slower: BENCHMARKS.md): every chunk sorts its
 * frames, job runs and samples, so a sort's compile time and per-comparison calls are paid in
 * every report. Columns already in order, as ticks and start times mostly are, cost one scan;
 * columns of at most {@value #MERGED_SEGMENTS} sorted segments (JFR writes a thread's buffers out
 * of order now and then) are merged by a scan of the segment heads; the rest take the merge sort.
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
        // sorted segments: most columns are one (nothing to do) or a few (JFR writes a thread's
        // buffers out of order now and then), merged by a scan of their heads. Each case is a
        // method of its own: C2 compiles what runs (twice: on-stack, then whole), not one method
        // holding every loop.
        int segments = segments(key, n);
        if (segments == 1) {
            identity(idx, n);
        } else if (segments <= MERGED_SEGMENTS) {
            mergeSegments(key, n, segments, idx);
        } else {
            idx = mergeSort(key, n, idx, recycler);
        }
        return idx;
    }

    /** Sorted segments of {@code key[0..n)}, counted up to {@link #MERGED_SEGMENTS} + 1. */
    private static int segments(long[] key, int n) {
        int segments = 1;
        for (int i = 1; i < n && segments <= MERGED_SEGMENTS; i++) {
            if (key[i] < key[i - 1]) {
                segments++;
            }
        }
        return segments;
    }

    private static void identity(int[] idx, int n) {
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
    }

    /** Stable bottom-up merge sort of the indexes {@code idx[0..n)} by {@code key}; returns the sorted indexes. */
    private static int[] mergeSort(long[] key, int n, int[] idx, Recycler recycler) {
        identity(idx, n);
        long[] k = recycler.longs(n);
        System.arraycopy(key, 0, k, 0, n);
        long[] k2 = recycler.longs(n);
        int[] idx2 = recycler.ints(n);
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int o = lo;
                if (mid >= hi || k[mid - 1] <= k[mid]) {
                    // already in order: copy the run
                    System.arraycopy(k, lo, k2, lo, hi - lo);
                    System.arraycopy(idx, lo, idx2, lo, hi - lo);
                    continue;
                }
                while (i < mid && j < hi) {
                    if (k[j] < k[i]) {
                        k2[o] = k[j];
                        idx2[o++] = idx[j++];
                    } else {
                        k2[o] = k[i];
                        idx2[o++] = idx[i++];
                    }
                }
                while (i < mid) {
                    k2[o] = k[i];
                    idx2[o++] = idx[i++];
                }
                while (j < hi) {
                    k2[o] = k[j];
                    idx2[o++] = idx[j++];
                }
            }
            long[] tk = k;
            k = k2;
            k2 = tk;
            int[] ti = idx;
            idx = idx2;
            idx2 = ti;
        }
        recycler.give(k);
        recycler.give(k2);
        recycler.give(idx2);
        return idx;
    }

    /** Columns with at most this many sorted segments are merged by a scan of the segment heads. */
    static final int MERGED_SEGMENTS = 64;

    /** Stable k-way merge of the {@code segments} sorted segments of {@code key[0..n)} into {@code out}. */
    private static void mergeSegments(long[] key, int n, int segments, int[] out) {
        int[] next = new int[segments];
        int[] end = new int[segments];
        int s = 0;
        for (int i = 1; i < n; i++) {
            if (key[i] < key[i - 1]) {
                end[s] = i;
                next[++s] = i;
            }
        }
        end[s] = n;
        for (int o = 0; o < n; o++) {
            int best = -1;
            long bestKey = 0;
            for (int j = 0; j < segments; j++) {
                if (next[j] < end[j] && (best < 0 || key[next[j]] < bestKey)) {
                    best = j;
                    bestKey = key[next[j]];
                }
            }
            out[o] = next[best]++;
        }
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
