package io.puredots.junit;

import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.pipeline.JmcOptions;
import io.puredots.analyzer.pipeline.ReportPipeline;
import io.puredots.analyzer.pipeline.ReportRequest;
import io.puredots.budgets.Budgets;
import io.puredots.sim.Scenario;
import io.puredots.sim.SimConfig;
import io.puredots.sim.Simulation;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static io.puredots.junit.FrameAssertions.assertFrames;
import static io.puredots.junit.FrameAssertions.assertGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reference game's gameplay under frame budgets, as a game team would write it: the game runs
 * in the test's JVM, the extension records it, the assertions read report's statistics. Bounds are
 * loose enough for a busy CI machine; what is exact is that the recorded frames are the frames played.
 */
@RecordFrames
class GameplayFrameBudgetTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    private static final int TICKS = 120;

    private static void play(int ticks) {
        try (Simulation game = new Simulation(SimConfig.builder().entities(2000).ticks(ticks).seed(7)
                .scenario(Scenario.SOAK).workers(1).log(QUIET).build())) {
            game.run();
        }
    }

    @Test
    void aSoakRunStaysWithinLooseBudgets(RecordedFrames recorded) {
        play(TICKS);
        FrameTimeAssert frames = assertFrames(recorded);
        assertEquals(TICKS, frames.count(), "every frame played is recorded");
        frames.p95().isBelow(Duration.ofSeconds(2));
        assertGroup("VillagerSystemGroup").perFrame().max().isBelow(Duration.ofSeconds(2));
        assertGroup(recorded, "SpatialSystemGroup").neverOverBudgetFor(TICKS);
    }

    @Test
    void theNumbersAreReportsNumbers(RecordedFrames recorded) throws Exception {
        play(60);
        FrameTimeAssert frames = assertFrames(recorded);
        Report report = ReportPipeline.run(ReportRequest.of(List.of(recorded.file()), Budgets.defaults())
                .withJmc(JmcOptions.OFF));
        assertEquals(report.frames().timeNanos().p95(), frames.p95().value().toNanos());
        assertEquals(report.frames().timeNanos().max(), frames.max().value().toNanos());
        assertEquals(60, report.frames().count());
    }
}
