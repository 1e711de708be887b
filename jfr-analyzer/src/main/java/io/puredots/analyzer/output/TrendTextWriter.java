package io.puredots.analyzer.output;

import io.puredots.analyzer.model.trend.MetricTrend;
import io.puredots.analyzer.model.trend.Trend;
import io.puredots.analyzer.model.trend.TrendRun;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** Plain-text trend for a terminal: summary, change points, runs, each metric's values. Thread-safe. */
public final class TrendTextWriter implements TrendWriter {

    @Override
    public void write(Trend t, Writer out) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("Trend: ").append(TrendCells.summary(t)).append('\n');
        b.append("  (change points: ").append(t.method());
        if (t.minChangePercent() > 0) {
            b.append("; shifts under ").append(TrendCells.value(t.minChangePercent())).append("% not listed");
        }
        b.append(")\n");
        for (String w : t.warnings()) {
            b.append("  warning: ").append(w).append('\n');
        }

        b.append("\nChange points\n");
        List<String[]> changes = TrendCells.changes(t);
        if (changes.isEmpty()) {
            b.append("  none\n");
        } else {
            table(b, TrendCells.CHANGE_HEADER, changes);
        }

        b.append("\nRuns (oldest first)\n");
        List<String[]> runs = new ArrayList<>();
        for (TrendRun r : t.runs()) {
            runs.add(TrendCells.run(r));
        }
        table(b, TrendCells.RUN_HEADER, runs);

        b.append("\nMetrics (").append(t.statistic()).append(" of each run, in run order; | marks a change point)\n");
        List<String[]> metrics = new ArrayList<>();
        for (MetricTrend m : t.metrics()) {
            metrics.add(new String[] {m.metric(), m.unit(), TrendCells.series(m)});
        }
        table(b, new String[] {"metric", "unit", "values"}, metrics);
        out.write(b.toString());
        out.flush();
    }

    /** A left-aligned table indented by two spaces, columns two spaces apart. */
    private static void table(StringBuilder b, String[] header, List<String[]> rows) {
        int[] w = new int[header.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = header[i].length();
            for (String[] r : rows) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        line(b, header, w);
        for (String[] r : rows) {
            line(b, r, w);
        }
    }

    private static void line(StringBuilder b, String[] cells, int[] w) {
        StringBuilder l = new StringBuilder("  ");
        for (int i = 0; i < cells.length; i++) {
            l.append(cells[i]).append(" ".repeat(w[i] - cells[i].length() + 2));
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }
}
