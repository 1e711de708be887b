package io.puredots.analyzer.stats;

import org.HdrHistogram.IntCountsHistogram;

import java.util.ArrayDeque;
import java.util.function.IntFunction;

/**
 * A pool of the arrays and histograms of spent chunk partials, handed to the partials of later
 * chunks: a run allocates the value buffers, tick pages, job-run pages and histograms of about two
 * chunks per decoder thread, not of every chunk, so the heap stays the size of a few chunks'
 * partials instead of growing with the recording.
 *
 * <p>Arrays come in power-of-two lengths (exact lengths from {@link #NONE}), with whatever a
 * previous user left in them; histograms come reset. What is handed back beyond {@code maxBytes}
 * is dropped for the GC, so the pool never holds more than that. One recycler per run; thread-safe (a partial is filled on a
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
    private final Shelf<long[]> longs = new Shelf<>(8, long[]::new);
    private final Shelf<int[]> ints = new Shelf<>(4, int[]::new);
    private final ArrayDeque<IntCountsHistogram> histograms = new ArrayDeque<>();

    /** Arrays of one element type, by size class: class c holds arrays of 2^c elements. Guarded by the recycler. */
    private static final class Shelf<A> {
        final int elementBytes;
        final IntFunction<A> allocate;
        @SuppressWarnings("unchecked")
        private final ArrayDeque<A>[] byClass = new ArrayDeque[CLASSES];

        Shelf(int elementBytes, IntFunction<A> allocate) {
            this.elementBytes = elementBytes;
            this.allocate = allocate;
        }

        ArrayDeque<A> sizeClass(int c) {
            if (byClass[c] == null) {
                byClass[c] = new ArrayDeque<>();
            }
            return byClass[c];
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
        return maxBytes == 0 ? new long[n] : take(longs, n);
    }

    /** An {@code int[]} of at least {@code n} elements (a power of two when pooling), contents undefined. */
    int[] ints(int n) {
        return maxBytes == 0 ? new int[n] : take(ints, n);
    }

    private <A> A take(Shelf<A> shelf, int n) {
        int c = sizeClass(n);
        A a;
        synchronized (this) {
            a = shelf.sizeClass(c).poll();
            if (a != null) {
                pooledBytes -= (long) shelf.elementBytes << c;
            }
        }
        return a != null ? a : shelf.allocate.apply(1 << c);
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
            give(longs, a, a.length);
        }
    }

    /** Hands back an array from {@link #ints}; the caller must not use it afterwards. */
    void give(int[] a) {
        if (a != null) {
            give(ints, a, a.length);
        }
    }

    private <A> void give(Shelf<A> shelf, A a, int length) {
        if (maxBytes == 0 || Integer.bitCount(length) != 1 || length < 16) {
            return; // not from a pooling recycler
        }
        int c = Integer.numberOfTrailingZeros(length);
        synchronized (this) {
            keep(shelf.sizeClass(c), a, (long) shelf.elementBytes << c);
        }
    }

    /** Hands back a histogram from {@link #histogram}; the caller must not use it afterwards. */
    void give(IntCountsHistogram h) {
        if (maxBytes == 0 || h == null) {
            return;
        }
        long b = bytes(h);
        synchronized (this) {
            keep(histograms, h, b);
        }
    }

    /** Pools {@code x} if that keeps the pool within {@code maxBytes}; the caller holds the lock. */
    private <X> void keep(ArrayDeque<X> pool, X x, long bytes) {
        if (pooledBytes + bytes <= maxBytes) {
            pool.push(x);
            pooledBytes += bytes;
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
