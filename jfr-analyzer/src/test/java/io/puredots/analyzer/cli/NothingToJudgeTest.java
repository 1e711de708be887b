package io.puredots.analyzer.cli;

import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "nothing to judge" line when the recording has game events but no budget found data. */
class NothingToJudgeTest {
    @TempDir
    Path dir;
    Path budgets;

    @Test
    void budgetsOfSeriesTheRecordingLacksAreNothingToJudge() throws Exception {
        CliRun r = report("group.NoSuchGroup = 1 ms\nsystem.NoSuchSystem = 1 ms\n");
        assertEquals(Cli.TROUBLE, r.code(), r.err());
        assertTrue(r.out().contains("NO_DATA"), "the report is still written: " + r.out());
        assertTrue(r.err().startsWith("jfr-analyzer report: nothing to judge: none of the 2 budgets in '" + budgets
                + "' has data (group.NoSuchGroup: "), r.err());
        assertTrue(r.err().endsWith("); check the budget ids against the groups, systems and memory in the report,"
                + " or pass --allow-no-data to accept it\n"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void oneBudgetIsNamedInTheSingular() throws Exception {
        CliRun r = report("group.NoSuchGroup = 1 ms\n");
        assertEquals(Cli.TROUBLE, r.code(), r.err());
        assertTrue(r.err().startsWith("jfr-analyzer report: nothing to judge: the one budget in '" + budgets
                + "' has no data (group.NoSuchGroup: "), r.err());
    }

    @Test
    void allowNoDataAcceptsIt() throws Exception {
        CliRun r = report("group.NoSuchGroup = 1 ms\n", "--allow-no-data");
        assertEquals(Cli.OK, r.code(), r.err());
        assertEquals("", r.err());
    }

    @Test
    void aDamagedRecordingWithoutGameEventsNamesItsReadablePart() throws Exception {
        Path plain = dir.resolve("plain.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.GarbageCollection");
            r.start();
            System.gc();
            r.stop();
            r.dump(plain);
        }
        Files.writeString(plain, "garbage after the last chunk", StandardOpenOption.APPEND);
        CliRun r = CliRun.of("report", "--no-jmc", plain.toString());
        assertEquals(Cli.TROUBLE, r.code(), r.err());
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.get(0).startsWith("jfr-analyzer report: warning: skipped damaged chunk: "), r.err());
        assertTrue(lines.get(lines.size() - 1).startsWith("jfr-analyzer report: nothing to judge: no puredots events in"
                + " the readable part of '" + plain + "'; record the game with "), r.err());
    }

    /** {@code report --no-jmc} of the game fixture under a budget file holding {@code text}. */
    private CliRun report(String text, String... options) throws Exception {
        budgets = dir.resolve("test.budgets");
        Files.writeString(budgets, text);
        List<String> args = new ArrayList<>(List.of("report", "--no-jmc", "--budgets", budgets.toString()));
        args.addAll(List.of(options));
        args.add(GoldenReportTest.FIXTURE);
        return CliRun.of(args.toArray(new String[0]));
    }
}
