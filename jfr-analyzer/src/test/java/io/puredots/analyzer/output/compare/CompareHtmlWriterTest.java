package io.puredots.analyzer.output.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puredots.analyzer.compare.RegressionJudge;
import io.puredots.analyzer.compare.Sides;
import io.puredots.analyzer.model.compare.Comparison;
import io.puredots.analyzer.model.compare.MetricComparison;
import io.puredots.analyzer.model.compare.Side;
import io.puredots.analyzer.model.compare.Verdict;
import io.puredots.analyzer.output.html.HtmlEscape;
import io.puredots.budgets.Budgets;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compare page's structure on deterministic comparisons (those of {@link CompareWritersTest}
 * and synthetic sides): charts of the regressed metrics holding the model's batch values, the
 * table rows coloured by verdict, and metric names holding markup escaped in text and data.
 */
class CompareHtmlWriterTest {
    static final String EVIL_SYSTEM = "</script><script>window.__pwned=1</script>\"q\" 'q' & \u2028Move";

    static String html(Comparison c) throws IOException {
        StringWriter w = new StringWriter();
        new CompareHtmlWriter().write(c, w);
        return w.toString();
    }

    /** The chart spec embedded for chart {@code id}. */
    static JsonNode spec(String html, String id) throws IOException {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"data-" + id + "\">(.*?)</script>")
                .matcher(html);
        assertTrue(m.find(), "no data block of " + id);
        return new ObjectMapper().readTree(m.group(1));
    }

    private static List<String> chartIds(String html) {
        Matcher m = Pattern.compile("data-chart=\"([a-z0-9-]+)\"").matcher(html);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static int count(String html, String s) {
        int n = 0;
        for (int i = html.indexOf(s); i >= 0; i = html.indexOf(s, i + 1)) {
            n++;
        }
        return n;
    }

    /** One regressed system called {@code name}, one unchanged; the frame and a per-run memory metric. */
    static Comparison withSystem(String name) {
        Map<String, List<double[]>> base = new LinkedHashMap<>();
        Map<String, List<double[]>> cur = new LinkedHashMap<>();
        base.put("frame.time", List.of(Sides.ar1(11, 20, 8e6, 0.3, 2e5)));
        cur.put("frame.time", List.of(Sides.ar1(12, 20, 8e6, 0.3, 2e5)));
        base.put("system." + name + ".frame", List.of(Sides.ar1(13, 20, 1e6, 0.3, 5e4), Sides.ar1(14, 10, 1e6, 0.3, 5e4)));
        cur.put("system." + name + ".frame", List.of(Sides.ar1(15, 25, 2e6, 0.3, 5e4)));
        base.put("memory.native.peak", List.of(new double[] {100e6}));
        cur.put("memory.native.peak", List.of(new double[] {100e6}));
        Side b = Sides.side(base, Map.of("frame", List.of("OK")));
        Side c = Sides.side(cur, Map.of("frame", List.of("OK")));
        return RegressionJudge.judge(b, c, Budgets.defaults());
    }

    @Test
    void chartsEachRegressedMetricWithBothSidesBatchValues() throws IOException {
        Comparison c = CompareWritersTest.comparison();
        String html = html(c);
        List<MetricComparison> reg = c.regressions();
        assertEquals(2, reg.size());
        assertEquals(List.of("metric-1", "metric-2"), chartIds(html));
        for (int i = 0; i < reg.size(); i++) {
            MetricComparison m = reg.get(i);
            JsonNode spec = spec(html, "metric-" + (i + 1));
            double[] base = c.baseline().metric(m.metric()).runs().get(0);
            double[] cur = c.current().metric(m.metric()).runs().get(0);
            assertEquals(Math.max(base.length, cur.length), spec.get("x").size());
            assertEquals("baseline", spec.get("series").get(0).get("label").asText());
            assertEquals("current", spec.get("series").get(1).get("label").asText());
            for (int k = 0; k < base.length; k++) {
                assertEquals(base[k] / 1e6, spec.get("series").get(0).get("values").get(k).asDouble(), 1e-6);
            }
            for (int k = 0; k < cur.length; k++) {
                assertEquals(cur[k] / 1e6, spec.get("series").get(1).get("values").get(k).asDouble(), 1e-6);
            }
            assertTrue(html.contains("<figcaption>" + m.metric() + " p50: regression +"), m.metric());
        }
        assertTrue(html.indexOf("data-chart=\"metric-1\"") < html.indexOf("<h2>Metrics</h2>"), "charts come first");
        assertTrue(html.contains("<p>" + HtmlEscape.text(CompareWords.summary(c)) + "</p>"));
    }

    @Test
    void everyMetricIsARowColouredByItsVerdictAndBudgetsAreListed() throws IOException {
        Comparison c = CompareWritersTest.comparison();
        String html = html(c);
        String metrics = html.substring(html.indexOf("<h2>Metrics</h2>"), html.indexOf("<h2>Budgets</h2>"));
        assertEquals(c.metrics().size(), count(metrics, "<tr") - 1);
        long notCompared = c.metrics().stream().filter(m -> m.verdict() == Verdict.NOT_COMPARED).count();
        assertTrue(notCompared > 0);
        assertEquals(notCompared, count(metrics, "tone-muted"));
        assertEquals(2, count(metrics, "tone-bad"));
        assertEquals(c.improvements(), count(metrics, "tone-ok"));
        assertTrue(metrics.contains("<tr class=\"linked tone-bad\" tabindex=\"0\" data-focus-chart=\"metric-1\""
                + " data-focus-min=\"0.5\" data-focus-max=\"30.5\"><td>system.VillagerMoveSystem.frame</td><td>p50</td>"),
                metrics);
        assertTrue(metrics.contains("<td>system.OnlyBefore.call</td><td>p50</td><td>"), metrics);
        assertTrue(metrics.contains("<td>n/a</td><td>n/a</td><td>n/a</td><td>+10%</td><td>not compared (only in the"
                + " baseline)</td>"), metrics);
        String budgets = html.substring(html.indexOf("<h2>Budgets</h2>"), html.indexOf("<h2>Environment</h2>"));
        assertTrue(budgets.contains("<tr class=\"tone-bad\"><td>group.VillagerSystemGroup</td><td>OK</td><td>VIOLATED"
                + "</td><td>2</td><td>9</td><td>yes</td></tr>"), budgets);
        String env = html.substring(html.indexOf("<h2>Environment</h2>"));
        assertTrue(env.contains("<tr><td>max heap</td><td>1.00 GiB</td><td>1.00 GiB</td></tr>"), env);
    }

    @Test
    void withoutARegressionTheWorstJudgedMetricIsCharted() throws IOException {
        Comparison c = withSystem("Move");
        Comparison none = RegressionJudge.judge(c.baseline(), c.baseline(), Budgets.defaults());
        assertFalse(none.regressed());
        String html = html(none);
        assertEquals(List.of("metric-1"), chartIds(html));
        assertTrue(html.contains("<h2>Worst metric, both sides</h2>"), html);
        MetricComparison worst = CompareHtmlWriter.charted(none).get(0);
        assertEquals(CompareWords.ordered(none).stream().filter(m -> m.verdict() != Verdict.NOT_COMPARED).findFirst()
                .orElseThrow(), worst);
        JsonNode spec = spec(html, "metric-1");
        assertEquals(spec.get("series").get(0).get("values"), spec.get("series").get(1).get("values"));
    }

    @Test
    void runsOfASideFollowEachOtherAndTheShorterSideEndsInGaps() throws IOException {
        Comparison c = withSystem("Move");
        String html = html(c);
        assertEquals(List.of("metric-1"), chartIds(html));
        JsonNode spec = spec(html, "metric-1");
        assertEquals(30, spec.get("x").size());
        JsonNode base = spec.get("series").get(0).get("values");
        JsonNode cur = spec.get("series").get(1).get("values");
        double[] secondRun = c.baseline().metric("system.Move.frame").runs().get(1);
        assertEquals(secondRun[0] / 1e6, base.get(20).asDouble(), 1e-6);
        assertEquals(30, base.size());
        assertTrue(cur.get(24).isNumber() && cur.get(25).isNull() && cur.get(29).isNull(), cur.toString());
        assertEquals("batch of 1000 frames (runs in order)", spec.get("xLabel").asText());
    }

    @Test
    void chartsAtMostTwelveRegressionsAndSaysHowManyMore() throws IOException {
        Map<String, List<double[]>> base = new LinkedHashMap<>();
        Map<String, List<double[]>> cur = new LinkedHashMap<>();
        base.put("frame.time", List.of(Sides.ar1(1, 20, 8e6, 0.3, 2e5)));
        cur.put("frame.time", List.of(Sides.ar1(2, 20, 8e6, 0.3, 2e5)));
        for (int i = 0; i < 15; i++) {
            base.put("system.S" + i + ".frame", List.of(Sides.ar1(10 + i, 20, 1e6, 0.3, 5e4)));
            cur.put("system.S" + i + ".frame", List.of(Sides.ar1(40 + i, 20, 2e6 + i * 1e5, 0.3, 5e4)));
        }
        Comparison c = RegressionJudge.judge(Sides.side(base, Map.of()), Sides.side(cur, Map.of()), Budgets.defaults());
        assertEquals(15, c.regressions().size());
        String html = html(c);
        assertEquals(CompareHtmlWriter.MAX_CHARTS, chartIds(html).size());
        assertTrue(html.contains("3 more regressed metrics are not charted"), html);
        assertTrue(html.contains("<figcaption>system.S14.frame p50: regression"), "worst first");
    }

    @Test
    void namesHoldingMarkupAreEscapedInTextAndInChartData() throws IOException {
        String html = html(withSystem(EVIL_SYSTEM));
        assertFalse(html.contains("<script>window.__pwned"), html);
        String metric = "system." + EVIL_SYSTEM + ".frame";
        assertTrue(html.contains("<td>" + HtmlEscape.text(metric) + "</td>"));
        assertTrue(html.contains("<figcaption>" + HtmlEscape.text(metric) + " p50: regression"));
        assertEquals(4, count(html, "</script>"), "uPlot, page.js, charts.js and the chart's data; no other");
        assertEquals(1, count(html, "id=\"data-metric-1\""));
    }
}
