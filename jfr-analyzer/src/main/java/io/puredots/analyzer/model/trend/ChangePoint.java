package io.puredots.analyzer.model.trend;

/**
 * A run at which a metric shifted: from this run on, its values differ in distribution from the
 * runs before (down to the previous change point).
 *
 * @param run           the {@link TrendRun#number()} of the first run after the shift
 * @param before        mean of the metric's values from the previous change point up to this run
 * @param after         mean from this run up to the next change point
 * @param changePercent {@code (after - before) / before * 100}; NaN when {@code before} is 0
 * @param pValue        the permutation test's p-value when the change point was found
 */
public record ChangePoint(int run, double before, double after, double changePercent, double pValue) {
}
