package io.puredots.analyzer.cli;

import io.puredots.analyzer.compare.RegressionJudge;
import io.puredots.analyzer.model.compare.Comparison;
import io.puredots.analyzer.model.compare.Side;
import io.puredots.analyzer.model.compare.Verdict;
import io.puredots.analyzer.output.compare.CompareWriter;
import io.puredots.analyzer.read.ReadProgress;
import io.puredots.budgets.Budgets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.Callable;

/**
 * {@code jfr-analyzer compare}: reads a baseline side and a current side (each a baseline file,
 * or recordings of repeated runs), judges the current side ({@link RegressionJudge}), writes the
 * comparison in the chosen format and maps the verdict to an exit code. Not thread-safe: picocli
 * makes one instance per command line.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = WarmupAuto.class,
        description = "Compare runs against a baseline: frame, group, system, job and memory metrics; exit 1 on a"
                + " regression.",
        footerHeading = "%n",
        footer = {
            "Each side is a baseline file (written by jfr-analyzer baseline) or one or more",
            "recordings, each one run of the same build. Two arguments compare one",
            "against the other; --baseline and --current take several each.",
            "",
            "Metrics: frame.time; group.<G>.frame/.call and system.<S>.frame/.call;",
            "main.wait and workers.utilization (reported, never a regression);",
            "memory.native.peak, memory.native.per-entity, memory.heap.after-gc.",
            "",
            "Method: the selected frames (warm-up excluded: --warmup auto is the MSER-5",
            "of report --help) are cut into batches of --batch-frames ticks; the unit",
            "is each batch's frame-time p95 and each batch's median of a group's or a",
            "system's time, so autocorrelated frames count once per batch, not once per",
            "frame. The change is that of the median batch value, with a 95%%",
            "bootstrap interval (runs, then batches within runs, resampled when both",
            "sides have two runs or more). A regression is a change at or above the",
            "metric's threshold that is significant: at least 5 batches a side,",
            "Mann-Whitney U p < 0.01 over the batches, and an interval that excludes 0",
            "with 3 runs a side or more; with fewer, an interval wholly beyond the",
            "threshold (runs of one build differ by more than their batches vary, and",
            "one or two runs cannot show by how much). A time change must also be at",
            "least 0.05 ms. Memory metrics have one value per run and are judged on",
            "the threshold and the interval over runs.",
            "Thresholds: regression.<metric> = N%% in the budget file (regression.frame.p95",
            "names frame.time); defaults: frame time +20%%, a group or a system +10%%,",
            "memory +30%%. A budget violated now",
            "and not in the baseline (a time budget for more than streak.frames",
            "consecutive frames) is a regression too.",
            "",
            "Different environments (JDK, cores, GC, max heap) are a warning in every",
            "output; --strict-env refuses them (exit 2).",
            "",
            "Exit codes: 0 no regression; 1 a regression; 2 trouble (bad usage,",
            "unreadable input, a baseline of another schema, a window outside a",
            "recording, nothing to compare: a recording without the game's events or",
            "frames, or no metric with enough data on both sides; --allow-no-data",
            "accepts these with exit 0).",
            "",
            "Examples:",
            "  jfr-analyzer compare ci/baselines/soak.json current.jfr",
            "  jfr-analyzer compare --baseline a1.jfr a2.jfr a3.jfr --current b1.jfr b2.jfr b3.jfr",
            "  jfr-analyzer compare --format markdown -o comment.md baseline.json run.jfr",
            "  jfr-analyzer compare --format junit -o TEST-compare.xml baseline.json run.jfr",
            "  jfr-analyzer compare --format html -o compare.html baseline.json run.jfr"})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "BASELINE CURRENT", arity = "0..2",
            description = "The baseline and the current run: each a baseline file or a recording.")
    List<Path> positional;

    @Option(names = "--baseline", paramLabel = "FILE", arity = "1..*",
            description = "The baseline side: one baseline file, or recordings (each one run).")
    List<Path> baseline;

    @Option(names = "--current", paramLabel = "FILE", arity = "1..*",
            description = "The current side: recordings (each one run), or one baseline file.")
    List<Path> current;

    @Mixin
    BudgetsOption budgets;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, markdown, junit or html (one self-contained page with charts). Default: ${DEFAULT-VALUE}.")
    String format;

    @Mixin
    OutputOptions output;

    @Mixin
    WindowOptions window;

    @Option(names = "--batch-frames", paramLabel = "N", defaultValue = "1000",
            description = "Frames per batch when both sides are recordings; with a baseline file, the baseline's."
                    + " Default: ${DEFAULT-VALUE}.")
    int batchFrames;

    @Option(names = "--strict-env",
            description = "Exit 2 when the two sides' environments differ (JDK, cores, GC, max heap).")
    boolean strictEnv;

    @Option(names = "--allow-no-data",
            description = "Exit 0, not 2, when there is nothing to compare (no game events, no frames, or too few"
                    + " batches of frame time on a side to judge it).")
    boolean allowNoData;

    @Mixin
    ProgressOption progress;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        CompareWriter writer = writer();
        List<Path> base;
        List<Path> cur;
        boolean positionalForm = positional != null && !positional.isEmpty();
        if (positionalForm && (baseline != null || current != null) || !positionalForm && (baseline == null
                || current == null) || positionalForm && positional.size() != 2) {
            throw new Cli.UserException("needs BASELINE CURRENT, or --baseline FILE... --current FILE...");
        }
        base = positionalForm ? List.of(positional.get(0)) : baseline;
        cur = positionalForm ? List.of(positional.get(1)) : current;
        if (batchFrames < 1) {
            throw new Cli.UserException("--batch-frames needs a number >= 1, got " + batchFrames);
        }
        Budgets b = budgets.budgets();
        output.checkTarget();
        PrintWriter err = spec.commandLine().getErr();
        List<String> inputWarnings = new ArrayList<>();
        Function<Path, ReadProgress> reading = p -> progress.reading(err, "compare", p);
        SideReader.Options options = new SideReader.Options(b, window.window(), batchFrames, allowNoData, reading);
        Side baseSide = SideReader.side("baseline", base, options, w -> warn(err, inputWarnings, w));
        // the current runs are cut into the baseline's batches
        SideReader.Options currentOptions = new SideReader.Options(b, window.window(), baseSide.batchFrames(),
                allowNoData, reading);
        Side curSide = SideReader.side("current", cur, currentOptions, w -> warn(err, inputWarnings, w));
        if (baseSide.batchFrames() != curSide.batchFrames()) {
            inputWarnings.add("the sides have different batch lengths (" + baseSide.batchFrames() + " and "
                    + curSide.batchFrames() + " frames); batch statistics are not quite comparable");
        }
        List<String> env = baseSide.environment().differences(curSide.environment());
        if (strictEnv && !env.isEmpty()) {
            throw new Cli.UserException("the environments differ (baseline vs current): " + String.join("; ", env)
                    + "; drop --strict-env to compare anyway");
        }
        Comparison judged = RegressionJudge.judge(baseSide, curSide, b);
        List<String> warnings = new ArrayList<>(judged.warnings());
        warnings.addAll(inputWarnings);
        Comparison c = new Comparison(judged.baseline(), judged.current(), judged.metrics(), judged.budgets(),
                judged.streakFrames(), warnings);
        for (String w : judged.warnings()) {
            err.println("jfr-analyzer compare: warning: " + w);
        }
        if (output.toStdout()) {
            writer.write(c, spec.commandLine().getOut());
        } else {
            AtomicFileWriter.writeText(output.file(), output.force(), out -> writer.write(c, out));
        }
        if (!frameTimeJudged(c) && !allowNoData) {
            spec.commandLine().getOut().flush();
            throw new Cli.UserException("nothing to compare: frame.time has fewer than " + RegressionJudge.MIN_BATCHES
                    + " batches of " + curSide.batchFrames() + " frames on a side, and a gate that cannot judge the"
                    + " frame time does not pass; record longer runs, pass a smaller --batch-frames, or pass"
                    + " --allow-no-data to accept it");
        }
        return c.regressed() ? Cli.VIOLATED : Cli.OK;
    }

    private static void warn(PrintWriter err, List<String> warnings, String w) {
        err.println("jfr-analyzer compare: warning: " + w);
        warnings.add(w);
    }

    /** Whether the frame time, the metric every game has, was judged: without it the gate judged too little. */
    private static boolean frameTimeJudged(Comparison c) {
        return c.metrics().stream().anyMatch(m -> m.metric().equals("frame.time") && m.verdict() != Verdict.NOT_COMPARED);
    }

    private CompareWriter writer() {
        try {
            return CompareWriter.forFormat(format);
        } catch (IllegalArgumentException e) {
            throw new Cli.UserException(e.getMessage());
        }
    }
}
