package io.puredots.analyzer.output.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.puredots.analyzer.model.compare.BudgetComparison;
import io.puredots.analyzer.model.compare.Comparison;
import io.puredots.analyzer.model.compare.Environment;
import io.puredots.analyzer.model.compare.MetricComparison;
import io.puredots.analyzer.model.compare.Side;
import io.puredots.analyzer.model.compare.SideMetric;
import io.puredots.analyzer.model.compare.Verdict;
import io.puredots.analyzer.output.html.HtmlPage;
import io.puredots.analyzer.output.html.JsonScript;
import io.puredots.analyzer.text.Units;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison as one self-contained HTML page: the summary, both sides and their warnings, a
 * chart of both sides' batch (or run) values for each regressed metric (the worst metric when
 * none regressed), every metric comparison as a sortable table coloured by verdict, the budgets
 * on both sides and the two environments. Numbers are worded as the text writer words them
 * ({@link CompareWords}). Formats only; computes no statistic. Stateless; thread-safe.
 */
public final class CompareHtmlWriter implements CompareWriter {
    /** Charts drawn at most, so a build that slowed every system still gives a page of bounded size. */
    static final int MAX_CHARTS = 12;
    static final String[] METRIC_HEADER = {"metric", "stat", "baseline median / p95 / p99",
        "current median / p95 / p99", "change", "95% interval", "p", "limit", "verdict"};
    private static final String BASELINE_COLOR = "#7f7f7f";

    @Override
    public void write(Comparison c, Writer out) throws IOException {
        HtmlPage page = new HtmlPage("jfr-analyzer compare");
        page.subtitle(CompareWords.summary(c));

        HtmlPage.Section sides = page.section("Sides");
        sides.kv("baseline", CompareWords.side(c.baseline()));
        sides.kv("current", CompareWords.side(c.current()));
        for (String w : c.warnings()) {
            sides.note("warning: " + w);
        }

        List<MetricComparison> charted = charted(c);
        Map<String, String> chartIds = new LinkedHashMap<>();
        if (!charted.isEmpty()) {
            boolean regressions = charted.get(0).verdict() == Verdict.REGRESSION;
            HtmlPage.Section charts = page.section(regressions ? "Regressed metrics, both sides" : "Worst metric, both sides");
            if (!regressions) {
                charts.note("no metric regressed; the chart shows the metric that changed most");
            }
            for (MetricComparison m : charted) {
                String id = "metric-" + (chartIds.size() + 1);
                chartIds.put(m.metric(), id);
                charts.chart(id, m.metric() + " " + m.statistic() + ": " + CompareWords.verdict(m.verdict()) + " "
                        + CompareWords.delta(m.deltaPercent()) + " (limit +" + CompareWords.threshold(m.thresholdPercent())
                        + ")", chart(c, m));
            }
            if (regressions && c.regressions().size() > charted.size()) {
                charts.note((c.regressions().size() - charted.size()) + " more regressed metrics are not charted;"
                        + " the table below lists them");
            }
        }

        HtmlPage.Section metrics = page.section("Metrics");
        metrics.note("worst regression first; the change is that of the median batch value (each run's value for"
                + " memory), with its 95% bootstrap interval and the Mann-Whitney U p-value; click a header to sort");
        HtmlPage.Table table = metrics.table(METRIC_HEADER);
        for (MetricComparison m : CompareWords.ordered(c)) {
            String verdict = CompareWords.verdict(m.verdict()) + (m.note().isEmpty() ? "" : " (" + m.note() + ")");
            HtmlPage.Row row = table.row(m.metric(), m.statistic(), CompareTextWriter.triple(m.baseline(), m.unit()),
                    CompareTextWriter.triple(m.current(), m.unit()), CompareWords.delta(m.deltaPercent()),
                    CompareWords.interval(m.ciLowPercent(), m.ciHighPercent()), CompareWords.p(m.pValue()),
                    "+" + CompareWords.threshold(m.thresholdPercent()), verdict).tone(tone(m.verdict()));
            String id = chartIds.get(m.metric());
            if (id != null) {
                row.focus(id, 0.5, units(c, m) + 0.5);
            }
        }

        if (!c.budgets().isEmpty()) {
            HtmlPage.Section budgets = page.section("Budgets");
            budgets.note("violated: over budget for more than " + c.streakFrames()
                    + " consecutive frames, or memory above its budget");
            HtmlPage.Table bt = budgets.table("budget", "baseline", "current", "longest streak baseline (frames)",
                    "longest streak current (frames)", "newly violated");
            for (BudgetComparison b : c.budgets()) {
                bt.row(b.id(), b.baseline(), b.current(), String.valueOf(b.baselineStreak()),
                        String.valueOf(b.currentStreak()), b.newlyViolated() ? "yes" : "").tone(tone(b));
            }
        }

        environment(page.section("Environment"), c.baseline(), c.current());
        page.render(out);
    }

