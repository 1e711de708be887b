package io.puredots.events.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puredots.events.EventFields;
import io.puredots.events.EventNames;
import io.puredots.events.testing.Await;
import io.puredots.events.testing.GameEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rolling recording dumps itself on budget violations committed in this JVM. */
class DumpOnViolationTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final List<String> logged = new CopyOnWriteArrayList<>();

    private DumpOnViolation.Builder builder(Path target) {
        return DumpOnViolation.builder(target).before(Duration.ofSeconds(10)).after(Duration.ZERO)
                .minInterval(Duration.ZERO).log(logged::add);
    }

    private static void violation(String budgetId, String severity, long tick) {
        GameEvents.budgetViolation(budgetId, 3.5, 1.0, "ms", 6, severity, tick);
    }

    @Test
    void dumpsTheFramesBeforeAViolationToAFileNamedWithItsBudgetAndTick() throws Exception {
        Path target = dir.resolve("dumps");
        try (DumpOnViolation recorder = builder(target).start()) {
            long next = GameEvents.frames(0, 20, 100, "SpatialSystemGroup", "SpatialGridBuildSystem");
            violation("group.SpatialSystemGroup", "CRITICAL", next - 1);
            assertTrue(Await.until(DEADLINE, () -> !recorder.dumps().isEmpty()), "no dump written; log " + logged);
            Path dump = recorder.dumps().get(0);
            assertEquals(target, dump.getParent());
            assertTrue(dump.getFileName().toString().matches(
                    "puredots-\\d{8}T\\d{6}\\.\\d{3}Z-group\\.SpatialSystemGroup-tick19\\.jfr"), dump.toString());
            List<RecordedEvent> events = RecordingFile.readAllEvents(dump);
            List<Long> ticks = new ArrayList<>();
            int violations = 0;
            for (RecordedEvent e : events) {
                String name = e.getEventType().getName();
                if (name.equals(EventNames.FRAME)) {
                    ticks.add(e.getLong(EventFields.Frame.TICK));
                } else if (name.equals(EventNames.BUDGET_VIOLATION)) {
                    violations++;
                    assertEquals(19, e.getLong(EventFields.BudgetViolation.TICK));
                }
            }
            ticks.sort(null);
            assertEquals(1, violations);
            assertEquals(20, ticks.size(), "every frame before the violation: " + ticks);
            assertEquals(0L, ticks.get(0));
            assertTrue(logged.contains("flight recording dumped to " + dump), logged.toString());
            try (var files = Files.list(target)) {
                assertEquals(List.of(dump), files.toList(), "no .part file left behind");
            }
        }
    }

    @Test
    void dumpsTheAfterSecondsLaterWithTheFramesInBetween() throws Exception {
        Duration after = Duration.ofSeconds(3); // well beyond the stream's delivery delay, about a second
        try (DumpOnViolation recorder = builder(dir).after(after).start()) {
            long tick = GameEvents.frames(0, 5, 100, "SpatialSystemGroup");
            long violatedAt = System.nanoTime();
            violation("frame", "CRITICAL", tick - 1);
            long deadline = violatedAt + DEADLINE.toNanos();
            while (recorder.dumps().isEmpty() && System.nanoTime() < deadline) { // the game goes on meanwhile
                GameEvents.frame(tick++, 100, () -> GameEvents.spin(1_000_000));
            }
            long dumpedAfter = System.nanoTime() - violatedAt;
            assertEquals(1, recorder.dumps().size(), "log " + logged);
            assertTrue(dumpedAfter >= after.toNanos(), "dumped " + dumpedAfter + " ns after the violation");
            Instant violation = null;
            Instant lastFrame = Instant.MIN;
            for (RecordedEvent e : RecordingFile.readAllEvents(recorder.dumps().get(0))) {
                if (e.getEventType().getName().equals(EventNames.BUDGET_VIOLATION)) {
                    violation = e.getStartTime();
                } else if (e.getEventType().getName().equals(EventNames.FRAME) && e.getEndTime().isAfter(lastFrame)) {
                    lastFrame = e.getEndTime();
                }
            }
            assertTrue(violation != null);
            // a frame takes about 1 ms; allow for a loaded machine descheduling the test thread
            assertTrue(!lastFrame.isBefore(violation.plus(after).minusMillis(500)),
                    "the frames up to the dump: last frame ends " + Duration.between(violation, lastFrame)
                            + " after the violation");
        }
    }

    @Test
    void aFloodOfViolationsMakesOneDumpPerInterval() throws Exception {
        int n = 200;
        try (DumpOnViolation recorder = builder(dir).minInterval(Duration.ofHours(1)).start()) {
            for (int i = 0; i < n; i++) {
                violation("frame", "WARNING", i);
            }
            assertTrue(Await.until(DEADLINE, () -> recorder.violationsSeen() == n), "seen " + recorder.violationsSeen());
            assertTrue(Await.until(DEADLINE, () -> !recorder.dumps().isEmpty()), "no dump written; log " + logged);
            recorder.close();
            assertEquals(1, recorder.dumps().size(), recorder.dumps().toString());
            assertTrue(recorder.dumps().get(0).getFileName().toString().endsWith("-frame-tick0.jfr"));
            assertEquals(n - 1, recorder.rateLimited());
        }
    }

    @Test
    void violationsBelowTheSeverityStartNoDump() throws Exception {
        try (DumpOnViolation recorder = builder(dir).minSeverity(Severity.CRITICAL).start()) {
            violation("group.VillagerSystemGroup", "WARNING", 7);
            violation("memory.native.total", "CRITICAL", 8);
            assertTrue(Await.until(DEADLINE, () -> recorder.violationsSeen() == 2), "seen " + recorder.violationsSeen());
            recorder.close();
            assertEquals(1, recorder.dumps().size(), recorder.dumps().toString());
            assertTrue(recorder.dumps().get(0).getFileName().toString().endsWith("-memory.native.total-tick8.jfr"));
        }
    }

    @Test
    void closeWritesTheDumpsStillWaitingForTheirAfterSeconds() throws Exception {
        Instant before = Instant.now();
        DumpOnViolation recorder = builder(dir).after(Duration.ofHours(1)).start();
        violation("frame", "CRITICAL", 3);
        recorder.close();
        assertEquals(1, recorder.dumps().size(), "log " + logged);
        assertTrue(Duration.between(before, Instant.now()).compareTo(Duration.ofMinutes(5)) < 0);
        long found = RecordingFile.readAllEvents(recorder.dumps().get(0)).stream()
                .filter(e -> e.getEventType().getName().equals(EventNames.BUDGET_VIOLATION)).count();
        assertEquals(1, found);
    }

    @Test
    void aTargetThatCannotBeADirectoryIsLoggedOnceAndCounted() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "not a directory");
        Path target = file.resolve("dumps"); // fails for root too, unlike a read-only directory
        try (DumpOnViolation recorder = builder(target).start()) {
            for (int i = 0; i < 3; i++) {
                violation("frame", "CRITICAL", i);
            }
            assertTrue(Await.until(DEADLINE, () -> recorder.failures().size() == 3), "failures " + recorder.failures());
            assertEquals(List.of(), recorder.dumps());
            assertEquals(1, logged.size(), logged.toString());
            assertTrue(logged.get(0).startsWith("cannot write flight recording dump '" + target + "/puredots-"),
                    logged.get(0));
            assertTrue(logged.get(0).endsWith(" (the game goes on; later failures are counted, not logged)"),
                    logged.get(0));
            for (String failure : recorder.failures()) {
                assertTrue(failure.matches(Pattern.quote("cannot write flight recording dump '" + target + "/puredots-")
                        + "\\S+-frame-tick[012]\\.jfr" + Pattern.quote("': Not a directory (" + target + ")")), failure);
            }
        }
    }

    @Test
    void refusesAMaxAgeThatCannotHoldBeforeAndAfter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DumpOnViolation
                .builder(dir).before(Duration.ofSeconds(30)).after(Duration.ofSeconds(5))
                .maxAge(Duration.ofSeconds(20)).start());
        assertEquals("maxAge PT20S is shorter than before + after (PT35S): a dump could not hold the seconds"
                + " before the violation", e.getMessage());
    }

    @Test
    void namesAFileWithTheUtcTimeTheBudgetAndTheTick() {
        assertEquals("puredots-20261202T004812.345Z-group.Spatial_System-tick42.jfr",
                DumpOnViolation.fileName(Instant.parse("2026-12-02T00:48:12.345Z"), "group.Spatial/System", 42));
    }
}
