package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Jobs;
import io.puredots.analyzer.model.Memory;
import io.puredots.analyzer.model.Registry;
import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.Selection;
import io.puredots.analyzer.read.ChunkInfo;
import io.puredots.budgets.Budgets;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chunk partials fed by direct EventHandler calls, merged in chunk order. */
class ChunkStatsTest {
    static final Budgets BUDGETS = Budgets.defaults();

    static ChunkStats chunk(int index) {
        ChunkStats s = new ChunkStats(BUDGETS, Selection.ALL);
        s.chunkStart(new ChunkInfo(Path.of("x.jfr"), index, 0, 1, 1000L * index, 1000, 2, 1));
        return s;
    }

    static void end(ChunkStats s, int index, Map<String, Long> counts) {
        s.chunkEnd(new ChunkInfo(Path.of("x.jfr"), index, 0, 1, 1000L * index, 1000, 2, 1), counts);
    }

    static Report merged(ChunkStats... chunks) {
        ChunkStats total = new ChunkStats(BUDGETS, Selection.ALL);
        for (ChunkStats c : chunks) {
            total.merge(c);
        }
        return total.toReport(List.of("x.jfr"));
    }

    @Test
    void idleGapAcrossAChunkBoundaryInTheSameTickIsCounted() {
        ChunkStats a = chunk(0);
        a.frame(0, 100, 4, 0);
        a.jobRun(110, 10, 7, "w", 1, "J", 0, 5, 0);      // 110..120
        a.jobRun(100, 5, 7, "w", 1, "J", 1, 5, 0);       // 100..105, arrives out of order: gap 5 before 110
        end(a, 0, Map.of());
        ChunkStats b = chunk(1);
        b.jobRun(150, 10, 7, "w", 2, "J", 0, 5, 0);      // same tick: gap 30 after 120
        b.jobRun(200, 10, 7, "w", 3, "J", 0, 6, 0);      // next tick: no gap
        b.frame(100, 100, 5, 0);
        b.frame(200, 100, 6, 0);
        end(b, 1, Map.of());
        Jobs j = merged(a, b).jobs();
        assertEquals(2, j.idleGapNanos().count());
        assertEquals(35, j.idleGapNanos().sum());
        assertEquals(1, j.workers().size());
        assertEquals(35, j.workers().get(0).idleGapNanos());
        assertEquals(35, j.workers().get(0).busyNanos());
        assertEquals(4, j.workers().get(0).runs());
    }

    @Test
    void framesWithoutJobsCountAsZeroJobs() {
        ChunkStats a = chunk(0);
        for (int t = 0; t < 4; t++) {
            a.frame(t * 100, 50, t, 0);
        }
        a.jobSchedule(110, 1, 1, 1, "J", "S", 0, 1, 1, 1);
        a.jobSchedule(120, 1, 1, 2, "J", "S", 1, 3, 1, 1);
        a.jobSchedule(310, 1, 1, 3, "J", "S", 0, 1, 1, 3);
        end(a, 0, Map.of());
        Jobs j = merged(a).jobs();
        assertEquals(4, j.jobsPerFrame().count());      // ticks 0..3: 0, 2, 0, 1 jobs
        assertEquals(3, j.jobsPerFrame().sum());
        assertEquals(0, j.jobsPerFrame().min());
        assertEquals(2, j.jobsPerFrame().max());
        assertEquals(3, j.chainDepth().max());
    }

    @Test
    void mainThreadIsTheOneThatWaits() {
        ChunkStats a = chunk(0);
        a.frame(0, 100, 1, 0);
        a.jobRun(0, 10, 1, "game-loop", 1, "J", 0, 1, 0);
        a.jobRun(0, 30, 9, "worker-0", 1, "J", 1, 1, 0);
        a.mainThreadWait(10, 20, 1, 1, "S");
        end(a, 0, Map.of());
        Jobs j = merged(a).jobs();
        assertEquals(1, j.workerCount());
        assertEquals("main", j.workers().get(0).name());
        assertTrue(j.workers().get(0).main());
        assertEquals(0.1, j.workers().get(0).utilization(), 1e-12);
        assertEquals("worker-0", j.workers().get(1).name());
        assertEquals(0.3, j.workers().get(1).utilization(), 1e-12);
        assertEquals(20.0, j.mainThreadWait().meanPerFrameNanos(), 1e-12);
        assertEquals(0.2, j.mainThreadWait().shareOfFrame(), 1e-12);
    }

