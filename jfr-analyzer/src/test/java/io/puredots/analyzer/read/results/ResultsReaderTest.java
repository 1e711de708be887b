package io.puredots.analyzer.read.results;

import io.puredots.analyzer.testing.HarnessResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsReaderTest {
    @TempDir
    Path root;

    @Test
    void readsEveryRunOldestFirstByTheTimeInEnvironmentJson() throws Exception {
        HarnessResults.run(root, 1, "frame.time", 11.0);
        HarnessResults.run(root, 0, "frame.time", 10.0, "system.MoveSystem.call", 2.0);
        // named to sort first, but ran last
        HarnessResults.write(root.resolve("0000-late"), Instant.parse("2026-12-24T00:00:00Z"), "late",
                HarnessResults.metricLine("frame.time", "ms", 12.0) + "\n");

        ResultsReader.Found found = ResultsReader.read(List.of(root));

        assertEquals(List.of("c000000", "c000001", "late"),
                found.runs().stream().map(HarnessRun::shortCommit).toList());
        HarnessRun first = found.runs().get(0);
        assertEquals(Instant.parse("2026-11-01T02:00:00Z"), first.time());
        assertEquals("soak", first.scenario());
        assertEquals(List.of(new MetricLine("frame.time", "ms", 10.0, 12.0, 15.0, 12.5, 3, 1800),
                new MetricLine("system.MoveSystem.call", "ms", 2.0, 2.4, 3.0, 2.5, 3, 1800)), first.metrics());
        assertEquals(List.of(), found.warnings());
    }

    @Test
    void readsAResultsDirectoryGivenItself() throws Exception {
        Path dir = HarnessResults.run(root, 0, "frame.time", 10.0);
        assertEquals(List.of(dir), ResultsReader.read(List.of(dir)).runs().stream().map(HarnessRun::dir).toList());
    }

    @Test
    void skipsARunWithoutMetricsWithAWarning() throws Exception {
        HarnessResults.run(root, 0, "frame.time", 10.0);
        Path failed = root.resolve("2026-11-02_02-00-00_dead");
        HarnessResults.write(failed, Instant.parse("2026-11-02T02:00:00Z"), "dead", null);
        Files.createDirectories(root.resolve("unrelated"));

        ResultsReader.Found found = ResultsReader.read(List.of(root));

        assertEquals(1, found.runs().size());
        assertEquals(List.of("skipped '" + failed + "': no metrics.jsonl (the run did not finish)"), found.warnings());
    }

    @Test
    void aStatisticWithoutDataIsNaN() throws Exception {
        Path dir = root.resolve("r");
        HarnessResults.write(dir, Instant.parse("2026-11-02T02:00:00Z"), "r",
                "{\"schema\":\"puredots-metrics/1\",\"metric\":\"heap.afterGc\",\"unit\":\"bytes\",\"median\":null,"
                        + "\"p95\":null,\"p99\":null,\"mean\":null,\"runs\":3,\"samples\":0}\n\n");
        MetricLine m = ResultsReader.read(List.of(dir)).runs().get(0).metrics().get(0);
        assertTrue(Double.isNaN(m.median()) && Double.isNaN(m.p95()), m.toString());
    }

    @Test
    void refusesWhatItCannotReadNamingFileAndLine() throws IOException {
        assertEquals("cannot read '" + root.resolve("none") + "': no such directory", message(root.resolve("none")));
        assertEquals("no harness results in '" + root
                + "' (results directories of ci/profile.sh hold metrics.jsonl and environment.json)", message(root));

        Path dir = HarnessResults.run(root, 0, "frame.time", 10.0);
        Path metrics = dir.resolve("metrics.jsonl");
        Files.writeString(metrics, HarnessResults.metricLine("frame.time", "ms", 1) + "\n{\"schema\":\"puredots-metrics/1\",");
        assertTrue(message(root).startsWith("cannot read '" + metrics + "' line 2: not JSON: "), message(root));

        Files.writeString(metrics, "{\"schema\":\"puredots-metrics/9\",\"metric\":\"frame.time\"}\n");
        assertEquals("cannot read '" + metrics + "' line 1: schema 'puredots-metrics/9', this version reads"
                + " puredots-metrics/1", message(root));

        Files.writeString(metrics, "{\"schema\":\"puredots-metrics/1\",\"metric\":\"frame.time\",\"median\":\"fast\"}\n");
        assertEquals("cannot read '" + metrics + "' line 1: \"median\" needs a number, got \"fast\"", message(root));

        Files.writeString(metrics, HarnessResults.metricLine("frame.time", "ms", 1) + "\n"
                + HarnessResults.metricLine("frame.time", "ms", 2) + "\n");
        assertEquals("cannot read '" + metrics + "' line 2: metric 'frame.time' again", message(root));

        Files.writeString(metrics, HarnessResults.metricLine("frame.time", "ms", 1) + "\n");
        Path env = dir.resolve("environment.json");
        Files.writeString(env, "{\"time\": \"yesterday\"}");
        assertEquals("cannot read '" + env + "': \"time\" needs an instant such as 2026-12-01T02:00:00Z, got"
                + " 'yesterday'", message(root));
        Files.delete(env);
        assertEquals("cannot read '" + env + "': no such file", message(root));
    }

    private static String message(Path dir) {
        return assertThrows(ResultsException.class, () -> ResultsReader.read(List.of(dir))).getMessage();
    }
}
