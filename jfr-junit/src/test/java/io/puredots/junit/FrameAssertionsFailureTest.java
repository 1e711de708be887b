package io.puredots.junit;

import io.puredots.sim.Scenario;
import io.puredots.sim.SimConfig;
import io.puredots.sim.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.puredots.junit.FrameAssertions.assertFrames;
import static io.puredots.junit.FrameAssertions.assertGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs gameplay tests through JUnit's engine and checks what their users see: a failed budget
 * names the statistic, the bound, the worst frames with their ticks and the kept recording, which
 * exists; a passing test leaves no recording behind.
 */
class FrameAssertionsFailureTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    private static final Path KEEP = Path.of("target/frame-recordings-failure-test");

    static void play() {
        try (Simulation game = new Simulation(SimConfig.builder().entities(1000).ticks(40).seed(3)
                .scenario(Scenario.SOAK).workers(1).log(QUIET).build())) {
            game.run();
        }
    }

    /** Not run by the build: run by {@link #failuresNameTheWorstFramesAndKeepTheRecording()}. */
    @RecordFrames(budgets = "src/test/resources/impossible.budgets", keepIn = "target/frame-recordings-failure-test")
    static class OverBudgetGame {
        @Test
        void frameP95() {
            play();
            assertFrames().p95().isBelow(Duration.ofNanos(1));
        }

        @Test
        void villagersStreak() {
            play();
            assertGroup("VillagerSystemGroup").neverOverBudgetFor(5);
        }

        @Test
        void passes(RecordedFrames recorded) {
            play();
            assertFrames(recorded).max().isBelow(Duration.ofMinutes(1));
        }
    }

    @Test
    void failuresNameTheWorstFramesAndKeepTheRecording() throws Exception {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(OverBudgetGame.class)).execute()
                .testEvents();
        assertEquals(1, tests.succeeded().count());
        Map<String, String> failures = tests.failed().stream().collect(Collectors.toMap(
                e -> e.getTestDescriptor().getDisplayName(),
                e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()
                        .orElseThrow().getMessage()));
        assertEquals(2, failures.size(), failures.toString());

        String p95 = failures.get("frameP95()");
        assertTrue(p95.matches("frame time p95 of 40 frames was [0-9.]+ ms, expected below 0\\.000 ms;"
                + " worst frames: tick [0-9]+ \\([0-9.]+ ms\\), tick [0-9]+ \\([0-9.]+ ms\\), tick [0-9]+ \\([0-9.]+ ms\\);"
                + " recording kept in .*frameP95-[0-9]+\\.jfr"), p95);
        String streak = failures.get("villagersStreak()");
        assertTrue(streak.matches("VillagerSystemGroup was over its 0\\.001 ms budget for 40 consecutive frames"
                + " \\(at most 5 allowed; 40 of 40 frames over\\); worst frames: tick .*; recording kept in .*\\.jfr"),
                streak);

        for (String message : failures.values()) {
            Path kept = Path.of(message.substring(message.indexOf("recording kept in ") + "recording kept in ".length()));
            assertTrue(Files.size(kept) > 0, kept.toString());
        }
        List<Path> left;
        try (var files = Files.list(KEEP.resolve(OverBudgetGame.class.getName()))) {
            left = files.toList();
        }
        assertEquals(2, left.size(), "only the failed tests' recordings: " + left);
        assertFalse(left.stream().anyMatch(p -> p.getFileName().toString().startsWith("passes")), left.toString());
        List<Event> reported = tests.reportingEntryPublished().list();
        assertEquals(2, reported.size(), "each failed test names its recording in the report entries");
    }
}
