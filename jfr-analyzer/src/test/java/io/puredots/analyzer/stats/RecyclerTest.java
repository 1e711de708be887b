package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.Selection;
import io.puredots.analyzer.read.ChunkInfo;
import org.HdrHistogram.IntCountsHistogram;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link Recycler}, and chunk partials that share one: same statistics as fresh partials. */
class RecyclerTest {

    @Test
    void arraysComeBackBySizeClassAndHistogramsComeBackEmpty() {
        Recycler r = new Recycler(1 << 20);
        long[] a = r.longs(3000);
        assertEquals(4096, a.length);
        r.give(a);
        assertEquals(8 * 4096, r.pooledBytes());
        assertSame(a, r.longs(4096));
        assertEquals(0, r.pooledBytes());
        assertEquals(2048, r.longs(2048).length, "another size class is not served from the 4096 one");

        int[] i = r.ints(100);
        r.give(i);
        assertSame(i, r.ints(128));

        IntCountsHistogram h = r.histogram(1000);
        h.recordValue(5_000_000);
        r.give(h);
        IntCountsHistogram again = r.histogram(10);
        assertSame(h, again);
        assertEquals(0, again.getTotalCount());
        again.recordValue(7);
        assertEquals(7, again.getMaxValue());
    }

    @Test
    void holdsNoMoreThanItsLimitAndNoneHoldsNothing() {
        Recycler r = new Recycler(3 * 8 * 4096);
        for (int k = 0; k < 10; k++) {
            r.give(new long[4096]);
        }
        assertEquals(3 * 8 * 4096, r.pooledBytes());
        r.give(new long[1000]);   // not a size class: dropped
        assertEquals(3 * 8 * 4096, r.pooledBytes());

        long[] a = Recycler.NONE.longs(1000);
        assertEquals(1000, a.length, "NONE allocates exactly what is asked");
        Recycler.NONE.give(new long[4096]);
        assertEquals(0, Recycler.NONE.pooledBytes());
        assertNotSame(Recycler.NONE.longs(4096), Recycler.NONE.longs(4096));
    }

    /**
     * Many chunks, each with more values per series than a buffer holds, job runs out of start
     * order, and ticks shared across chunk boundaries: partials that reuse each other's dirty
     * arrays and histograms must give the very report that fresh partials give.
     */
    @Test
    void partialsSharingARecyclerReportWhatFreshPartialsReport() {
        Recycler small = new Recycler(512 << 10);   // too small to keep everything: some reuse, some drops
        Recycler large = new Recycler(64L << 20);
        Report fresh = run(Recycler.NONE, 11);
        assertEquals(fresh, run(large, 11));
        assertEquals(fresh, run(small, 11));
        assertTrue(large.pooledBytes() > 0, "the arrays of spent partials came back");
        assertEquals(8 * 5000, fresh.frames().count());
        assertEquals(2 * 8 * 5000, fresh.jobs().idleGapNanos().count(), "one gap per frame and worker");
    }

    private static Report run(Recycler recycler, long seed) {
        Random rnd = new Random(seed);
        ChunkStats total = new ChunkStats(ChunkStatsTest.BUDGETS, Selection.ALL, recycler);
        long tick = 0;
        for (int c = 0; c < 8; c++) {
            ChunkInfo info = new ChunkInfo(Path.of("x.jfr"), c, 0, 1, 1_000_000_000L * c, 1_000_000_000L, 2, 1);
            ChunkStats s = new ChunkStats(ChunkStatsTest.BUDGETS, Selection.ALL, recycler);
            s.chunkStart(info);
            long[] starts = new long[5000];
            for (int f = 0; f < 5000; f++, tick++) {
                long start = tick * 20_000_000L;
                starts[f] = start;
                s.frame(start, 1_000_000 + rnd.nextInt(30_000_000), tick, 100);
                for (int g = 0; g < 3; g++) {
                    s.systemGroupTick(start, rnd.nextInt(8_000_000), "Group" + g, tick);
                    s.systemTick(start, rnd.nextInt(4_000_000), "System" + g, "Group" + g, tick, 10);
                }
                s.jobSchedule(start, 100, 1, tick, "J", "System0", 0, 1 + rnd.nextInt(4), 1, tick);
                s.registryUpdate(start, rnd.nextInt(50_000), "Registry", tick, f, 1, 0, 2);
            }
            // job runs of two workers, each in two sorted segments written in the wrong order
            for (int w = 0; w < 2; w++) {
                int[] order = new int[5000];
                for (int f = 0; f < 5000; f++) {
                    order[f] = (f + 2500) % 5000;
                }
                for (int f : order) {   // two runs per frame and worker: an idle gap between them
                    s.jobRun(starts[f] + 100 + w, 1000 + rnd.nextInt(100_000), 20 + w, "worker-" + w,
                            f, "J", 0, tick - 5000 + f, rnd.nextInt(10_000));
                    s.jobRun(starts[f] + 200_000 + w, 1000 + rnd.nextInt(100_000), 20 + w, "worker-" + w,
                            f, "J", 1, tick - 5000 + f, rnd.nextInt(10_000));
                }
            }
            // the last frame's tick carries on into the next chunk
            s.systemGroupTick(tick * 20_000_000L, 5, "Group0", tick);
            s.chunkEnd(info, Map.of("puredots.Frame", 5000L));
            total.merge(s);
        }
        return total.toReport(List.of("x.jfr"));
    }

    @Test
    void indexSortWithRecycledScratchMatchesTheFreshSort() {
        Recycler r = new Recycler(1 << 20);
        Random rnd = new Random(5);
        for (int round = 0; round < 5; round++) {
            int n = 1000 + rnd.nextInt(3000);
            long[] key = new long[n];
            for (int i = 0; i < n; i++) {
                key[i] = rnd.nextInt(500);
            }
            int[] expected = IndexSort.ascending(key, n);
            int[] got = IndexSort.ascending(key, n, r);
            assertEquals(Arrays.toString(expected), Arrays.toString(Arrays.copyOf(got, n)));
            r.give(got);
        }
    }
}
