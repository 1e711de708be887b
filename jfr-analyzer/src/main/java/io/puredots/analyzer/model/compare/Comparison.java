package io.puredots.analyzer.model.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Two sides judged: what {@code jfr-analyzer compare} says, the one value every compare writer
 * reads. Immutable.
 *
 * @param baseline     the baseline side
 * @param current      the current side
 * @param metrics      every metric on either side, in the current side's order, then baseline-only ones
 * @param budgets      every budget on either side
 * @param streakFrames the streak a newly violated time budget exceeds
 * @param warnings     one line each: different environments, few batches, damaged input
 */
public record Comparison(Side baseline, Side current, List<MetricComparison> metrics, List<BudgetComparison> budgets,
                         int streakFrames, List<String> warnings) {

    public Comparison {
        metrics = List.copyOf(metrics);
        budgets = List.copyOf(budgets);
        warnings = List.copyOf(warnings);
    }

    /** The metrics judged a regression, worst (largest change) first. */
    public List<MetricComparison> regressions() {
        List<MetricComparison> out = new ArrayList<>();
        for (MetricComparison m : metrics) {
            if (m.verdict() == Verdict.REGRESSION) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparingDouble(MetricComparison::deltaPercent).reversed());
        return out;
    }

    /** The budgets violated now and not in the baseline. */
    public List<BudgetComparison> newlyViolated() {
        return budgets.stream().filter(BudgetComparison::newlyViolated).toList();
    }

    /** Whether anything regressed: a metric or a newly violated budget (exit code 1). */
    public boolean regressed() {
        return !regressions().isEmpty() || !newlyViolated().isEmpty();
    }

    /** Metrics judged an improvement. */
    public long improvements() {
        return metrics.stream().filter(m -> m.verdict() == Verdict.IMPROVEMENT).count();
    }
}