    @Test
    void lastValuesAreTheLatestWhateverTheArrivalOrder() {
        ChunkStats a = chunk(0);
        a.registryUpdate(50, 1, "R", 9, 90, 0, 0, 0);
        a.registryUpdate(10, 1, "R", 8, 80, 0, 0, 0);
        a.gcHeapSummary(500, 2, "After GC", 2000, 0);
        a.gcHeapSummary(100, 1, "After GC", 1000, 0);
        a.nativeMemory(300, "A", "Column", 30, 3);
        a.nativeMemory(100, "A", "Column", 10, 1);
        a.nativeMemory(200, "B", "Grid", 5, 5);
        end(a, 0, Map.of());
        Report r = merged(a);
        Registry reg = r.registries().get(0);
        assertEquals(90, reg.lastEntries());
        assertEquals(80, reg.minEntries());
        assertEquals(2000, r.memory().lastHeapAfterGcBytes());
        Memory.NativeMemory n = r.memory().nativeMemory();
        assertEquals(35, n.peakReservedBytes());     // A=30 (latest) + B=5
        assertEquals(35, n.lastReservedBytes());
        assertEquals(30, n.containers().get(0).lastReservedBytes());
    }

    @Test
    void eventCountsAndGameEventsComeFromChunkEnd() {
        ChunkStats a = chunk(0);
        end(a, 0, Map.of("jdk.GarbageCollection", 2L, "jdk.Metadata", 1L));
        ChunkStats b = chunk(1);
        end(b, 1, Map.of("jdk.GarbageCollection", 3L));
        Report r = merged(a, b);
        assertEquals(Map.of("jdk.GarbageCollection", 5L, "jdk.Metadata", 1L), r.overview().eventCounts());
        assertEquals(6, r.overview().totalEvents());
        assertEquals(2, r.overview().chunks());
        assertEquals(0, r.overview().startNanos());
        assertEquals(2000, r.overview().endNanos());
        assertFalse(r.gameEvents());
        assertNull(r.frames());
        assertNull(r.jobs());
    }

    @Test
    void selectionSkipsTicksAndTimesOutside() {
        ChunkStats s = new ChunkStats(BUDGETS, new Selection("2", 2, 100L, 400L, 2L, 3L));
        for (int t = 0; t < 5; t++) {
            s.frame(t * 100, 50, t, 0);
            s.systemGroupTick(t * 100, 10, "G", t);
            s.gcHeapSummary(t * 100, t, "After GC", t, 0);
        }
        Report r = s.toReport(List.of());
        assertEquals(2, r.frames().count());
        assertEquals(2, r.groups().get(0).perCallNanos().count());
        assertEquals(3, r.memory().heapAfterGcBytes().count());   // starts 100, 200, 300
    }

    /** Three chunks: series come and go, so later chunks are offered series they never call. */
    private static ChunkStats[] comingAndGoing(KnownSeries known) {
        ChunkStats[] c = new ChunkStats[3];
        c[0] = started(known, 0);
        c[0].frame(0, 100, 0, 0);
        c[0].systemGroupTick(0, 40, "B", 0);
        c[0].systemGroupTick(40, 30, "A", 0);
        c[0].systemTick(0, 20, "s1", "B", 0, 0);
        c[0].registryUpdate(0, 5, "R", 0, 10, 1, 0, 0);
        c[0].jobRun(10, 5, 7, "w7", 1, "J", 0, 0, 0);
        end(c[0], 0, Map.of());
        // chunk 1 calls none of chunk 0's series but C, s2 and worker 8
        c[1] = started(known, 1);
        c[1].frame(100, 100, 1, 0);
        c[1].systemGroupTick(100, 50, "C", 1);
        c[1].systemTick(100, 20, "s2", "C", 1, 0);
        c[1].jobRun(110, 5, 8, "w8", 2, "J", 0, 1, 0);
        end(c[1], 1, Map.of());
        c[2] = started(known, 2);
        c[2].frame(200, 100, 2, 0);
        c[2].systemGroupTick(200, 60, "A", 2);
        c[2].systemTick(200, 20, "s1", "B", 2, 0);
        c[2].registryUpdate(200, 5, "R", 2, 12, 2, 0, 0);
        c[2].jobRun(210, 5, 7, "w7", 3, "J", 0, 2, 0);
        end(c[2], 2, Map.of());
        return c;
    }

