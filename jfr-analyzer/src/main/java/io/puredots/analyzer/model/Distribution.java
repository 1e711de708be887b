package io.puredots.analyzer.model;

/**
 * Summary of one series of values (nanoseconds, bytes or counts, as the field using it says).
 * Immutable.
 *
 * <p>{@code count}, {@code sum}, {@code min}, {@code max} and {@code mean} are exact.
 * Percentiles come from an HdrHistogram with 3 significant decimal digits: nearest rank (the
 * smallest recorded value such that at least p% of the values are at or below it), reported as
 * the highest value equivalent to it at that precision and capped at the exact {@code max}; so
 * a percentile is at most 0.1% above the exact nearest-rank value and never below it.
 * An empty series has count 0 and every other field 0.
 */
public record Distribution(long count, long sum, long min, double mean, long p50, long p90, long p95, long p99,
                           long p999, long max) {

    /** The empty series. */
    public static final Distribution EMPTY = new Distribution(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
