package io.puredots.analyzer.output.compare;

import io.puredots.analyzer.model.compare.BudgetComparison;
import io.puredots.analyzer.model.compare.Comparison;
import io.puredots.analyzer.model.compare.MetricComparison;
import io.puredots.analyzer.model.compare.Summary;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The comparison for a terminal: the summary line, the sides and their environments, warnings,
 * one line per metric (worst regression first) and the budgets on both sides. Stateless.
 */
public final class CompareTextWriter implements CompareWriter {

    @Override
    public void write(Comparison c, Writer out) throws IOException {
        out.write(CompareWords.summary(c) + "\n\n");
        out.write("baseline: " + CompareWords.side(c.baseline()) + "\n");
        out.write("          " + CompareWords.environment(c.baseline()) + "\n");
        out.write("current:  " + CompareWords.side(c.current()) + "\n");
        out.write("          " + CompareWords.environment(c.current()) + "\n");
        for (String w : c.warnings()) {
            out.write("warning: " + w + "\n");
        }
        List<MetricComparison> metrics = CompareWords.ordered(c);
        int width = "metric".length();
        for (MetricComparison m : metrics) {
            width = Math.max(width, m.metric().length());
        }
        String row = "%-" + width + "s  %-4s  %-32s  %-32s  %8s  %-18s  %7s  %5s  %s\n";
        out.write("\n" + String.format(java.util.Locale.ROOT, row, "metric", "stat", "baseline median / p95 / p99",
                "current median / p95 / p99", "change", "95% interval", "p", "limit", "verdict"));
        for (MetricComparison m : metrics) {
            String verdict = CompareWords.verdict(m.verdict()) + (m.note().isEmpty() ? "" : " (" + m.note() + ")");
            out.write(String.format(java.util.Locale.ROOT, row, m.metric(), m.statistic(),
                    triple(m.baseline(), m.unit()), triple(m.current(), m.unit()), CompareWords.delta(m.deltaPercent()),
                    CompareWords.interval(m.ciLowPercent(), m.ciHighPercent()), CompareWords.p(m.pValue()),
                    "+" + CompareWords.threshold(m.thresholdPercent()), verdict));
        }
        if (!c.budgets().isEmpty()) {
            out.write("\nbudgets (violated: over budget for more than " + c.streakFrames()
                    + " consecutive frames, or memory above its budget):\n");
            for (BudgetComparison b : c.budgets()) {
                out.write(String.format(java.util.Locale.ROOT, "  %-" + width + "s  baseline %-8s (streak %d)  current %-8s"
                                + " (streak %d)%s\n", b.id(), b.baseline(), b.baselineStreak(), b.current(), b.currentStreak(),
                        b.newlyViolated() ? "  NEWLY VIOLATED" : ""));
            }
        }
        out.flush();
    }

    /** {@code 2.100 / 3.400 / 5.000 ms}, or {@code -} without samples. */
    static String triple(Summary s, String unit) {
        if (s.samples() == 0) {
            return "-";
        }
        String p99 = CompareWords.value(s.p99(), unit);
        if (unit.equals("ms")) {
            return String.format(java.util.Locale.ROOT, "%.3f / %.3f / %s", s.median(), s.p95(), p99);
        }
        return CompareWords.value(s.median(), unit) + " / " + CompareWords.value(s.p95(), unit) + " / " + p99;
    }
}
