package io.puredots.analyzer.read.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds and reads the results directories of {@code ci/profile.sh}: a directory holding
 * {@code metrics.jsonl} or {@code environment.json} is one run; any other directory given is
 * searched one level down for such directories. Runs come back oldest first (by
 * {@code environment.json}'s {@code time}, then directory name).
 *
 * <p>A results directory without {@code metrics.jsonl} (a run that failed before writing it) is
 * skipped with a warning. Everything else that cannot be read fails the whole read with a
 * {@link ResultsException}: no results at all, a missing or malformed {@code environment.json},
 * a line of {@code metrics.jsonl} that is not a metric of schema {@value #METRICS_SCHEMA}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ResultsReader {
    /** The schema of each line of {@code metrics.jsonl}. */
    public static final String METRICS_SCHEMA = "puredots-metrics/1";
    /** The schema of {@code environment.json}. */
    public static final String ENVIRONMENT_SCHEMA = "puredots-environment/1";
    static final String METRICS = "metrics.jsonl";
    static final String ENVIRONMENT = "environment.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The runs found, oldest first, and one line per results directory skipped. */
    public record Found(List<HarnessRun> runs, List<String> warnings) {
        public Found {
            runs = List.copyOf(runs);
            warnings = List.copyOf(warnings);
        }
    }

    private ResultsReader() {
    }

    /**
     * Reads every run under {@code roots} (each a results directory or a directory of them).
     *
     * @throws ResultsException nothing found, or a file that cannot be read; the message names it
     */
    public static Found read(List<Path> roots) throws ResultsException {
        List<Path> dirs = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new ResultsException("cannot read '" + root + "': "
                        + (Files.exists(root) ? "not a directory" : "no such directory"));
            }
            if (isRun(root)) {
                dirs.add(root);
                continue;
            }
            try (Stream<Path> children = Files.list(root)) {
                children.filter(Files::isDirectory).filter(ResultsReader::isRun).sorted().forEach(dirs::add);
            } catch (IOException e) {
                throw new ResultsException("cannot read '" + root + "': " + e.getMessage(), e);
            }
        }
        if (dirs.isEmpty()) {
            throw new ResultsException("no harness results in " + names(roots)
                    + " (results directories of ci/profile.sh hold metrics.jsonl and environment.json)");
        }
        List<HarnessRun> runs = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isRegularFile(dir.resolve(METRICS))) {
                warnings.add("skipped '" + dir + "': no " + METRICS + " (the run did not finish)");
                continue;
            }
            runs.add(readRun(dir));
        }
        if (runs.isEmpty()) {
            throw new ResultsException("no finished harness run in " + names(roots) + ": no results directory has "
                    + METRICS);
        }
        runs.sort(Comparator.comparing(HarnessRun::time).thenComparing(r -> r.dir().toString()));
        return new Found(runs, warnings);
    }

    private static boolean isRun(Path dir) {
        return Files.isRegularFile(dir.resolve(METRICS)) || Files.isRegularFile(dir.resolve(ENVIRONMENT));
    }

    /** One results directory; it has {@code metrics.jsonl}. */
    static HarnessRun readRun(Path dir) throws ResultsException {
        Path envFile = dir.resolve(ENVIRONMENT);
        JsonNode env;
        try {
            env = MAPPER.readTree(envFile.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new ResultsException("cannot read '" + envFile + "': no such file", e);
        } catch (JsonProcessingException e) {
            throw new ResultsException("cannot read '" + envFile + "': not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ResultsException("cannot read '" + envFile + "': " + e.getMessage(), e);
        }
        if (env == null || !env.isObject()) {
            throw new ResultsException("cannot read '" + envFile + "': not a JSON object");
        }
        String schema = env.path("schema").asText(ENVIRONMENT_SCHEMA);
        if (!schema.equals(ENVIRONMENT_SCHEMA)) {
            throw new ResultsException("cannot read '" + envFile + "': schema '" + schema + "', this version reads "
                    + ENVIRONMENT_SCHEMA);
        }
        Instant time;
        try {
            time = Instant.parse(env.path("time").asText(""));
        } catch (DateTimeParseException e) {
            throw new ResultsException("cannot read '" + envFile + "': \"time\" needs an instant such as"
                    + " 2026-12-01T02:00:00Z, got '" + env.path("time").asText("") + "'", e);
        }
        List<String> gameArgs = new ArrayList<>();
        env.path("gameArgs").forEach(a -> gameArgs.add(a.asText()));
        return new HarnessRun(dir, time, env.path("commit").asText("unknown"),
                env.path("shortCommit").asText("unknown"), env.path("dirty").asBoolean(false),
                env.path("scenario").asText(""), gameArgs, readMetrics(dir.resolve(METRICS)));
    }

    /** Every metric line of {@code file}; blank lines are skipped. */
    static List<MetricLine> readMetrics(Path file) throws ResultsException {
        List<MetricLine> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                MetricLine m = metric(file, number, line);
                if (!seen.add(m.metric())) {
                    throw new ResultsException("cannot read '" + file + "' line " + number + ": metric '" + m.metric()
                            + "' again");
                }
                lines.add(m);
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ResultsException("cannot read '" + file + "': not UTF-8 text", e);
        } catch (IOException e) {
            throw new ResultsException("cannot read '" + file + "': " + e.getMessage(), e);
        }
        return lines;
    }

    private static MetricLine metric(Path file, int number, String line) throws ResultsException {
        String where = "cannot read '" + file + "' line " + number + ": ";
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new ResultsException(where + "not JSON: " + e.getOriginalMessage(), e);
        }
        if (n == null || !n.isObject()) {
            throw new ResultsException(where + "not a JSON object");
        }
        String schema = n.path("schema").asText("");
        if (!schema.equals(METRICS_SCHEMA)) {
            throw new ResultsException(where + "schema '" + schema + "', this version reads " + METRICS_SCHEMA);
        }
        if (!n.path("metric").isTextual() || n.path("metric").asText().isEmpty()) {
            throw new ResultsException(where + "no \"metric\" name");
        }
        return new MetricLine(n.get("metric").asText(), n.path("unit").asText(""),
                number(n, "median", where), number(n, "p95", where), number(n, "p99", where),
                number(n, "mean", where), n.path("runs").asLong(0), n.path("samples").asLong(0));
    }

    /** The number under {@code key}; NaN when it is absent or null (no data for that statistic). */
    private static double number(JsonNode n, String key, String where) throws ResultsException {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new ResultsException(where + "\"" + key + "\" needs a number, got " + (v == null ? "nothing" : v));
        }
        return v.asDouble();
    }

    private static String names(List<Path> roots) {
        StringBuilder b = new StringBuilder();
        for (Path p : roots) {
            b.append(b.length() == 0 ? "" : ", ").append('\'').append(p).append('\'');
        }
        return b.toString();
    }
}
