package io.puredots.analyzer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --progress}: lines on stderr that climb to 100%, the result unchanged; without it (stderr
 * is not a terminal here) nothing on stderr.
 */
class ProgressOptionTest {
    private static final String TWO_CHUNKS = GoldenReportTest.FIXTURE;

    @Test
    void reportShowsClimbingProgressAndTheSameReport() {
        CliRun plain = CliRun.of("report", "--no-jmc", "--format", "json", TWO_CHUNKS);
        CliRun shown = CliRun.of("report", "--no-jmc", "--format", "json", "--progress", TWO_CHUNKS);
        assertEquals("", plain.err());
        assertEquals(plain.out(), shown.out());
        assertEquals(plain.code(), shown.code());
        checkClimbs(shown.err(), "jfr-analyzer report: reading 'game-two-chunks.jfr' ");
    }

    @Test
    void aWindowsTwoPassesAreOneProgress() {
        CliRun shown = CliRun.of("report", "--no-jmc", "--from", "10ms", "--progress", TWO_CHUNKS);
        List<Integer> percents = checkClimbs(shown.err(), "jfr-analyzer report: reading 'game-two-chunks.jfr' ");
        assertTrue(percents.contains(50), "the frame pass ends half way: " + percents);
    }

    @Test
    void compareShowsProgressPerRecording() {
        CliRun shown = CliRun.of("compare", "--progress", "--batch-frames", "10", TWO_CHUNKS, TWO_CHUNKS);
        long done = shown.err().lines().filter(l -> l.startsWith("jfr-analyzer compare: reading 'game-two-chunks.jfr'")
                && l.contains(" 100% ")).count();
        assertEquals(2, done, shown.err());
    }

    @Test
    void exportShowsProgressThroughRecordingTimeAndWritesTheSamePoints(@TempDir Path dir) throws Exception {
        Path plain = dir.resolve("plain.jsonl");
        Path shown = dir.resolve("shown.jsonl");
        assertEquals(Cli.OK, CliRun.of("export", GoldenReportTest.SIM, "--resolution", "raw", "-o", plain.toString()).code());
        CliRun r = CliRun.of("export", GoldenReportTest.SIM, "--resolution", "raw", "--progress", "-o", shown.toString());
        assertEquals(Cli.OK, r.code(), r.err());
        assertEquals(Files.readString(plain), Files.readString(shown));
        String prefix = "jfr-analyzer export: exporting 'sim-small.jfr', recording time ";
        String progress = r.err().lines().filter(l -> l.startsWith(prefix)).reduce("", (a, b) -> a + b + "\n");
        checkClimbs(progress, prefix);
        assertTrue(r.err().lines().reduce((a, b) -> b).orElseThrow().startsWith("jfr-analyzer export: "),
                "the summary comes last: " + r.err());
    }

    @Test
    void severalInputsOfOneRunAreCountedNotNamedAfterTheFirst() {
        ProgressOption option = new ProgressOption();
        option.progress = true;
        java.io.StringWriter out = new java.io.StringWriter();
        option.reading(new java.io.PrintWriter(out, true), "report", List.of(Path.of("run-1.jfr"), Path.of("run-2.jfr")))
                .read(2, 2);
        assertEquals("jfr-analyzer report: reading 2 recordings 100% (2 B of 2 B)\n", out.toString());
    }

    /** The percentages of {@code err}'s progress lines, checked to rise to 100. */
    private static List<Integer> checkClimbs(String err, String prefix) {
        List<String> lines = err.lines().toList();
        assertTrue(!lines.isEmpty(), "no progress");
        List<Integer> percents = lines.stream().map(l -> {
            assertTrue(l.startsWith(prefix), l);
            return Integer.parseInt(l.substring(prefix.length(), l.indexOf('%')));
        }).toList();
        for (int i = 1; i < percents.size(); i++) {
            assertTrue(percents.get(i) > percents.get(i - 1), "climbs: " + percents);
        }
        assertEquals(100, percents.get(percents.size() - 1), err);
        return percents;
    }
}