    private static ChunkStats started(KnownSeries known, int index) {
        ChunkStats c = known == null ? new ChunkStats(BUDGETS, Selection.ALL)
                : new ChunkStats(BUDGETS, Selection.ALL, Recycler.NONE, known);
        c.chunkStart(new ChunkInfo(Path.of("x.jfr"), index, 0, 1, 1000L * index, 1000, 2, 1));
        return c;
    }

    @Test
    void seriesOfEarlierChunksAreCreatedAtChunkStartAndReportedAsIfCreatedAtTheirFirstEvent() {
        KnownSeries known = new KnownSeries();
        ChunkStats[] offered = comingAndGoing(known);
        // chunk 1 was offered chunk 0's series, and holds them (empty) besides its own
        Report chunk1 = offered[1].toReport(List.of("x.jfr"));
        assertEquals(List.of("B", "A", "C"), chunk1.groups().stream().map(g -> g.name()).toList());
        assertEquals(0, chunk1.groups().get(0).perCallNanos().count());
        assertEquals(List.of("R"), chunk1.registries().stream().map(r -> r.name()).toList());
        assertEquals(List.of(7L, 8L), chunk1.jobs().workers().stream().map(w -> w.threadId()).toList());
        // merged, the report is the one without offers: same series, order, values and workers
        Report plain = merged(comingAndGoing(null));
        Report merged = merged(offered);
        assertEquals(List.of("B", "A", "C"), merged.groups().stream().map(g -> g.name()).toList());
        assertEquals(plain.groups(), merged.groups());
        assertEquals(plain.systems(), merged.systems());
        assertEquals(plain.registries(), merged.registries());
        assertEquals(plain.jobs(), merged.jobs());
        assertEquals(plain, merged);
    }

    @Test
    void onlySeriesOfLowerChunkIndexesAreOffered() {
        KnownSeries known = new KnownSeries();
        known.add(3, KnownSeries.GROUP, "late", "", 0);
        known.add(1, KnownSeries.GROUP, "early", "", 0);
        assertEquals(List.of("early"), known.before(2).stream().map(KnownSeries.Entry::name).toList());
        assertEquals(List.of(), known.before(1));
    }

    @Test
    void offersAreCapped() {
        KnownSeries known = new KnownSeries();
        for (int i = 0; i < KnownSeries.MAX_ENTRIES + 10; i++) {
            known.add(0, KnownSeries.WORKER, "w" + i, "", i);
        }
        assertEquals(KnownSeries.MAX_ENTRIES, known.before(1).size());
    }

    private static ChunkStats chunkOf(String file, int index, long pid, long jvmStartMillis) {
        ChunkStats s = new ChunkStats(BUDGETS, Selection.ALL);
        s.chunkStart(new ChunkInfo(Path.of(file), index, 0, 1, 1000L * index, 1000, 2, 1));
        if (pid >= 0) {
            s.jvmInformation(1000L * index, "VM", "17", "", "", jvmStartMillis, pid);
        }
        return s;
    }

    @Test
    void chunksOfOneJvmAgreeAndAChunkWithoutJvmInformationAgreesWithAny() {
        ChunkStats total = new ChunkStats(BUDGETS, Selection.ALL);
        total.merge(chunkOf("a.jfr", 0, 42, 1_000));
        total.merge(chunkOf("b.jfr", 1, -1, 0));
        total.merge(chunkOf("c.jfr", 2, 42, 1_000));
        assertTrue(total.jvmConflict().isEmpty(), total.jvmConflict().toString());
    }

    @Test
    void theFirstTwoChunksOfDifferentJvmsAreNamed() {
        ChunkStats total = new ChunkStats(BUDGETS, Selection.ALL);
        total.merge(chunkOf("a.jfr", 0, 42, 1_000));
        total.merge(chunkOf("a.jfr", 1, 42, 1_000));
        total.merge(chunkOf("b.jfr", 2, -1, 0));
        total.merge(chunkOf("c.jfr", 3, 42, 2_000)); // the same pid, another JVM start: a later JVM
        total.merge(chunkOf("d.jfr", 4, 7, 3_000));
        assertEquals(new JvmIdentity.Conflict(Path.of("a.jfr"), 42, 1_000, Path.of("c.jfr"), 42, 2_000),
                total.jvmConflict().orElseThrow());
    }
}
