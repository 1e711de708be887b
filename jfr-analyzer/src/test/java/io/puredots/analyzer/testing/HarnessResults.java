package io.puredots.analyzer.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * Writes synthetic results directories of {@code ci/profile.sh} for the trend tests: an
 * {@code environment.json} and a {@code metrics.jsonl} in the harness's and {@code baseline
 * --format jsonl}'s formats.
 */
public final class HarnessResults {
    private HarnessResults() {
    }

    /**
     * Writes run {@code i} (0-based, one day apart from 2026-11-01T02:00:00Z, commit
     * {@code c} + i as 6 hex digits) under {@code root} with one metric line per
     * {@code metricAndValue} pair ("frame.time", 10.0, ...): every statistic is that value.
     *
     * @return the results directory
     */
    public static Path run(Path root, int i, Object... metricAndValue) {
        Instant time = Instant.parse("2026-11-01T02:00:00Z").plusSeconds(86_400L * i);
        String shortCommit = String.format(Locale.ROOT, "c%06x", i);
        Path dir = root.resolve(time.toString().substring(0, 10) + "_02-00-00_" + shortCommit);
        StringBuilder metrics = new StringBuilder();
        for (int k = 0; k < metricAndValue.length; k += 2) {
            metrics.append(metricLine((String) metricAndValue[k], "ms", (Double) metricAndValue[k + 1])).append('\n');
        }
        write(dir, time, shortCommit, metrics.toString());
        return dir;
    }

    /** One line of metrics.jsonl whose median, p95, p99 and mean are 1x, 1.2x, 1.5x and 1.25x {@code v}. */
    public static String metricLine(String metric, String unit, double v) {
        return String.format(Locale.ROOT, "{\"schema\":\"puredots-metrics/1\",\"metric\":\"%s\",\"unit\":\"%s\","
                + "\"median\":%s,\"p95\":%s,\"p99\":%s,\"mean\":%s,\"runs\":3,\"samples\":1800}",
                metric, unit, v, v * 1.2, v * 1.5, v * 1.25);
    }

    /** Writes {@code environment.json} (scenario soak) and, unless null, {@code metrics.jsonl}. */
    public static void write(Path dir, Instant time, String shortCommit, String metricsJsonl) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("environment.json"), "{\n  \"schema\": \"puredots-environment/1\",\n"
                    + "  \"time\": \"" + time + "\",\n  \"commit\": \"" + shortCommit + "0123456789abcdef0123456789abcdef\",\n"
                    + "  \"shortCommit\": \"" + shortCommit + "\",\n  \"dirty\": false,\n  \"scenario\": \"soak\",\n"
                    + "  \"gameArgs\": [\"--entities\", \"20000\", \"--ticks\", \"600\", \"--scenario\", \"soak\"]\n}\n",
                    StandardCharsets.UTF_8);
            if (metricsJsonl != null) {
                Files.writeString(dir.resolve("metrics.jsonl"), metricsJsonl, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
