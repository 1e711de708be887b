package io.puredots.analyzer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code compare} and {@code baseline} on real runs of the game: four runs of one build and three
 * with one system slowed by half, run alternately so that the machine's load falls on both sides.
 * Each side has several runs: one run against one cannot tell the machine's load from a regression.
 */
class CompareCommandTest {
    static final String SLOWED = "EnvironmentDiffusionSystem";
    static final String SLOWED_GROUP = "EnvironmentSystemGroup";
    static final String[] GAME = {"--entities", "5000", "--ticks", "4000", "--workers", "1"};

    @TempDir
    static Path dir;
    static Path a1;
    static Path a2;
    static Path b1;
    static Path b2;
    static Path a3;
    static Path a4;
    static Path b3;

    @BeforeAll
    static void runTheGame() throws Exception {
        Path jfc = SimRuns.jfc(dir);
        List<String> slowed = new ArrayList<>(List.of(GAME));
        slowed.addAll(List.of("--slowdown", SLOWED + "=50"));
        String[] slow = slowed.toArray(new String[0]);
        a1 = SimRuns.run(jfc, dir.resolve("a1.jfr"), GAME);
        b1 = SimRuns.run(jfc, dir.resolve("b1.jfr"), slow);
        a3 = SimRuns.run(jfc, dir.resolve("a3.jfr"), GAME);
        b2 = SimRuns.run(jfc, dir.resolve("b2.jfr"), slow);
        a2 = SimRuns.run(jfc, dir.resolve("a2.jfr"), GAME);
        b3 = SimRuns.run(jfc, dir.resolve("b3.jfr"), slow);
        a4 = SimRuns.run(jfc, dir.resolve("a4.jfr"), GAME);
    }

    private static JsonNode json(CliRun r) throws Exception {
        return new ObjectMapper().readTree(r.out());
    }

    private static Set<String> regressed(JsonNode root) {
        Set<String> out = new TreeSet<>();
        for (JsonNode m : root.get("metrics")) {
            if (m.get("verdict").asText().equals("REGRESSION")) {
                out.add(m.get("metric").asText());
            }
        }
        return out;
    }

    /**
     * Budget streaks are judged by the tests of the streak (CompareStreakTest); here the budget file
     * has none, so that the machine's load on one run cannot decide the A/A verdict.
     */
    @Test
    void runsOfOneBuildAreNoRegression() throws Exception {
        Path noBudgets = dir.resolve("no-time-budgets.budgets");
        Files.writeString(noBudgets, "streak.frames = 5\n");
        CliRun r = CliRun.of("compare", "--budgets", noBudgets.toString(), "--batch-frames", "200", "--format", "json",
                "--baseline", a1.toString(), a2.toString(), "--current", a3.toString(), a4.toString());
        assertEquals(Cli.OK, r.code(), r.out() + r.err());
        JsonNode root = json(r);
        assertEquals(Set.of(), regressed(root));
        long judged = 0;
        for (JsonNode m : root.get("metrics")) {
            judged += m.get("verdict").asText().equals("NOT_COMPARED") ? 0 : 1;
        }
        assertTrue(judged > 20, "groups and systems judged: " + judged);
    }

    @Test
    void aSystemSlowedByHalfIsFlaggedOnItAndItsGroupOnly() throws Exception {
        CliRun r = CliRun.of("compare", "--batch-frames", "200", "--format", "json", "--baseline", a1.toString(),
                a2.toString(), a3.toString(), a4.toString(), "--current", b1.toString(), b2.toString(), b3.toString());
        assertEquals(Cli.VIOLATED, r.code(), r.out() + r.err());
        Set<String> regressed = regressed(json(r));
        assertTrue(regressed.contains("system." + SLOWED + ".frame"), regressed.toString());
        assertTrue(regressed.contains("group." + SLOWED_GROUP + ".frame"), regressed.toString());
        Set<String> allowed = Set.of("system." + SLOWED + ".frame", "system." + SLOWED + ".call",
                "group." + SLOWED_GROUP + ".frame", "group." + SLOWED_GROUP + ".call", "frame.time");
        assertTrue(allowed.containsAll(regressed), "an unrelated metric flagged: " + regressed);
    }

    @Test
    void aBaselineFileStandsForItsRunsAndKeepsTheirBatchLength() throws Exception {
        Path baseline = dir.resolve("baseline.json");
        CliRun w = CliRun.of("baseline", "--batch-frames", "200", "--commit", "abc1234", "-o", baseline.toString(),
                a1.toString(), a2.toString(), a3.toString(), a4.toString());
        assertEquals(Cli.OK, w.code(), w.err());
        assertTrue(Files.size(baseline) < 1 << 20, Files.size(baseline) + " bytes");
        JsonNode root = new ObjectMapper().readTree(baseline.toFile());
        assertEquals("puredots-baseline/1", root.get("schema").asText());
        assertEquals("abc1234", root.get("commit").asText());
        assertEquals(4, root.get("runs").asInt());
        assertTrue(root.get("environment").get("cores").asInt() > 0, root.get("environment").toString());
        CliRun r = CliRun.of("compare", "--format", "json", "--baseline", baseline.toString(), "--current", b1.toString(),
                b2.toString(), b3.toString());
        assertEquals(Cli.VIOLATED, r.code(), r.out() + r.err());
        JsonNode c = json(r);
        assertEquals(200, c.get("current").get("batchFrames").asInt());
        assertTrue(regressed(c).contains("system." + SLOWED + ".frame"), regressed(c).toString());
    }

