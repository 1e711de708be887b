package io.puredots.analyzer.model.trend;

import java.util.List;

/**
 * One metric across the runs of a {@link Trend}.
 *
 * @param metric       dotted id, e.g. {@code frame.time}
 * @param unit         unit of the values, e.g. {@code ms}
 * @param values       the statistic of each run, indexed like {@link Trend#runs()}; NaN where the
 *                     run has no value (the metric did not exist yet, or had no data)
 * @param changePoints in run order
 */
public record MetricTrend(String metric, String unit, List<Double> values, List<ChangePoint> changePoints) {
    public MetricTrend {
        values = List.copyOf(values);
        changePoints = List.copyOf(changePoints);
    }
}
