package io.puredots.analyzer.stats;

import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;

import java.util.Arrays;

/**
 * Per-tick sums of one series within one chunk, compact: the ticks of a chunk are a dense range
 * (one per frame), so sums live in {@code long} pages of 4096 ticks indexed by tick, with a bit
 * per tick that has a value (a tick whose values sum to 0 still counts): about 8 bytes per tick
 * of the chunk's range, allocated as ticks arrive, never copied, and no array large enough to be
 * a humongous G1 object. Ticks too sparse for that (the range would be much larger than the
 * number of ticks) fall back to a hash map.
 *
 * <pre>{@code
 * page k holds ticks [firstPage + k] * 4096 ...: sums[4096], present bits[64]
 * }</pre>
 *
 * <p>{@link #add} only appends to a batch of {@value #BATCH} (tick, value) pairs, put into the
 * pages in one loop when full (as {@link DistributionRecorder#record} does, so that event handlers
 * inline a store, not the page logic). Pages and batch come from a {@link Recycler} and go back to it at
 * {@link #release}.
 *
 * <p>Not thread-safe.
 */
final class TickSums {
    private static final int PAGE_BITS = 12;
    private static final int PAGE = 1 << PAGE_BITS;
    /** Slack of the dense range over the ticks seen before switching to a hash map. */
    private static final long SLACK = 4 * PAGE;

    /** Page number (tick >> PAGE_BITS) of pages[0]. */
    private long firstPage;
    private long[][] sums;
    private long[][] present;
    private long lo;
    private long hi;
    private int size;
    private Long2LongOpenHashMap sparse;
    private final Recycler recycler;
    private static final int BATCH = 1024;
    /** Never null (see {@link DistributionRecorder}'s buffer): empty until the first value. */
    private long[] batchTicks = NO_VALUES;
    private long[] batchValues = NO_VALUES;
    private static final long[] NO_VALUES = new long[0];
    private int batched;

    TickSums() {
        this(Recycler.NONE);
    }

    TickSums(Recycler recycler) {
        this.recycler = recycler;
    }

    /** Receives ticks and their sums in ascending tick order. */
    interface Visitor {
        void tick(long tick, long sum);
    }

    /** Adds {@code value} to the sum of {@code tick}; any tick order. */
    void add(long tick, long value) {
        long[] t = batchTicks;
        int n = batched;
        if (n == t.length) {
            flush();
            if (t.length < BATCH) {
                // grown from 16, for the reason DistributionRecorder's buffer is
                int size = Math.max(16, 2 * t.length);
                recycler.give(batchTicks);
                recycler.give(batchValues);
                batchTicks = recycler.longs(size);
                batchValues = recycler.longs(size);
            }
            t = batchTicks;
            n = 0;
        }
        t[n] = tick;
        batchValues[n] = value;
        batched = n + 1;
    }

    /** Puts the batch into the pages. */
    private void flush() {
        long[] t = batchTicks;
        long[] v = batchValues;
        int n = batched;
        batched = 0;
        for (int i = 0; i < n; i++) {
            put(t[i], v[i]);
        }
    }

    private void put(long tick, long value) {
        if (sparse != null) {
            sparse.addTo(tick, value);
            return;
        }
        long page = tick >> PAGE_BITS;
        if (sums == null) {
            firstPage = page;
            lo = tick;
            hi = tick;
            sums = new long[4][];
            present = new long[4][];
        } else if (page < firstPage || page - firstPage >= sums.length) {
            if (!widen(tick)) {
                toSparse();
                sparse.addTo(tick, value);
                return;
            }
        }
        int k = (int) (page - firstPage);
        long[] s = sums[k];
        long[] p = present[k];
        if (s == null) {
            s = sums[k] = recycler.longs(PAGE); // no need to clear: a tick's first value overwrites
            p = present[k] = recycler.longs(PAGE >> 6);
            Arrays.fill(p, 0);
        }
        int i = (int) (tick & (PAGE - 1));
        long bit = 1L << i;
        if ((p[i >>> 6] & bit) == 0) {
            p[i >>> 6] |= bit;
            s[i] = value;
            size++;
            lo = Math.min(lo, tick);
            hi = Math.max(hi, tick);
        } else {
            s[i] += value;
        }
    }

    /** Makes the page table cover {@code tick}; false when the range would be too sparse. */
    private boolean widen(long tick) {
        long newLo = Math.min(lo, tick);
        long newHi = Math.max(hi, tick);
        long span = newHi - newLo + 1;
        if (span <= 0 || span > 2L * size + SLACK) {
            return false;
        }
        long loPage = newLo >> PAGE_BITS;
        long hiPage = newHi >> PAGE_BITS;
        int needed = (int) (hiPage - loPage + 1);
        int length = Math.max(needed, 2 * sums.length);
        // ticks mostly ascend: room above when growing upwards, below when growing downwards
        long newFirst = tick < lo ? hiPage - length + 1 : loPage;
        long[][] s = new long[length][];
        long[][] p = new long[length][];
        int shift = (int) (firstPage - newFirst);
        for (int k = 0; k < sums.length; k++) {
            if (sums[k] != null) {
                s[k + shift] = sums[k];
                p[k + shift] = present[k];
            }
        }
        firstPage = newFirst;
        sums = s;
        present = p;
        return true;
    }

    private void toSparse() {
        Long2LongOpenHashMap map = new Long2LongOpenHashMap(2 * size);
        forEachPut(map::addTo);
        sparse = map;
        releasePages();
    }

    /** Hands the pages and the batch back to the recycler; every tick is gone afterwards. */
    void release() {
        releasePages();
        recycler.give(batchTicks);
        recycler.give(batchValues);
        batchTicks = NO_VALUES;
        batchValues = NO_VALUES;
        batched = 0;
    }

    private void releasePages() {
        if (sums != null) {
            for (int k = 0; k < sums.length; k++) {
                recycler.give(sums[k]);
                recycler.give(present[k]);
            }
        }
        sums = null;
        present = null;
    }

    /** Number of distinct ticks. */
    int size() {
        flush();
        return sparse != null ? sparse.size() : size;
    }

    /** Puts every tick in ascending order into {@code ticks}, its sum into {@code sums}; they need {@link #size} elements. */
    void copyTo(long[] ticks, long[] sums) {
        flush();
        forEachPut(new Copier(ticks, sums));
    }

    private static final class Copier implements Visitor {
        private final long[] ticks;
        private final long[] sums;
        private int n;

        Copier(long[] ticks, long[] sums) {
            this.ticks = ticks;
            this.sums = sums;
        }

        @Override
        public void tick(long tick, long sum) {
            ticks[n] = tick;
            sums[n] = sum;
            n++;
        }
    }

    /** Visits every tick in ascending order with its sum. */
    void forEach(Visitor v) {
        flush();
        forEachPut(v);
    }

    private void forEachPut(Visitor v) {
        if (sparse != null) {
            long[] ticks = sparse.keySet().toLongArray();
            Arrays.sort(ticks);
            for (long tick : ticks) {
                v.tick(tick, sparse.get(tick));
            }
            return;
        }
        if (sums == null) {
            return;
        }
        for (int k = 0; k < sums.length; k++) {
            long[] p = present[k];
            if (p == null) {
                continue;
            }
            long pageBase = (firstPage + k) << PAGE_BITS;
            for (int w = 0; w < p.length; w++) {
                long bits = p[w];
                while (bits != 0) {
                    int i = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    v.tick(pageBase + i, sums[k][i]);
                }
            }
        }
    }
}
