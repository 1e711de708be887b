package io.puredots.analyzer.model.trend;

import java.util.List;

/**
 * Metrics across harness runs, oldest run first, with the change points found in each: what
 * {@code jfr-analyzer trend} writes. Immutable.
 *
 * @param runs         the runs, oldest first
 * @param statistic    which statistic of each run is trended: median, p95, p99 or mean
 * @param method       how the change points were found, as one line (method, level, permutations)
 * @param minChangePercent change points shifting the mean by less than this are not listed, in %
 * @param metrics      in order of first appearance
 * @param warnings     runs skipped and differences between runs, one line each
 */
public record Trend(List<TrendRun> runs, String statistic, String method, double minChangePercent,
                    List<MetricTrend> metrics, List<String> warnings) {
    public Trend {
        runs = List.copyOf(runs);
        metrics = List.copyOf(metrics);
        warnings = List.copyOf(warnings);
    }

    /** Number of change points over all metrics. */
    public int changePointCount() {
        int n = 0;
        for (MetricTrend m : metrics) {
            n += m.changePoints().size();
        }
        return n;
    }
}
