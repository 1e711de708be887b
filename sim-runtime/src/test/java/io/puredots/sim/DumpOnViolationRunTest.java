package io.puredots.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puredots.events.EventFields;
import io.puredots.events.EventNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --dump-on-violation}: real, short game runs whose slowed system breaks its budget. */
class DumpOnViolationRunTest {
    /** Only the slowed system has a budget, so its streak is the one violation of the run. */
    private static final String BUDGET = "system.SpatialGridBuildSystem = 0.5 ms\nstreak.frames = 5\n";

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        MainRun r = MainRun.of(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    /** A slowed-down run dumping into {@code target}, at most one dump per ten minutes. */
    private int slowRun(Path target) throws Exception {
        Path budgets = Files.writeString(dir.resolve("slow.budgets"), BUDGET);
        return run("--entities", "3000", "--ticks", "60", "--workers", "1", "--budgets", budgets.toString(),
                "--slowdown", "SpatialGridBuildSystem=5000", "--dump-on-violation", target.toString(),
                "--dump-after", "0", "--dump-min-interval", "600");
    }

    @Test
    void aSlowedSystemWritesADumpListedInTheSummary() throws Exception {
        Path target = dir.resolve("dumps");
        assertEquals(0, slowRun(target), err);
        List<Path> files;
        try (Stream<Path> s = Files.list(target)) {
            files = s.toList();
        }
        assertEquals(1, files.size(), files.toString());
        Path dump = files.get(0);
        String name = dump.getFileName().toString();
        assertTrue(name.matches("puredots-\\d{8}T\\d{6}\\.\\d{3}Z-system\\.SpatialGridBuildSystem-tick\\d+\\.jfr"), name);
        assertTrue(out.contains("  dumps        1 written to " + target + ", 0 failed, 0 rate-limited"
                + System.lineSeparator() + "               " + dump + System.lineSeparator()), out);
        assertTrue(err.contains("sim-runtime: flight recording dumped to " + dump), err);

        long violationTick = Long.parseLong(name.substring(name.lastIndexOf("-tick") + 5, name.length() - 4));
        long frames = 0;
        long firstTick = Long.MAX_VALUE;
        int violations = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(dump)) {
            String type = e.getEventType().getName();
            if (type.equals(EventNames.FRAME)) {
                frames++;
                firstTick = Math.min(firstTick, e.getLong(EventFields.Frame.TICK));
            } else if (type.equals(EventNames.BUDGET_VIOLATION)) {
                violations++;
                assertEquals("system.SpatialGridBuildSystem", e.getString(EventFields.BudgetViolation.BUDGET_ID));
                assertEquals(6, e.getInt(EventFields.BudgetViolation.CONSECUTIVE_FRAMES));
                assertEquals(violationTick, e.getLong(EventFields.BudgetViolation.TICK));
            }
        }
        assertEquals(1, violations);
        assertTrue(firstTick <= violationTick - 5, "the streak's frames are in the dump: first tick " + firstTick
                + ", violation at " + violationTick);
        assertTrue(frames > violationTick - firstTick, frames + " frames");
    }

    @Test
    void aTargetThatCannotBeCreatedDoesNotStopTheGame() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "a regular file");
        Path target = file.resolve("dumps"); // fails for root too, unlike a read-only directory
        assertEquals(0, slowRun(target), err);
        assertTrue(out.contains("  ticks        60 "), out);
        assertTrue(out.contains("  dumps        0 written to " + target + ", 1 failed, 0 rate-limited"
                + System.lineSeparator() + "               failed: cannot write flight recording dump '" + target
                + "/puredots-"), out);
        assertEquals(1, err.lines().filter(l -> l.contains("cannot write flight recording dump")).count(), err);
        assertTrue(Files.isRegularFile(file));
    }

    @Test
    void dumpOptionsAreChecked() {
        assertBad("sim-runtime: --dump-after needs --dump-on-violation DIR", "--dump-after", "3");
        assertBad("sim-runtime: --dump-before needs a number of seconds (more than 0), got '0'",
                "--dump-on-violation", "d", "--dump-before", "0");
        assertBad("sim-runtime: --dump-min-interval needs a number of seconds (0 or more), got '-1'",
                "--dump-on-violation", "d", "--dump-min-interval", "-1");
        assertBad("sim-runtime: --dump-severity needs WARNING or CRITICAL, got 'INFO'",
                "--dump-on-violation", "d", "--dump-severity", "INFO");
        assertBad("sim-runtime: --dump-on-violation needs a value (see --help)", "--dump-on-violation");
        assertBad("sim-runtime: --dump-on-violation needs a directory, got ''", "--dump-on-violation=");
    }

    @Test
    void dumpOptionsAreInTheHelp() {
        assertEquals(0, run("--help"));
        assertTrue(out.contains("  --dump-on-violation DIR   keep a rolling flight recording"), out);
        assertTrue(out.contains("  --dump-min-interval SECONDS"), out);
    }

    private void assertBad(String expected, String... args) {
        assertEquals(2, run(args), err);
        assertEquals(expected + System.lineSeparator(), err);
        assertEquals("", out);
    }
}
