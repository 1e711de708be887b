package io.puredots.analyzer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puredots.analyzer.testing.HarnessResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrendCommandTest {
    @TempDir
    Path root;

    /** Frame time around 10 ms with 1% patterned noise, 12.5 ms from run {@code step} (1-based) on. */
    private static double frameTime(int i, int step) {
        return (i + 1 < step ? 10.0 : 12.5) * noise(i);
    }

    private static double noise(int i) {
        return 1 + (i % 2 == 0 ? 0.01 : -0.01) * (1 + i % 3);
    }

    private void history(int runs, int step) {
        for (int i = 0; i < runs; i++) {
            HarnessResults.run(root, i, "frame.time", frameTime(i, step), "system.MoveSystem.call", 2.0 * noise(i));
        }
    }

    /** Mean frame time of runs {@code from} to {@code to} (1-based, inclusive). */
    private static double mean(int from, int to, int step) {
        double sum = 0;
        for (int i = from - 1; i < to; i++) {
            sum += frameTime(i, step);
        }
        return sum / (to - from + 1);
    }

    @Test
    void namesTheRunAndCommitAtWhichFrameTimeShifted() {
        history(14, 8);
        CliRun r = CliRun.of("trend", root.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("Trend: 14 runs, 2 metrics (median of each run): 1 change point in 1 metric\n"),
                r.out());
        assertTrue(r.out().contains("\nChange points\n  metric      run  commit   before    after     change  p\n"
                + "  frame.time  8    c000007  "), r.out());
        String values = r.out().lines().filter(l -> l.startsWith("  frame.time  ")).reduce((a, b) -> b).orElseThrow();
        String[] beforeAndAfter = values.substring(values.lastIndexOf("  ") + 2).split(" \\| ");
        assertEquals(2, beforeAndAfter.length, values);
        assertEquals(7, beforeAndAfter[0].split(" ").length, values);
        assertEquals(7, beforeAndAfter[1].split(" ").length, values);
    }

    @Test
    void failOnChangeExitsOneOnlyWhenAChangePointIsFound() {
        history(14, 8);
        assertEquals(1, CliRun.of("trend", "--fail-on-change", root.toString()).code());
        assertEquals(0, CliRun.of("trend", "--fail-on-change", "--last", "6", root.toString()).code());
        assertEquals(0, CliRun.of("trend", "--fail-on-change", "--metric", "system.*", root.toString()).code());
    }

    @Test
    void flatHistoryHasNoChangePoint() {
        history(14, 100);
        CliRun r = CliRun.of("trend", "--fail-on-change", root.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\nChange points\n  none\n"), r.out());
    }

    @Test
    void jsonNamesTheRunCommitAndTimeOfTheChange() throws Exception {
        history(14, 8);
        Path out = root.resolve("trend.json");
        CliRun r = CliRun.of("trend", "--format", "json", "-o", out.toString(), "--stat", "p95", root.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(out.toFile());
        assertEquals("puredots-trend/1", j.get("schema").asText());
        assertEquals("p95", j.get("statistic").asText());
        assertEquals(14, j.get("runs").size());
        JsonNode c = j.get("metrics").get(0).get("changePoints").get(0);
        assertEquals(8, c.get("run").asInt());
        assertEquals("2026-11-08T02:00:00Z", c.get("time").asText());
        assertTrue(c.get("commit").asText().startsWith("c000007"), c.toString());
        assertEquals(frameTime(0, 8) * 1.2, j.get("metrics").get(0).get("values").get(0).asDouble(), 1e-9);
        assertEquals(mean(1, 7, 8) * 1.2, c.get("before").asDouble(), 1e-9);
        assertEquals(mean(8, 14, 8) * 1.2, c.get("after").asDouble(), 1e-9);
        assertEquals((mean(8, 14, 8) / mean(1, 7, 8) - 1) * 100, c.get("changePercent").asDouble(), 1e-9);
        assertTrue(c.get("pValue").asDouble() <= 0.01, c.toString());
    }

    @Test
    void markdownHasTheSummaryOnTopAndTheChangeTable() {
        history(14, 8);
        CliRun r = CliRun.of("trend", "--format", "markdown", root.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("# Trend: 14 runs, 2 metrics (median of each run): 1 change point in 1 metric\n"),
                r.out());
        assertTrue(r.out().contains("| metric | run | commit | before | after | change | p |\n"
                + "| --- | --- | --- | --- | --- | --- | --- |\n"
                + "| frame.time | 8 | c000007 | "), r.out());
    }

    @Test
    void troubleIsOneLineAndExitTwo() throws Exception {
        assertTrouble("jfr-analyzer trend: no harness results in '" + root
                + "' (results directories of ci/profile.sh hold metrics.jsonl and environment.json)", root.toString());
        assertTrouble("jfr-analyzer trend: cannot read '" + root.resolve("x") + "': no such directory",
                root.resolve("x").toString());

        HarnessResults.write(root.resolve("r1"), Instant.parse("2026-11-01T00:00:00Z"), "r1", null);
        assertTrouble("jfr-analyzer trend: no finished harness run in '" + root
                + "': no results directory has metrics.jsonl", root.toString());

        Path dir = HarnessResults.run(root, 0, "frame.time", 10.0);
        Files.writeString(dir.resolve("metrics.jsonl"), "garbage\n");
        CliRun r = CliRun.of("trend", root.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("jfr-analyzer trend: cannot read '" + dir.resolve("metrics.jsonl")
                + "' line 1: not JSON: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());

        Files.writeString(dir.resolve("metrics.jsonl"), HarnessResults.metricLine("frame.time", "ms", 1));
        assertTrouble("jfr-analyzer trend: --stat needs median, p95, p99 or mean, got 'p50'", "--stat", "p50",
                root.toString());
        assertTrouble("jfr-analyzer trend: --min-runs needs a number >= 2, got 1", "--min-runs", "1", root.toString());
        assertTrouble("jfr-analyzer trend: no run of scenario 'spikes' among the 1 runs found", "--scenario", "spikes",
                root.toString());
        assertTrouble("jfr-analyzer trend: no metric matching [memory.*] in the metrics.jsonl of the 1 run",
                "--metric", "memory.*", root.toString());
    }

    private static void assertTrouble(String line, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "trend";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun r = CliRun.of(all);
        assertEquals(2, r.code(), r.err());
        assertEquals(line + "\n", r.err().replace(System.lineSeparator(), "\n"));
        assertEquals("", r.out());
    }
}
