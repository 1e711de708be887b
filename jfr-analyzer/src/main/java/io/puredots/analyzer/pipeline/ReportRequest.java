package io.puredots.analyzer.pipeline;

import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.read.source.SourceOptions;
import io.puredots.analyzer.stats.Window;
import io.puredots.budgets.Budgets;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ReportPipeline#run} reads and how: the inputs of one run and every option that
 * changes the {@code Report}. Immutable; start from {@link #of} and change one part at a time.
 *
 * @param inputs        recording files, JFR repository directories or gzip files, read as one run
 *                      in this order; at least one
 * @param budgets       the budgets the statistics and the verdicts are judged against
 * @param window        which frames the statistics cover (time window, warm-up)
 * @param jmc           whether and within which limits JMC's rules run
 * @param sourceOptions how inputs are resolved (decompression limit, temporary directory)
 * @param readOptions   decoder and parallelism; damaged chunks are always skipped (see
 *                      {@link ReportPipeline})
 * @param timeline      whether to build {@link io.puredots.analyzer.model.Report#timeline()}, the
 *                      series for charts (off by default: it costs time and a bounded amount of heap)
 */
public record ReportRequest(List<Path> inputs, Budgets budgets, Window window, JmcOptions jmc,
                            SourceOptions sourceOptions, ReadOptions readOptions, boolean timeline) {

    public ReportRequest {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no inputs");
        }
        Objects.requireNonNull(budgets, "budgets");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(jmc, "jmc");
        Objects.requireNonNull(sourceOptions, "sourceOptions");
        Objects.requireNonNull(readOptions, "readOptions");
    }

    /**
     * {@code inputs} judged against {@code budgets}, with the defaults of {@code jfr-analyzer
     * report}: every frame, JMC's rules within {@link JmcOptions#defaults()}, default source and
     * read options.
     */
    public static ReportRequest of(List<Path> inputs, Budgets budgets) {
        return new ReportRequest(inputs, budgets, Window.ALL, JmcOptions.defaults(), SourceOptions.defaults(),
                ReadOptions.defaults(), false);
    }

    public ReportRequest withWindow(Window w) {
        return new ReportRequest(inputs, budgets, w, jmc, sourceOptions, readOptions, timeline);
    }

    public ReportRequest withJmc(JmcOptions j) {
        return new ReportRequest(inputs, budgets, window, j, sourceOptions, readOptions, timeline);
    }

    public ReportRequest withSourceOptions(SourceOptions s) {
        return new ReportRequest(inputs, budgets, window, jmc, s, readOptions, timeline);
    }

    public ReportRequest withReadOptions(ReadOptions r) {
        return new ReportRequest(inputs, budgets, window, jmc, sourceOptions, r, timeline);
    }

    /** With or without the chart series ({@link io.puredots.analyzer.model.Report#timeline()}). */
    public ReportRequest withTimeline(boolean t) {
        return new ReportRequest(inputs, budgets, window, jmc, sourceOptions, readOptions, t);
    }
}
