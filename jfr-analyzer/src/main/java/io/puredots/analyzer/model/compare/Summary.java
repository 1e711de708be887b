package io.puredots.analyzer.model.compare;

/**
 * One side's distribution of a metric's samples, in the metric's shown unit (ms, %, bytes): every
 * frame or call for a time metric (from its histogram, 3 significant digits), the batch values of
 * a utilization, the runs' values of a memory metric. Immutable.
 *
 * @param samples how many values it summarises
 */
public record Summary(long samples, double mean, double median, double p95, double p99) {
    /** No values. */
    public static final Summary EMPTY = new Summary(0, 0, 0, 0, 0);
}
