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
    private final Shelf<long[]> longs = new Shelf<>();
    private final Shelf<int[]> ints = new Shelf<>();
    private final ArrayDeque<IntCountsHistogram> histograms = new ArrayDeque<>();

    /** Arrays of one element type, by size class. Guarded by the recycler. */
    private static final class Shelf<A> {
        @SuppressWarnings("unchecked")
        private final ArrayDeque<A>[] byClass = new ArrayDeque[CLASSES];

        A take(int c) {
            ArrayDeque<A> q = byClass[c];
            return q == null ? null : q.poll();
        }

        void put(int c, A a) {
            if (byClass[c] == null) {
                byClass[c] = new ArrayDeque<>();
            }
            byClass[c].push(a);
        }
    }

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
        long[] a = take(longs, c, 8);
        return a != null ? a : new long[1 << c];
    }

    /** An {@code int[]} of at least {@code n} elements (a power of two when pooling), contents undefined. */
    int[] ints(int n) {
        if (maxBytes == 0) {
            return new int[n];
        }
        int c = sizeClass(n);
        int[] a = take(ints, c, 4);
        return a != null ? a : new int[1 << c];
    }

    private synchronized <A> A take(Shelf<A> shelf, int c, int elementBytes) {
        A a = shelf.take(c);
        if (a != null) {
            pooledBytes -= (long) elementBytes << c;
        }
        return a;
    }

    /** An empty auto-resizing histogram of int counts (1 to at least 2 ns, 3 digits), for a chunk's partial. */
    IntCountsHistogram histogram(long highestTrackable) {
        IntCountsHistogram h = maxBytes == 0 ? null : pooledHistogram();
        if (h == null) {
            h = new IntCountsHistogram(1, Math.max(2, highestTrackable), DistributionRecorder.DIGITS);
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
        if (a != null) {
            give(longs, a, a.length, 8);
        }
    }

    /** Hands back an array from {@link #ints}; the caller must not use it afterwards. */
    void give(int[] a) {
        if (a != null) {
            give(ints, a, a.length, 4);
        }
    }

    private <A> void give(Shelf<A> shelf, A a, int length, int elementBytes) {
        if (maxBytes == 0 || Integer.bitCount(length) != 1 || length < 16) {
            return;
        }
        long bytes = (long) elementBytes * length;
        synchronized (this) {
            if (pooledBytes + bytes > maxBytes) {
                return;
            }
            shelf.put(Integer.numberOfTrailingZeros(length), a);
            pooledBytes += bytes;
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
