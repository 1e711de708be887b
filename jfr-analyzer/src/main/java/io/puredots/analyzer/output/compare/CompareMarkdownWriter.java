package io.puredots.analyzer.output.compare;

import io.puredots.analyzer.model.compare.BudgetComparison;
import io.puredots.analyzer.model.compare.Comparison;
import io.puredots.analyzer.model.compare.MetricComparison;

import java.io.IOException;
import java.io.Writer;

/**
 * The comparison as GitHub-flavoured Markdown, for a pull-request comment or a step summary: the
 * one-line summary on top, warnings, then one table row per metric, worst regression first, and
 * the budgets on both sides. Stateless.
 */
public final class CompareMarkdownWriter implements CompareWriter {

    @Override
    public void write(Comparison c, Writer out) throws IOException {
        out.write("**" + esc(CompareWords.summary(c)) + "**\n\n");
        for (String w : c.warnings()) {
            out.write("> **Warning:** " + esc(w) + "\n");
        }
        if (!c.warnings().isEmpty()) {
            out.write("\n");
        }
        out.write("Baseline: " + esc(CompareWords.side(c.baseline())) + "; " + esc(CompareWords.environment(c.baseline()))
                + "  \n");
        out.write("Current: " + esc(CompareWords.side(c.current())) + "; " + esc(CompareWords.environment(c.current()))
                + "\n\n");
        out.write("| Metric | Verdict | Change | 95% interval | p | Threshold | Baseline median / p95 / p99"
                + " | Current median / p95 / p99 |\n");
        out.write("|---|---|---:|---|---:|---:|---:|---:|\n");
        for (MetricComparison m : CompareWords.ordered(c)) {
            String verdict = CompareWords.verdict(m.verdict());
            if (m.verdict() == io.puredots.analyzer.model.compare.Verdict.REGRESSION) {
                verdict = "**" + verdict + "**";
            }
            if (!m.note().isEmpty()) {
                verdict += " (" + esc(m.note()) + ")";
            }
            out.write("| " + code(m.metric()) + " " + m.statistic() + " | " + verdict + " | "
                    + CompareWords.delta(m.deltaPercent()) + " | " + CompareWords.interval(m.ciLowPercent(), m.ciHighPercent())
                    + " | " + CompareWords.p(m.pValue()) + " | +" + CompareWords.threshold(m.thresholdPercent()) + " | "
                    + CompareTextWriter.triple(m.baseline(), m.unit()) + " | "
                    + CompareTextWriter.triple(m.current(), m.unit()) + " |\n");
        }
        if (!c.budgets().isEmpty()) {
            out.write("\n| Budget | Baseline | Current | Longest streak (baseline / current) |\n");
            out.write("|---|---|---|---:|\n");
            for (BudgetComparison b : c.budgets()) {
                String current = b.newlyViolated() ? "**" + b.current() + " (new)**" : b.current();
                out.write("| " + code(b.id()) + " | " + b.baseline() + " | " + current + " | " + b.baselineStreak() + " / "
                        + b.currentStreak() + " |\n");
            }
            out.write("\nA time budget is violated when over budget for more than " + c.streakFrames()
                    + " consecutive frames.\n");
        }
        out.flush();
    }

    /** A name as inline code in a table cell: a pipe must be escaped even there. */
    private static String code(String s) {
        return "`" + s.replace("|", "\\|") + "`";
    }

    /** Escapes what would break a table cell or start markup. */
    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")
                .replace("\n", " ");
    }
}
