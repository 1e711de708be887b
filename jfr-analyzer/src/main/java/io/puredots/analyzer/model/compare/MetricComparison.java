package io.puredots.analyzer.model.compare;

import java.util.Objects;

/**
 * One metric judged: both sides' distributions, the change of the judged statistic with its
 * confidence interval, the test's p-value and the verdict. Immutable.
 *
 * @param metric           metric id
 * @param unit             shown unit of the summaries
 * @param statistic        what is judged: {@code p95} or {@code mean} of each batch, or {@code run} values
 * @param baseline         the baseline's samples; {@link Summary#EMPTY} when the metric is only on one side
 * @param current          the current side's samples
 * @param deltaPercent     change of the median judged statistic, current against baseline, in %
 *                         ({@code NaN} when a side lacks the metric)
 * @param ciLowPercent     lower end of the 95% bootstrap interval of {@code deltaPercent}
 * @param ciHighPercent    upper end
 * @param pValue           two-sided Mann-Whitney U p-value over the batch (or run) values; {@code NaN}
 *                         when there are too few to test
 * @param thresholdPercent the smallest change that counts (minimum effect size)
 * @param baselineUnits    batch (or run) values on the baseline side
 * @param currentUnits     on the current side
 * @param verdict          the judgement
 * @param note             why, when not plain (too few batches, only on one side), else ""
 */
public record MetricComparison(String metric, String unit, String statistic, Summary baseline, Summary current,
                               double deltaPercent, double ciLowPercent, double ciHighPercent, double pValue,
                               double thresholdPercent, int baselineUnits, int currentUnits, Verdict verdict,
                               String note) {

    public MetricComparison {
        Objects.requireNonNull(metric);
        Objects.requireNonNull(verdict);
        Objects.requireNonNull(note);
    }
}
