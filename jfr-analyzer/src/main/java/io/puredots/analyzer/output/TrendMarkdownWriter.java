package io.puredots.analyzer.output;

import io.puredots.analyzer.model.trend.MetricTrend;
import io.puredots.analyzer.model.trend.Trend;
import io.puredots.analyzer.model.trend.TrendRun;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub-flavoured Markdown trend, for a CI step summary or a comment: the one-line summary on
 * top, then the change points, the runs and each metric's values. Thread-safe.
 */
public final class TrendMarkdownWriter implements TrendWriter {

    @Override
    public void write(Trend t, Writer out) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# Trend: ").append(MarkdownWriter.escape(TrendCells.summary(t))).append("\n\n");
        b.append('_').append(MarkdownWriter.escape("Change points: " + t.method()));
        if (t.minChangePercent() > 0) {
            b.append(MarkdownWriter.escape("; shifts under " + TrendCells.value(t.minChangePercent())
                    + "% not listed"));
        }
        b.append("._\n\n");
        for (String w : t.warnings()) {
            b.append("- warning: ").append(MarkdownWriter.escape(w)).append('\n');
        }
        if (!t.warnings().isEmpty()) {
            b.append('\n');
        }

        b.append("## Change points\n\n");
        List<String[]> changes = TrendCells.changes(t);
        if (changes.isEmpty()) {
            b.append("None.\n\n");
        } else {
            table(b, TrendCells.CHANGE_HEADER, changes);
        }

        b.append("## Runs\n\n");
        List<String[]> runs = new ArrayList<>();
        for (TrendRun r : t.runs()) {
            runs.add(TrendCells.run(r));
        }
        table(b, TrendCells.RUN_HEADER, runs);

        b.append("## Metrics\n\n_").append(MarkdownWriter.escape(t.statistic()
                + " of each run, in run order; | marks a change point")).append("._\n\n");
        List<String[]> metrics = new ArrayList<>();
        for (MetricTrend m : t.metrics()) {
            metrics.add(new String[] {m.metric(), m.unit(), TrendCells.series(m)});
        }
        table(b, new String[] {"metric", "unit", "values"}, metrics);
        out.write(b.toString());
        out.flush();
    }

    private static void table(StringBuilder b, String[] header, List<String[]> rows) {
        row(b, header);
        b.append('|');
        for (int i = 0; i < header.length; i++) {
            b.append(" --- |");
        }
        b.append('\n');
        for (String[] r : rows) {
            row(b, r);
        }
        b.append('\n');
    }

    private static void row(StringBuilder b, String[] cells) {
        b.append('|');
        for (String c : cells) {
            b.append(' ').append(MarkdownWriter.escape(c)).append(" |");
        }
        b.append('\n');
    }
}
