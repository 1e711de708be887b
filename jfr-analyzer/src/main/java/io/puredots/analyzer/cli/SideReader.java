package io.puredots.analyzer.cli;

import io.puredots.analyzer.compare.SideBuilder;
import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.compare.Side;
import io.puredots.analyzer.output.compare.BaselineJson;
import io.puredots.analyzer.pipeline.JmcOptions;
import io.puredots.analyzer.pipeline.ReportPipeline;
import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.read.ReadProgress;
import io.puredots.analyzer.pipeline.ReportRequest;
import io.puredots.analyzer.stats.Window;
import io.puredots.budgets.Budgets;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Consumer;

/**
 * Reads one side of a comparison as the user gave it: a baseline file, or recordings of which
 * each is one run, read through the report pipeline (one pass each: statistics, budgets, batch
 * statistics; no JMC rules). Applies the gate rules to each run: a run without the game's events
 * or without a frame in the window is "nothing to compare" (exit 2) unless {@code allowNoData}.
 * Stateless.
 */
final class SideReader {
    private SideReader() {
    }

    /**
     * How a side is read: budgets, window, batch length, whether a run without frames is accepted,
     * and what tells the reading of each recording (see {@link ProgressOption#reading}).
     */
    record Options(Budgets budgets, Window window, int batchFrames, boolean allowNoData,
                   Function<Path, ReadProgress> progress) {
    }

    /** Whether {@code path} is a baseline file (a regular file starting with '{'), not a recording. */
    static boolean isBaseline(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(path)) {
            int b;
            do {
                b = in.read();
            } while (b == ' ' || b == '\n' || b == '\r' || b == '\t');
            return b == '{';
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A baseline file.
     *
     * @throws Cli.UserException missing, unreadable, not a baseline, or another schema
     */
    static Side baseline(Path path) {
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return BaselineJson.read(path.toString(), r);
        } catch (NoSuchFileException e) {
            throw new Cli.UserException("cannot read '" + path + "': no such file", e);
        } catch (IOException e) {
            throw new Cli.UserException("cannot read '" + path + "': " + e.getMessage(), e);
        } catch (BaselineJson.BadBaselineException e) {
            throw new Cli.UserException(e.getMessage(), e);
        }
    }

    /**
     * The side made of {@code recordings}, each one run, in order.
     *
     * @param warn receives each run's input warnings, one line each, naming the run
     * @throws Cli.UserException unreadable input, an empty window, or nothing to compare
     */
    static Side recordings(List<Path> recordings, Options o, String commit, String created, Consumer<String> warn) {
        List<SideBuilder.Run> runs = new ArrayList<>();
        for (Path p : recordings) {
            ReportRequest request = ReportRequest.of(List.of(p), o.budgets()).withWindow(o.window())
                    .withJmc(JmcOptions.OFF)
                    .withReadOptions(ReadOptions.defaults().withProgress(o.progress().apply(p)));
            ReportPipeline.SampledRun run = Cli.sampled(request, o.batchFrames());
            Report report = run.report();
            for (String w : report.warnings()) {
                warn.accept("'" + p + "': " + w);
            }
            if (report.frames() == null && !o.allowNoData()) {
                throw new Cli.UserException(nothingToCompare(p, report, o.window()));
            }
            runs.add(new SideBuilder.Run(p.toString(), run));
        }
        return SideBuilder.build(runs, o.batchFrames(), commit, created);
    }

    /** One side given as paths: one baseline file, or recordings. */
    static Side side(String which, List<Path> paths, Options o, Consumer<String> warn) {
        List<Path> baselines = paths.stream().filter(SideReader::isBaseline).toList();
        if (!baselines.isEmpty()) {
            if (paths.size() > 1) {
                throw new Cli.UserException("the " + which + " side is one baseline file or recordings, not both or"
                        + " several baselines: " + quoted(paths));
            }
            return baseline(paths.get(0));
        }
        return recordings(paths, o, "", "", warn);
    }

    /** Why a run gives nothing to compare, and what to do. */
    static String nothingToCompare(Path p, Report report, Window window) {
        if (!report.gameEvents()) {
            return "nothing to compare: no puredots events in '" + p + "'; record the game with "
                    + GateMessages.RECORD_WITH + ", or pass --allow-no-data to compare what there is";
        }
        return "nothing to compare: no frame in the selection of '" + p + "'" + window(window)
                + "; widen the window, or pass --allow-no-data to compare what there is";
    }

    private static String window(Window w) {
        List<String> parts = new ArrayList<>();
        if (w.from() != null) {
            parts.add("--from " + GateMessages.time(w.from()));
        }
        if (w.to() != null) {
            parts.add("--to " + GateMessages.time(w.to()));
        }
        if (w.autoWarmup()) {
            parts.add("--warmup auto");
        } else if (w.warmupTicks() > 0) {
            parts.add("--warmup " + w.warmupTicks());
        }
        return parts.isEmpty() ? "" : " (" + String.join(" ", parts) + ")";
    }

    static String quoted(List<Path> paths) {
        List<String> q = new ArrayList<>();
        paths.forEach(p -> q.add("'" + p + "'"));
        return String.join(", ", q);
    }
}
