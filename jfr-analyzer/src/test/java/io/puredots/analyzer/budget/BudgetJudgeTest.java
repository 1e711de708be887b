package io.puredots.analyzer.budget;

import io.puredots.analyzer.model.BudgetCheck;
import io.puredots.analyzer.model.BudgetCheck.Status;
import io.puredots.analyzer.model.BudgetResult;
import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.Selection;
import io.puredots.analyzer.read.ChunkInfo;
import io.puredots.analyzer.stats.ChunkStats;
import io.puredots.budgets.Budgets;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Budget verdicts on statistics made by calling the EventHandler directly. */
class BudgetJudgeTest {
    static final long MS = 1_000_000L;

    static Budgets budgets(String text) throws Exception {
        return Budgets.parse("test.budgets", new StringReader(text));
    }

    /** Frames 0..n-1 with group G taking {@code groupMs[i]} ms in tick i (as two events of half each). */
    static Report run(Budgets b, double[] groupMs, long nativeBytes, int entities, long heapAfterGc) {
        ChunkStats s = new ChunkStats(b, Selection.ALL);
        s.chunkStart(new ChunkInfo(java.nio.file.Path.of("x.jfr"), 0, 0, 100, 0, 1_000 * MS, 2, 1));
        for (int i = 0; i < groupMs.length; i++) {
            long start = i * 20 * MS;
            long d = Math.round(groupMs[i] * MS);
            s.systemGroupTick(start, d / 2, "G", i);
            s.systemGroupTick(start, d - d / 2, "G", i);
            s.frame(start, d + MS, i, entities);
        }
        s.nativeMemory(0, "Villager", "Column", nativeBytes / 2, 0);
        s.nativeMemory(1, "Grid", "Grid", nativeBytes - nativeBytes / 2, 0);
        s.gcHeapSummary(2, 1, "Before GC", 10 * heapAfterGc, 0);
        s.gcHeapSummary(3, 1, "After GC", heapAfterGc, 0);
        s.chunkEnd(new ChunkInfo(java.nio.file.Path.of("x.jfr"), 0, 0, 100, 0, 1_000 * MS, 2, 1),
                Map.of("puredots.Frame", (long) groupMs.length));
        return s.toReport(List.of("x.jfr"));
    }

    static BudgetCheck check(BudgetResult r, String id) {
        return r.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void groupOverBudgetForMoreThanStreakFramesIsViolated() throws Exception {
        Budgets b = budgets("group.G = 2 ms\nstreak.frames = 5\ncritical.ratio = 1.5\n");
        double[] six = {1, 3, 3, 3, 3, 3, 3, 1, 3};
        BudgetResult r = BudgetJudge.judge(run(b, six, 0, 1, 1), b);
        BudgetCheck g = check(r, "group.G");
        assertEquals(Status.VIOLATED, g.status());
        assertEquals(6, g.longestStreak());
        assertEquals(7, g.framesOver());
        assertEquals("CRITICAL", g.severity());     // 3 ms >= 1.5 * 2 ms
        assertEquals(3 * MS, (long) g.measured());
        assertTrue(r.violated());
    }

    @Test
    void exactlyStreakFramesOverIsNotAViolation() throws Exception {
        Budgets b = budgets("group.G = 2 ms\nstreak.frames = 5\n");
        double[] five = {1, 2.5, 2.5, 2.5, 2.5, 2.5, 1, 2.5};
        BudgetResult r = BudgetJudge.judge(run(b, five, 0, 1, 1), b);
        BudgetCheck g = check(r, "group.G");
        assertEquals(Status.OK, g.status());
        assertEquals(5, g.longestStreak());
        assertEquals(6, g.framesOver());
        assertFalse(r.violated());
    }

    @Test
    void warningBelowTheCriticalRatio() throws Exception {
        Budgets b = budgets("group.G = 2 ms\nstreak.frames = 1\n");
        BudgetCheck g = check(BudgetJudge.judge(run(b, new double[] {2.5, 2.5}, 0, 1, 1), b), "group.G");
        assertEquals(Status.VIOLATED, g.status());
        assertEquals("WARNING", g.severity());
    }

    @Test
    void budgetForAGroupNotInTheRecordingHasNoData() throws Exception {
        Budgets b = budgets("group.Missing = 1 ms\nframe = 16 ms\n");
        BudgetResult r = BudgetJudge.judge(run(b, new double[] {1, 1}, 0, 1, 1), b);
        assertEquals(Status.NO_DATA, check(r, "group.Missing").status());
        assertEquals(Status.OK, check(r, "frame").status());
        assertFalse(r.violated());
    }

    @Test
    void nativeMemoryAgainstTheTierForTheEntityCount() throws Exception {
        Budgets b = budgets("memory.native.at.1000 = 1 MB\nmemory.native.at.10000 = 10 MB\n"
                + "memory.native.per-entity = 1 KB\n");
        // 5000 entities -> the 10 MB tier; 6 MB is within it, but 6 MB / 5000 = 1258 B > 1 KB per entity
        BudgetResult r = BudgetJudge.judge(run(b, new double[] {1}, 6L << 20, 5000, 1), b);
        BudgetCheck total = check(r, "memory.native");
        assertEquals(Status.OK, total.status());
        assertEquals(10L << 20, (long) total.limit());
        BudgetCheck per = check(r, "memory.native.per-entity");
        assertEquals(Status.VIOLATED, per.status());
        assertEquals((6L << 20) / 5000.0, per.measured(), 1e-9);
        assertEquals("WARNING", per.severity());
    }

    @Test
    void heapAfterGcAgainstItsBudget() throws Exception {
        Budgets b = budgets("memory.heap = 100 MB\n");
        assertEquals(Status.OK, check(BudgetJudge.judge(run(b, new double[] {1}, 0, 1, 50L << 20), b),
                "memory.heap").status());
        BudgetCheck over = check(BudgetJudge.judge(run(b, new double[] {1}, 0, 1, 200L << 20), b), "memory.heap");
        assertEquals(Status.VIOLATED, over.status());
        assertEquals("CRITICAL", over.severity());
    }

    @Test
    void checksComeFrameFirstThenGroupsThenMemory() throws Exception {
        Budgets b = budgets("group.G = 2 ms\nframe = 16 ms\nmemory.heap = 1 GB\n");
        BudgetResult r = BudgetJudge.judge(run(b, new double[] {1}, 0, 1, 1), b);
        assertEquals(List.of("frame", "group.G", "memory.heap"), r.checks().stream().map(BudgetCheck::id).toList());
        assertEquals("test.budgets", r.source());
    }
}
