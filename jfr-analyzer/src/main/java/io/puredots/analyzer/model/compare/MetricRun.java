package io.puredots.analyzer.model.compare;

import java.util.Objects;

/**
 * One metric of one run, as the regression test needs it: the statistic of each batch of frames
 * (or the run's single value for a per-run metric such as a memory peak) and the distribution of
 * every sample. Immutable (the array is copied in and out).
 *
 * @param metric    metric id, e.g. {@code frame.time}, {@code system.MoveSystem.call}
 * @param batches   the judged statistic ({@link MetricKind#statistic(String)}) of each batch in run
 *                  order, in the kind's base unit (ns, fraction, bytes); one value for a per-run metric
 * @param histogram every sample as an HdrHistogram in its compressed encoding, base64, in the
 *                  base unit; "" when the metric keeps none (per-run and ratio metrics)
 * @param samples   samples behind the values: frames, calls, or 1 for a per-run value
 */
public record MetricRun(String metric, double[] batches, String histogram, long samples) {

    public MetricRun {
        Objects.requireNonNull(metric);
        Objects.requireNonNull(histogram);
        batches = batches.clone();
    }

    @Override
    public double[] batches() {
        return batches.clone();
    }

    /** The kind of this metric, from its id. */
    public MetricKind kind() {
        return MetricKind.of(metric);
    }
}