    /** The regressed metrics, worst first, at most {@link #MAX_CHARTS}; else the first judged metric with data on both sides. */
    static List<MetricComparison> charted(Comparison c) {
        List<MetricComparison> reg = c.regressions();
        if (!reg.isEmpty()) {
            return reg.subList(0, Math.min(MAX_CHARTS, reg.size()));
        }
        for (MetricComparison m : CompareWords.ordered(c)) {
            if (m.verdict() != Verdict.NOT_COMPARED && hasValues(c.baseline(), m) && hasValues(c.current(), m)) {
                return List.of(m);
            }
        }
        return List.of();
    }

    private static boolean hasValues(Side s, MetricComparison m) {
        SideMetric sm = s.metric(m.metric());
        return sm != null && sm.units() > 0;
    }

    /** Batch (or run) values on the longer side: the x range of the metric's chart. */
    private static int units(Comparison c, MetricComparison m) {
        return Math.max(units(c.baseline(), m), units(c.current(), m));
    }

    private static int units(Side s, MetricComparison m) {
        SideMetric sm = s.metric(m.metric());
        return sm == null ? 0 : sm.units();
    }

    /** Both sides' values of the judged statistic, one point per batch (or run), runs in order, in the shown unit. */
    private static ObjectNode chart(Comparison c, MetricComparison m) {
        SideMetric base = c.baseline().metric(m.metric());
        SideMetric cur = c.current().metric(m.metric());
        int n = units(c, m);
        ObjectNode spec = JsonScript.object();
        ArrayNode x = spec.putArray("x");
        for (int i = 1; i <= n; i++) {
            x.add(i);
        }
        boolean perRun = (base != null ? base : cur).kind().perRun();
        spec.put("xLabel", perRun ? "run" : "batch of " + c.current().batchFrames() + " frames (runs in order)");
        spec.put("yLabel", m.statistic() + " (" + m.unit() + ")");
        spec.put("height", 260);
        ArrayNode series = spec.putArray("series");
        series.add(side("baseline", base, n, BASELINE_COLOR));
        series.add(side("current", cur, n, color(m.verdict())));
        return spec;
    }

    private static ObjectNode side(String label, SideMetric m, int n, String color) {
        ObjectNode s = JsonScript.object();
        s.put("label", label);
        s.put("color", color);
        s.put("points", true);
        ArrayNode values = s.putArray("values");
        if (m != null) {
            double scale = m.kind().scale();
            for (double[] run : m.runs()) {
                for (double v : run) {
                    values.add(JsonScript.round(v * scale, 6));
                }
            }
        }
        while (values.size() < n) {
            values.addNull();
        }
        return s;
    }

    private static String color(Verdict v) {
        return switch (v) {
            case REGRESSION -> "#d62728";
            case IMPROVEMENT -> "#2ca02c";
            case CHANGED -> "#ff7f0e";
            default -> "#1f77b4";
        };
    }

    static HtmlPage.Tone tone(Verdict v) {
        return switch (v) {
            case REGRESSION -> HtmlPage.Tone.BAD;
            case IMPROVEMENT -> HtmlPage.Tone.OK;
            case CHANGED -> HtmlPage.Tone.WARN;
            case NO_SIGNIFICANT_CHANGE -> HtmlPage.Tone.NONE;
            case NOT_COMPARED -> HtmlPage.Tone.MUTED;
        };
    }

    private static HtmlPage.Tone tone(BudgetComparison b) {
        if (b.newlyViolated()) {
            return HtmlPage.Tone.BAD;
        }
        if (b.current().equals("VIOLATED")) {
            return HtmlPage.Tone.WARN;
        }
        return b.current().equals("OK") ? HtmlPage.Tone.OK : HtmlPage.Tone.MUTED;
    }

    /** The two environments side by side; rows whose values differ are amber. */
    private static void environment(HtmlPage.Section s, Side baseline, Side current) {
        Environment b = baseline.environment();
        Environment c = current.environment();
        HtmlPage.Table t = s.table("", "baseline", "current");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"JDK", b.jdk(), c.jdk()});
        rows.add(new String[] {"JVM", b.jvmName(), c.jvmName()});
        rows.add(new String[] {"JVM arguments", b.jvmArguments(), c.jvmArguments()});
        rows.add(new String[] {"CPU", b.cpu(), c.cpu()});
        rows.add(new String[] {"cores / hardware threads", cores(b), cores(c)});
        rows.add(new String[] {"OS", b.os(), c.os()});
        rows.add(new String[] {"GC", b.gc(), c.gc()});
        rows.add(new String[] {"max heap", heap(b), heap(c)});
        for (String[] r : rows) {
            String left = r[1].isEmpty() ? "unknown" : r[1];
            String right = r[2].isEmpty() ? "unknown" : r[2];
            t.row(r[0], left, right).tone(left.equals(right) ? HtmlPage.Tone.NONE : HtmlPage.Tone.WARN);
        }
        for (String n : baseline.envNotes()) {
            s.note("baseline runs differ: " + n);
        }
        for (String n : current.envNotes()) {
            s.note("current runs differ: " + n);
        }
    }

    private static String cores(Environment e) {
        return e.cores() == 0 ? "" : e.cores() + " / " + e.hwThreads();
    }

    private static String heap(Environment e) {
        return e.maxHeapBytes() == 0 ? "" : Units.bytes(e.maxHeapBytes());
    }
}