    @Test
    void metricsLinesNameEveryGroupAndSystem() throws Exception {
        CliRun r = CliRun.of("baseline", "--format", "jsonl", "--batch-frames", "200", a1.toString());
        assertEquals(Cli.OK, r.code(), r.err());
        List<String> metrics = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            JsonNode o = new ObjectMapper().readTree(line);
            assertEquals("puredots-metrics/1", o.get("schema").asText());
            for (String key : List.of("unit", "median", "p95", "p99", "mean", "runs", "samples")) {
                assertTrue(o.has(key), key + " in " + line);
            }
            metrics.add(o.get("metric").asText());
        }
        assertEquals("frame.time", metrics.get(0));
        // memory.heap.after-gc only when a GC falls after the warm-up
        assertTrue(metrics.containsAll(List.of("group." + SLOWED_GROUP + ".frame", "system." + SLOWED + ".call",
                "main.wait", "workers.utilization", "memory.native.peak", "memory.native.per-entity",
                "machine.other-cpu")), metrics.toString());
    }

    @Test
    void differentEnvironmentsAreAWarningAndWithStrictEnvTrouble() throws Exception {
        Path baseline = dir.resolve("other-env.json");
        assertEquals(Cli.OK, CliRun.of("baseline", "--batch-frames", "200", "-o", baseline.toString(),
                a1.toString()).code());
        ObjectMapper mapper = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root =
                (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(baseline.toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("environment")).put("cores", 64).put("hwThreads", 128);
        mapper.writeValue(baseline.toFile(), root);
        CliRun strict = CliRun.of("compare", "--strict-env", baseline.toString(), a2.toString());
        assertEquals(Cli.TROUBLE, strict.code(), strict.err());
        assertEquals("", strict.out());
        assertTrue(strict.err().matches("jfr-analyzer compare: the environments differ \\(baseline vs current\\):"
                + " cores 64/128 vs [0-9]+/[0-9]+ \\(cores/hardware threads\\); drop --strict-env to compare"
                + " anyway\n"), strict.err());
        for (String format : List.of("text", "json", "markdown", "junit")) {
            CliRun r = CliRun.of("compare", "--format", format, baseline.toString(), a2.toString());
            assertTrue(r.out().contains("the environments differ (baseline vs current): cores 64/128 vs "),
                    format + ": " + r.out());
        }
    }

    @Test
    void aBaselineOfAnotherSchemaIsOneLineAndTrouble() throws Exception {
        Path old = dir.resolve("old.json");
        Files.writeString(old, "{\"schema\": \"puredots-baseline/0\", \"metrics\": []}\n");
        CliRun r = CliRun.of("compare", old.toString(), a1.toString());
        assertEquals(Cli.TROUBLE, r.code());
        assertEquals("jfr-analyzer compare: '" + old + "' has schema 'puredots-baseline/0'; this version reads only"
                + " 'puredots-baseline/1': write it again with jfr-analyzer baseline\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void aRecordingWithoutTheGamesEventsIsNothingToCompare() throws Exception {
        Path plain = dir.resolve("plain.jfr");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:StartFlightRecording:filename=" + plain, "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, p.waitFor());
        CliRun r = CliRun.of("compare", a1.toString(), plain.toString());
        assertEquals(Cli.TROUBLE, r.code(), r.err());
        assertEquals("jfr-analyzer compare: nothing to compare: no puredots events in '" + plain + "'; record the game"
                + " with " + GateMessages.RECORD_WITH + ", or pass --allow-no-data to compare what there is\n", r.err());
        CliRun allowed = CliRun.of("compare", "--allow-no-data", a1.toString(), plain.toString());
        assertEquals(Cli.OK, allowed.code(), allowed.err());
    }

    @Test
    void helpHasWarmupAutoAndNoFormatWarnings() {
        for (String command : List.of("compare", "baseline")) {
            CliRun r = CliRun.of(command, "--help");
            assertEquals(Cli.OK, r.code());
            assertEquals("", r.err());
            assertTrue(r.out().contains("Default: auto."), r.out());
            assertTrue(r.out().contains("Examples:"), r.out());
        }
    }

    @Test
    void badUsageIsOneLine() {
        CliRun r = CliRun.of("compare", a1.toString());
        assertEquals(Cli.TROUBLE, r.code());
        assertEquals("jfr-analyzer compare: needs BASELINE CURRENT, or --baseline FILE... --current FILE...\n", r.err());
        CliRun f = CliRun.of("compare", "--format", "pdf", a1.toString(), a2.toString());
        assertEquals("jfr-analyzer compare: --format needs text, json, markdown, junit or html, got 'pdf'\n", f.err());
    }
}
