package io.puredots.analyzer.stats;

import org.HdrHistogram.IntCountsHistogram;

import java.util.ArrayDeque;

/**
 * The arrays and histograms of spent chunk partials, handed to the partials of later chunks:
 * one {@code report} allocates the value buffers, tick pages, job-run pages and histograms of
 * about two chunks per decoder thread, not of every chunk. Without it, a report on an 822 MB
 * recording allocated about 1 GB of such arrays, which a JVM with the default heap answers by
 * growing the heap and faulting in fresh pages (measured: up to 860 MB resident, 2 s of kernel
 * time) and a small heap by collecting often.
 *
 * <p>Arrays come in power-of-two lengths (exact lengths from {@link #NONE}), with whatever a previous user left in them; histograms
 * come reset. What is handed back beyond {@code maxBytes} is dropped for the GC, so the pool
 * never holds more than that. One recycler per run; thread-safe (a partial is filled on a
 * decoder thread and merged, and so spent, on whichever thread merges it).
 *
 * <pre>{@code
 * long[] page = recycler.longs(4096);   // length >= 4096, contents undefined
 * ...
 * recycler.give(page);                   // page must not be used afterwards
 * }</pre>
 */
final class Recycler {
    /** A recycler that pools nothing: every request allocates, every hand-back is dropped. */
    static final Recycler NONE = new Recycler(0);

    private static final int CLASSES = 31;

    private final long maxBytes;
    private long pooledBytes;
    @SuppressWarnings("unchecked")
    private final ArrayDeque<long[]>[] longs = new ArrayDeque[CLASSES];
    @SuppressWarnings("unchecked")
    private final ArrayDeque<int[]>[] ints = new ArrayDeque[CLASSES];
    private final ArrayDeque<IntCountsHistogram> histograms = new ArrayDeque<>();

    /** @param maxBytes most bytes of arrays and histogram counts held for reuse at any time */
    Recycler(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Size class of a request: the smallest power of two at least {@code n} (and at least 16). */
    private static int sizeClass(int n) {
        return 32 - Integer.numberOfLeadingZeros(Math.max(16, n) - 1);
    }

    /** A {@code long[]} of at least {@code n} elements (a power of two when pooling), contents undefined. */
    long[] longs(int n) {
        if (maxBytes == 0) {
            return new long[n];
        }
        int c = sizeClass(n);
        synchronized (this) {
            ArrayDeque<long[]> q = longs[c];
            if (q != null && !q.isEmpty()) {
                long[] a = q.pop();
                pooledBytes -= 8L * a.length;
                return a;
            }
        }
        return new long[1 << c];
    }

    /** An {@code int[]} of at least {@code n} elements (a power of two when pooling), contents undefined. */
    int[] ints(int n) {
        if (maxBytes == 0) {
            return new int[n];
        }
        int c = sizeClass(n);
        synchronized (this) {
            ArrayDeque<int[]> q = ints[c];
            if (q != null && !q.isEmpty()) {
                int[] a = q.pop();
                pooledBytes -= 4L * a.length;
                return a;
            }
        }
        return new int[1 << c];
    }

    /** An empty auto-resizing histogram of int counts (1 to at least 2 ns, 3 digits), for a chunk's partial. */
    IntCountsHistogram histogram(long highestTrackable) {
        IntCountsHistogram h = maxBytes == 0 ? null : pooledHistogram();
        if (h == null) {
            h = new IntCountsHistogram(1, Math.max(2, highestTrackable), Dist.DIGITS);
            h.setAutoResize(true);
        } else {
            h.reset();
        }
        return h;
    }

    private synchronized IntCountsHistogram pooledHistogram() {
        IntCountsHistogram h = histograms.poll();
        if (h != null) {
            pooledBytes -= bytes(h);
        }
        return h;
    }

    /** Hands back an array from {@link #longs}; the caller must not use it afterwards. */
    void give(long[] a) {
        if (maxBytes == 0 || a == null || Integer.bitCount(a.length) != 1 || a.length < 16) {
            return;
        }
        int c = Integer.numberOfTrailingZeros(a.length);
        synchronized (this) {
            if (pooledBytes + 8L * a.length > maxBytes) {
                return;
            }
            if (longs[c] == null) {
                longs[c] = new ArrayDeque<>();
            }
            longs[c].push(a);
            pooledBytes += 8L * a.length;
        }
    }

    /** Hands back an array from {@link #ints}; the caller must not use it afterwards. */
    void give(int[] a) {
        if (maxBytes == 0 || a == null || Integer.bitCount(a.length) != 1 || a.length < 16) {
            return;
        }
        int c = Integer.numberOfTrailingZeros(a.length);
        synchronized (this) {
            if (pooledBytes + 4L * a.length > maxBytes) {
                return;
            }
            if (ints[c] == null) {
                ints[c] = new ArrayDeque<>();
            }
            ints[c].push(a);
            pooledBytes += 4L * a.length;
        }
    }

    /** Hands back a histogram from {@link #histogram}; the caller must not use it afterwards. */
    void give(IntCountsHistogram h) {
        if (maxBytes == 0 || h == null) {
            return;
        }
        long b = bytes(h);
        synchronized (this) {
            if (pooledBytes + b > maxBytes) {
                return;
            }
            histograms.push(h);
            pooledBytes += b;
        }
    }

    private static long bytes(IntCountsHistogram h) {
        return h.getEstimatedFootprintInBytes();
    }

    /** Bytes held for reuse now. */
    synchronized long pooledBytes() {
        return pooledBytes;
    }
}
