package io.puredots.analyzer.output.compare;

import io.puredots.analyzer.model.compare.BudgetComparison;
import io.puredots.analyzer.model.compare.Comparison;
import io.puredots.analyzer.model.compare.MetricComparison;
import io.puredots.analyzer.model.compare.Side;
import io.puredots.analyzer.model.compare.Verdict;
import io.puredots.analyzer.text.Units;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The words and numbers every compare writer shares: the one-line summary, values with their
 * unit, changes, intervals, p-values, and the order of metrics (worst regression first).
 * Stateless.
 */
final class CompareWords {
    private CompareWords() {
    }

    /**
     * E.g. {@code REGRESSION: 2 metrics regressed, 1 budget newly violated; worst: system.Move.frame
     * +48.2% (threshold 20%)} or {@code No regression: 40 metrics compared, 1 improved, no budget newly violated}.
     */
    static String summary(Comparison c) {
        List<MetricComparison> reg = c.regressions();
        List<BudgetComparison> budgets = c.newlyViolated();
        long compared = c.metrics().stream().filter(m -> m.verdict() != Verdict.NOT_COMPARED).count();
        if (c.regressed()) {
            List<String> parts = new ArrayList<>();
            if (!reg.isEmpty()) {
                parts.add(count(reg.size(), "metric") + " regressed");
            }
            if (!budgets.isEmpty()) {
                parts.add(count(budgets.size(), "budget") + " newly violated");
            }
            String worst = !reg.isEmpty()
                    ? reg.get(0).metric() + " " + reg.get(0).statistic() + " " + delta(reg.get(0).deltaPercent())
                    + " (threshold " + threshold(reg.get(0).thresholdPercent()) + ")"
                    : budgets.get(0).id() + " " + overBudget(budgets.get(0));
            return "REGRESSION: " + String.join(", ", parts) + "; worst: " + worst;
        }
        return "No regression: " + count(compared, "metric") + " compared, " + c.improvements() + " improved, "
                + (c.budgets().isEmpty() ? "no budgets" : "no budget newly violated");
    }

    /** {@code over budget for 9 consecutive frames}, or for memory {@code above its budget}. */
    static String overBudget(BudgetComparison b) {
        return b.currentStreak() > 0 ? "over budget for " + b.currentStreak() + " consecutive frames" : "above its budget";
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** Regressions (largest change first), then other judged changes, then no change, then not compared. */
    static List<MetricComparison> ordered(Comparison c) {
        List<MetricComparison> out = new ArrayList<>(c.metrics());
        out.sort(Comparator.comparingInt((MetricComparison m) -> rank(m.verdict()))
                .thenComparing(m -> Double.isNaN(m.deltaPercent()) ? Double.NEGATIVE_INFINITY : m.deltaPercent(),
                        Comparator.reverseOrder())
                .thenComparing(MetricComparison::metric));
        return out;
    }

    private static int rank(Verdict v) {
        return switch (v) {
            case REGRESSION -> 0;
            case CHANGED -> 1;
            case IMPROVEMENT -> 2;
            case NO_SIGNIFICANT_CHANGE -> 3;
            case NOT_COMPARED -> 4;
        };
    }

    /** A value in its unit: {@code 2.345 ms}, {@code 61.0%}, {@code 3.05 MiB}, {@code 1.20 KiB/entity}. */
    static String value(double v, String unit) {
        return switch (unit) {
            case "ms" -> String.format(Locale.ROOT, "%.3f ms", v);
            case "%" -> String.format(Locale.ROOT, "%.1f%%", v);
            case "B/entity" -> Units.bytes(v) + "/entity";
            default -> Units.bytes(v);
        };
    }

    /** {@code +12.3%}, {@code -4.0%}, or {@code n/a}. */
    static String delta(double percent) {
        return Double.isNaN(percent) ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", percent);
    }

    /** {@code [+8.1%, +15.0%]} or {@code n/a}. */
    static String interval(double low, double high) {
        return Double.isNaN(low) ? "n/a" : "[" + delta(low) + ", " + delta(high) + "]";
    }

    /** {@code 0.0012}, {@code <0.0001}, or {@code n/a}. */
    static String p(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }

    /** {@code 20%}, {@code 12.5%}. */
    static String threshold(double percent) {
        return (percent == Math.rint(percent) ? String.valueOf((long) percent)
                : String.format(Locale.ROOT, "%s", percent)) + "%";
    }

    /** The verdict as words: {@code regression}, {@code no significant change}, ... */
    static String verdict(Verdict v) {
        return v.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** {@code 'a.jfr', 'b.jfr' (2 runs, batches of 1000 frames)}, plus commit and date of a baseline file. */
    static String side(Side s) {
        List<String> quoted = new ArrayList<>();
        s.inputs().forEach(i -> quoted.add("'" + i + "'"));
        String extra = s.commit().isEmpty() ? "" : ", commit " + s.commit();
        extra += s.created().isEmpty() ? "" : ", created " + s.created();
        return String.join(", ", quoted) + " (" + count(s.runs(), "run") + ", batches of " + s.batchFrames()
                + " frames" + extra + ")";
    }

    /** The environment in one line: JDK, cores, GC, max heap, OS. */
    static String environment(Side s) {
        var e = s.environment();
        return "JDK " + orUnknown(e.jdk()) + ", " + (e.cores() == 0 ? "cores unknown" : e.cores() + " cores/"
                + e.hwThreads() + " hardware threads") + ", GC " + orUnknown(e.gc()) + ", max heap "
                + (e.maxHeapBytes() == 0 ? "unknown" : Units.bytes(e.maxHeapBytes())) + ", " + orUnknown(e.os());
    }

    private static String orUnknown(String s) {
        return s.isEmpty() ? "unknown" : s;
    }
}
