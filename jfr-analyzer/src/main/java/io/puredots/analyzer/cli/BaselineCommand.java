package io.puredots.analyzer.cli;

import io.puredots.analyzer.model.compare.Side;
import io.puredots.analyzer.output.compare.BaselineJson;
import io.puredots.analyzer.output.compare.MetricsJsonl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code jfr-analyzer baseline}: reads recordings of repeated runs (each file one run) and writes
 * what {@code compare} needs of them as a baseline file, or as {@code puredots-metrics/1} lines.
 * Not thread-safe: picocli makes one instance per command line.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = WarmupAuto.class,
        description = "Write a baseline of one or more runs (one recording each) for compare, or their metrics as"
                + " JSON lines.",
        footerHeading = "%n",
        footer = {
            "The baseline (JSON, \"schema\": \"puredots-baseline/1\") holds the commit, the",
            "time, the environment (JDK, cores, GC, max heap, OS, from the recording's",
            "JDK events), each budget's verdict per run, and per metric each run's batch",
            "statistics and an HdrHistogram of its samples (compressed), not the frames.",
            "Warm-up is excluded (--warmup auto: the MSER-5 of report --help).",
            "",
            "--format jsonl writes one line per metric instead:",
            "  {\"schema\":\"puredots-metrics/1\",\"metric\":\"frame.time\",\"unit\":\"ms\",",
            "   \"median\":..,\"p95\":..,\"p99\":..,\"mean\":..,\"runs\":R,\"samples\":N}",
            "",
            "Exit codes: 0 written; 2 trouble (bad usage, unreadable input, a window",
            "outside a recording, nothing to compare: a recording without the game's",
            "events or frames, unless --allow-no-data).",
            "",
            "Examples:",
            "  jfr-analyzer baseline -o ci/baselines/soak.json run-1.jfr run-2.jfr run-3.jfr",
            "  jfr-analyzer baseline --format jsonl -o metrics.jsonl run-1.jfr run-2.jfr"})
final class BaselineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RECORDING", arity = "1..*",
            description = "Recordings (or JFR repository directories), each one run of the same build.")
    List<Path> recordings;

    @Mixin
    BudgetsOption budgets;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json (the baseline file) or jsonl (one puredots-metrics/1 line per metric)."
                    + " Default: ${DEFAULT-VALUE}.")
    String format;

    @Mixin
    OutputOptions output;

    @Mixin
    WindowOptions window;

    @Option(names = "--batch-frames", paramLabel = "N", defaultValue = "1000",
            description = "Frames per batch of the batch statistics (compare uses the baseline's)."
                    + " Default: ${DEFAULT-VALUE}.")
    int batchFrames;

    @Option(names = "--commit", paramLabel = "ID",
            description = "The commit the runs were built from. Default: git rev-parse HEAD in the current"
                    + " directory, if it is a git work tree; else none.")
    String commit;

    @Option(names = "--allow-no-data",
            description = "Accept a recording without the game's events or frames (its metrics are left out).")
    boolean allowNoData;

    @Mixin
    ProgressOption progress;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("json") && !format.equals("jsonl")) {
            throw new Cli.UserException("--format needs json or jsonl, got '" + format + "'");
        }
        if (batchFrames < 1) {
            throw new Cli.UserException("--batch-frames needs a number >= 1, got " + batchFrames);
        }
        SideReader.Options options = new SideReader.Options(budgets.budgets(), window.window(), batchFrames,
                allowNoData, p -> progress.reading(spec.commandLine().getErr(), "baseline", p));
        output.checkTarget();
        String created = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Side side = SideReader.recordings(recordings, options, commit == null ? gitHead() : commit, created,
                w -> spec.commandLine().getErr().println("jfr-analyzer baseline: warning: " + w));
        for (String n : side.envNotes()) {
            spec.commandLine().getErr().println("jfr-analyzer baseline: warning: the runs' environments differ: " + n);
        }
        AtomicFileWriter.TextContent content = out -> write(side, out);
        if (output.toStdout()) {
            content.writeTo(spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
        } else {
            AtomicFileWriter.writeText(output.file(), output.force(), content);
        }
        return Cli.OK;
    }

    private void write(Side side, Writer out) throws IOException {
        if (format.equals("jsonl")) {
            MetricsJsonl.write(side, out);
        } else {
            BaselineJson.write(side, out);
        }
    }

    /** {@code git rev-parse HEAD} in the current directory, or "" when git or a work tree is not there. */
    static String gitHead() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readNBytes(200), StandardCharsets.UTF_8).strip();
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return p.exitValue() == 0 && out.matches("[0-9a-f]{7,64}") ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
