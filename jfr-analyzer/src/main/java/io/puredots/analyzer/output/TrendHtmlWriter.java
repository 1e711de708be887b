package io.puredots.analyzer.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.puredots.analyzer.model.trend.ChangePoint;
import io.puredots.analyzer.model.trend.MetricTrend;
import io.puredots.analyzer.model.trend.Trend;
import io.puredots.analyzer.model.trend.TrendRun;
import io.puredots.analyzer.output.html.HtmlPage;
import io.puredots.analyzer.output.html.JsonScript;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The trend as one self-contained HTML page: the summary, the change points (each row zooms its
 * metric's chart to the runs around it), one line chart per metric over the runs with its change
 * points marked, the metrics and the runs as sortable tables. Cells are worded as the text writer
 * words them ({@link TrendCells}). Formats only; computes no statistic. Thread-safe.
 *
 * <p>A metric's chart has x = run number (oldest first, as the runs table lists them) and draws:
 * <pre>{@code
 * values        the statistic of each run, dots joined; gaps where a run has no value
 * mean          dashed steps: each segment's mean between change points (the change points' before/after)
 * change at N   a thick segment from the mean before to the mean after, between runs N-1 and N
 * }</pre>
 */
public final class TrendHtmlWriter implements TrendWriter {
    private static final String VALUE_COLOR = "#1f77b4";
    private static final String MEAN_COLOR = "#7f7f7f";
    private static final String CHANGE_COLOR = "#d62728";

    @Override
    public void write(Trend t, Writer out) throws IOException {
        HtmlPage page = new HtmlPage("jfr-analyzer trend");
        page.subtitle(TrendCells.summary(t));
        String method = "change points: " + t.method();
        if (t.minChangePercent() > 0) {
            method += "; shifts under " + TrendCells.value(t.minChangePercent()) + "% not listed";
        }
        page.subtitle(method);
        if (!t.runs().isEmpty()) {
            page.subtitle("runs " + TrendCells.run(t.runs().get(0))[1] + " to "
                    + TrendCells.run(t.runs().get(t.runs().size() - 1))[1] + " UTC");
        }
        if (!t.warnings().isEmpty()) {
            HtmlPage.Section w = page.section("Warnings");
            t.warnings().forEach(line -> w.note("warning: " + line));
        }

        HtmlPage.Section changes = page.section("Change points");
        List<String[]> changeRows = TrendCells.changes(t);
        if (changeRows.isEmpty()) {
            changes.note("none");
        } else {
            changes.note("click a row to zoom its metric's chart to the runs around the change");
            HtmlPage.Table table = changes.table(TrendCells.CHANGE_HEADER);
            int row = 0;
            for (int m = 0; m < t.metrics().size(); m++) {
                List<ChangePoint> cps = t.metrics().get(m).changePoints();
                for (int k = 0; k < cps.size(); k++) {
                    int from = k == 0 ? 1 : cps.get(k - 1).run();
                    int to = k + 1 < cps.size() ? cps.get(k + 1).run() - 1 : t.runs().size();
                    table.row(changeRows.get(row++)).focus(chartId(m), from - 0.5, to + 0.5);
                }
            }
        }

        HtmlPage.Section charts = page.section("Metrics over the runs");
        charts.note(t.statistic() + " of each run; dashed: the mean between change points; thick red: a change point");
        for (int m = 0; m < t.metrics().size(); m++) {
            MetricTrend mt = t.metrics().get(m);
            String caption = mt.metric() + " (" + t.statistic() + (mt.unit().isEmpty() ? "" : ", " + mt.unit()) + ")"
                    + (mt.changePoints().isEmpty() ? "" : ": " + mt.changePoints().size()
                    + (mt.changePoints().size() == 1 ? " change point" : " change points"));
            charts.chart(chartId(m), caption, chart(t, mt));
        }

        HtmlPage.Section metrics = page.section("Metrics");
        metrics.note(t.statistic() + " of each run, in run order; | marks a change point");
        HtmlPage.Table mtable = metrics.table("metric", "unit", "change points", "values");
        for (int m = 0; m < t.metrics().size(); m++) {
            MetricTrend mt = t.metrics().get(m);
            mtable.row(mt.metric(), mt.unit(), String.valueOf(mt.changePoints().size()), TrendCells.series(mt))
                    .tone(mt.changePoints().isEmpty() ? HtmlPage.Tone.NONE : HtmlPage.Tone.WARN)
                    .focus(chartId(m), 0.5, t.runs().size() + 0.5);
        }

        HtmlPage.Section runs = page.section("Runs (oldest first)");
        HtmlPage.Table rtable = runs.table(TrendCells.RUN_HEADER);
        for (TrendRun r : t.runs()) {
            rtable.row(TrendCells.run(r));
        }
        page.render(out);
    }

    /** The chart id of the metric at {@code index} in {@link Trend#metrics()}. */
    static String chartId(int index) {
        return "trend-" + (index + 1);
    }

    private static ObjectNode chart(Trend t, MetricTrend m) {
        int n = t.runs().size();
        ObjectNode spec = JsonScript.object();
        ArrayNode x = spec.putArray("x");
        for (TrendRun r : t.runs()) {
            x.add(r.number());
        }
        spec.put("xLabel", "run");
        spec.put("yLabel", m.unit().isEmpty() ? t.statistic() : t.statistic() + " (" + m.unit() + ")");
        spec.put("height", 240);
        spec.put("sync", "runs");
        ArrayNode series = spec.putArray("series");
        ObjectNode values = series.addObject();
        values.put("label", m.metric());
        values.put("color", VALUE_COLOR);
        values.put("points", true);
        ArrayNode v = values.putArray("values");
        for (int i = 0; i < n; i++) {
            number(v, i < m.values().size() ? m.values().get(i) : Double.NaN);
        }
        List<ChangePoint> cps = m.changePoints();
        if (cps.isEmpty()) {
            return spec;
        }
        ObjectNode mean = series.addObject();
        mean.put("label", "mean between change points");
        mean.put("color", MEAN_COLOR);
        mean.putArray("dash").add(6).add(4);
        ArrayNode mv = mean.putArray("values");
        int k = 0;
        for (int run = 1; run <= n; run++) {
            while (k < cps.size() && run >= cps.get(k).run()) {
                k++;
            }
            number(mv, k < cps.size() ? cps.get(k).before() : cps.get(cps.size() - 1).after());
        }
        for (ChangePoint c : cps) {
            ObjectNode s = series.addObject();
            s.put("label", "change at run " + c.run() + " (" + t.runs().get(c.run() - 1).shortCommit() + "): "
                    + TrendCells.percent(c.changePercent()));
            s.put("color", CHANGE_COLOR);
            s.put("marker", true);
            ArrayNode cv = s.putArray("values");
            for (int run = 1; run <= n; run++) {
                number(cv, run == c.run() - 1 ? c.before() : run == c.run() ? c.after() : Double.NaN);
            }
        }
        return spec;
    }

    /** Appends {@code d}, or null (a gap) for NaN: JSON has no NaN. */
    private static void number(ArrayNode a, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            a.addNull();
        } else {
            a.add(JsonScript.round(d, 6));
        }
    }
}
