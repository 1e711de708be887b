package io.puredots.analyzer.read.results;

/**
 * One line of a harness run's {@code metrics.jsonl} ({@code "schema": "puredots-metrics/1"}):
 * statistics of one metric over the run's recordings, as {@code jfr-analyzer baseline --format
 * jsonl} writes them.
 *
 * <p>A statistic without data (absent or null in the file) is NaN.
 *
 * @param metric  dotted id, e.g. {@code frame.time}, {@code system.MoveSystem.call}
 * @param unit    unit of the values, e.g. {@code ms}, {@code bytes}
 * @param runs    recordings (separate runs of the game) the statistics cover
 * @param samples values the statistics cover (frames, calls, ...)
 */
public record MetricLine(String metric, String unit, double median, double p95, double p99, double mean,
                         long runs, long samples) {
}
