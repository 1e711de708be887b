package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.Series;
import io.puredots.analyzer.pipeline.JmcOptions;
import io.puredots.analyzer.pipeline.ReportPipeline;
import io.puredots.analyzer.pipeline.ReportRequest;
import io.puredots.analyzer.testing.Exact;
import io.puredots.analyzer.testing.GameRecording;
import io.puredots.analyzer.testing.Reference;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference checks on a fresh in-process recording of {@link GameRecording}: two chunks whose
 * boundary splits tick 60 (its first two groups in chunk 0, the rest and its frame in chunk 1),
 * with an over-budget spike across the boundary, and a GC.
 */
class GameRecordingReferenceTest extends ReferenceChecks {
    @TempDir
    static Path dir;

    @Override
    Path recording() throws Exception {
        GameRecording game = new GameRecording(56, 8, 2_500_000);
        Path a = game.record(dir.resolve("a.jfr"), 0, 0, 60, 2, true);
        Path b = game.record(dir.resolve("b.jfr"), 60, 2, 120, 0, false);
        game.close();
        return GameRecording.concat(dir.resolve("two-chunks.jfr"), a, b);
    }

    @Test
    void shapeOfTheGame() {
        assertEquals(2, report.overview().chunks());
        assertEquals(120, report.frames().count());
        assertEquals(GameRecording.GROUPS.length, report.groups().size());
        assertEquals(5, report.systems().size());
        assertEquals(2, report.jobs().workerCount());
        assertEquals(3, report.memory().nativeMemory().containers().size());
        assertTrue(report.memory().heapAfterGcBytes().count() >= 1, "System.gc() was called while recording");
        Series villager = report.groups().stream().filter(g -> g.name().equals("VillagerSystemGroup")).findFirst()
                .orElseThrow();
        assertTrue(villager.longestOverBudgetStreak() >= 8, "the 8-tick spike: " + villager);
    }

    @Test
    void splitTickIsCountedOnce() {
        // tick 60 is split over the two chunks; every group still has exactly one value per frame
        for (Series g : report.groups()) {
            assertEquals(120, g.perFrameNanos().count(), g.name());
            assertEquals(120, g.perCallNanos().count(), g.name());
        }
    }

    @Test
    void warmupDropsTheFirstTicksFromEveryTickSeries() throws Exception {
        Report w = ReportPipeline.run(ReportRequest.of(List.of(file), BUDGETS)
                .withWindow(new Window(null, null, 10, false)).withJmc(JmcOptions.OFF));
        assertEquals(10, w.selection().warmupTicks());
        List<Long> frames = new ArrayList<>();
        for (RecordedEvent e : ref.of("puredots.Frame")) {
            if (e.getLong("tick") >= 10) {
                frames.add(Reference.nanos(e));
            }
        }
        Exact.check("frames after warm-up", frames, w.frames().timeNanos());
        for (Series g : w.groups()) {
            TreeMap<Long, Long> perTick = new TreeMap<>(ref.perTick("puredots.SystemGroupTick", "group", g.name())
                    .tailMap(10L));
            Exact.check(g.name() + " after warm-up", perTick.values(), g.perFrameNanos());
            assertEquals(Reference.longestRun(perTick, g.budgetNanos()), g.longestOverBudgetStreak());
        }
        assertEquals(110 * 2, w.jobs().jobsScheduled());
        assertEquals(110, w.registries().get(0).updates());
    }
}
