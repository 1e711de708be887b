package io.puredots.analyzer.model.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One metric on one side of a comparison, over all its runs. Immutable.
 *
 * @param metric    metric id (see {@link MetricKind})
 * @param runs      per run, the judged statistic of each batch (one value for a per-run metric),
 *                  in the kind's base unit; runs without the metric are left out
 * @param histogram every sample of every run, HdrHistogram compressed and base64; "" when none
 * @param summary   the samples' distribution, in the shown unit
 */
public record SideMetric(String metric, List<double[]> runs, String histogram, Summary summary) {

    public SideMetric {
        Objects.requireNonNull(metric);
        Objects.requireNonNull(histogram);
        Objects.requireNonNull(summary);
        List<double[]> copy = new ArrayList<>();
        for (double[] r : runs) {
            copy.add(r.clone());
        }
        runs = List.copyOf(copy);
    }

    public MetricKind kind() {
        return MetricKind.of(metric);
    }

    /** Batch (or run) values over all runs. */
    public int units() {
        int n = 0;
        for (double[] r : runs) {
            n += r.length;
        }
        return n;
    }
}
