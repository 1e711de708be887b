package io.puredots.analyzer.cli;

import io.puredots.analyzer.model.trend.Trend;
import io.puredots.analyzer.output.TrendWriter;
import io.puredots.analyzer.read.results.HarnessRun;
import io.puredots.analyzer.read.results.ResultsException;
import io.puredots.analyzer.read.results.ResultsReader;
import io.puredots.analyzer.stats.EDivisive;
import io.puredots.analyzer.trend.TrendJudge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * {@code jfr-analyzer trend}: parses options, reads the harness results
 * ({@link ResultsReader}), judges them ({@link TrendJudge}), writes the trend and maps it to an
 * exit code. Not thread-safe: picocli makes one instance per command line.
 */
@Command(name = "trend", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Each metric across the runs of ci/profile.sh, oldest first, and the runs at which it shifted.",
        footerHeading = "%n",
        footer = {
            "DIR is a results directory of ci/profile.sh (it holds metrics.jsonl and",
            "environment.json) or a directory of them, such as ci/profiling-results.",
            "Runs are ordered by environment.json's time; a results directory without",
            "metrics.jsonl (a run that failed) is skipped with a warning.",
            "",
            "Change points: E-divisive means (Matteson & James 2014, as in Apache Otava).",
            "The split of a metric's series where the runs before and after differ most in",
            "energy distance is kept when a permutation test (the runs shuffled within",
            "their segment, seeded: the same input gives the same output) finds it",
            "significant; then each part is searched again. A shift shows once at least",
            "--min-runs runs are on each side of it.",
            "",
            "Exit codes: 0 the trend was written; 1 with --fail-on-change, a change point",
            "was found; 2 trouble (bad usage, no results found, an unreadable",
            "metrics.jsonl or environment.json).",
            "",
            "Examples:",
            "  jfr-analyzer trend ci/profiling-results",
            "  jfr-analyzer trend --stat p95 --metric 'system.*' ci/profiling-results",
            "  jfr-analyzer trend --format markdown --last 30 --fail-on-change ci/profiling-results",
            "  jfr-analyzer trend --format html -o trend.html ci/profiling-results"})
final class TrendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "1..*",
            description = "A results directory of ci/profile.sh, or a directory of them.")
    List<Path> dirs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, markdown or html (one self-contained page with a chart per metric). Default: ${DEFAULT-VALUE}.")
    String format;

    @Mixin
    OutputOptions output;

    @Option(names = "--stat", paramLabel = "STAT", defaultValue = "median",
            description = "Which statistic of each run to trend: median, p95, p99 or mean. Default: ${DEFAULT-VALUE}.")
    String stat;

    @Option(names = "--metric", paramLabel = "ID",
            description = "Only this metric (repeatable); a trailing * matches a prefix, e.g. 'system.*'.")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--scenario", paramLabel = "S", description = "Only the runs of this scenario (e.g. soak).")
    String scenario;

    @Option(names = "--last", paramLabel = "N", description = "Only the newest N runs.")
    Integer last;

    @Option(names = "--significance", paramLabel = "P", defaultValue = "0.01",
            description = "Largest p-value of a change point, in (0, 1). Default: ${DEFAULT-VALUE}.")
    double significance;

    @Option(names = "--permutations", paramLabel = "N", defaultValue = "999",
            description = "Permutations of each significance test. Default: ${DEFAULT-VALUE}.")
    int permutations;

    @Option(names = "--min-runs", paramLabel = "N", defaultValue = "3",
            description = "Fewest runs on either side of a change point, at least 2. Default: ${DEFAULT-VALUE}.")
    int minRuns;

    @Option(names = "--min-change", paramLabel = "PCT", defaultValue = "0",
            description = "List only change points that move the metric's mean by at least PCT %%. Default: ${DEFAULT-VALUE}.")
    double minChange;

    @Option(names = "--fail-on-change", description = "Exit 1 when a change point is found.")
    boolean failOnChange;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        TrendWriter writer;
        try {
            writer = TrendWriter.forFormat(format);
        } catch (IllegalArgumentException e) {
            throw new Cli.UserException(e.getMessage());
        }
        TrendJudge.Statistic statistic = statistic();
        EDivisive.Settings settings = settings();
        if (last != null && last < 1) {
            throw new Cli.UserException("--last needs a number >= 1, got " + last);
        }
        output.checkTarget();

        ResultsReader.Found found;
        try {
            found = ResultsReader.read(dirs);
        } catch (ResultsException e) {
            throw new Cli.UserException(e.getMessage(), e);
        }
        List<HarnessRun> runs = new ArrayList<>();
        for (HarnessRun r : found.runs()) {
            if (scenario == null || scenario.equals(r.scenario())) {
                runs.add(r);
            }
        }
        if (runs.isEmpty()) {
            throw new Cli.UserException("no run of scenario '" + scenario + "' among the " + found.runs().size()
                    + " runs found");
        }
        if (last != null && runs.size() > last) {
            runs = runs.subList(runs.size() - last, runs.size());
        }
        Trend trend = TrendJudge.judge(runs, found.warnings(), statistic, metricFilter(), settings, minChange);
        if (trend.metrics().isEmpty()) {
            throw new Cli.UserException("no metric " + (metrics.isEmpty() ? "" : "matching " + metrics + " ")
                    + "in the metrics.jsonl of the " + runs.size() + (runs.size() == 1 ? " run" : " runs"));
        }
        for (String w : trend.warnings()) {
            spec.commandLine().getErr().println("jfr-analyzer trend: warning: " + w);
        }
        if (output.toStdout()) {
            writer.write(trend, spec.commandLine().getOut());
        } else {
            AtomicFileWriter.writeText(output.file(), output.force(), out -> writer.write(trend, out));
        }
        return failOnChange && trend.changePointCount() > 0 ? Cli.VIOLATED : Cli.OK;
    }

    private TrendJudge.Statistic statistic() {
        for (TrendJudge.Statistic s : TrendJudge.Statistic.values()) {
            if (s.id().equals(stat.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new Cli.UserException("--stat needs median, p95, p99 or mean, got '" + stat + "'");
    }

    private EDivisive.Settings settings() {
        if (!(significance > 0 && significance < 1)) {
            throw new Cli.UserException("--significance needs a number between 0 and 1, got " + significance);
        }
        if (permutations < 1) {
            throw new Cli.UserException("--permutations needs a number >= 1, got " + permutations);
        }
        if (minRuns < 2) {
            throw new Cli.UserException("--min-runs needs a number >= 2, got " + minRuns);
        }
        if (!(minChange >= 0)) {
            throw new Cli.UserException("--min-change needs a percentage >= 0, got " + minChange);
        }
        return new EDivisive.Settings(significance, permutations, minRuns, EDivisive.Settings.DEFAULT.seed());
    }

    private Predicate<String> metricFilter() {
        if (metrics.isEmpty()) {
            return m -> true;
        }
        return m -> {
            for (String f : metrics) {
                if (f.endsWith("*") ? m.startsWith(f.substring(0, f.length() - 1)) : m.equals(f)) {
                    return true;
                }
            }
            return false;
        };
    }
}
