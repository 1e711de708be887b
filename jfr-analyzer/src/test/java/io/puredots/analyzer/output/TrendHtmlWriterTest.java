package io.puredots.analyzer.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puredots.analyzer.model.trend.ChangePoint;
import io.puredots.analyzer.model.trend.MetricTrend;
import io.puredots.analyzer.model.trend.Trend;
import io.puredots.analyzer.model.trend.TrendRun;
import io.puredots.analyzer.output.html.HtmlEscape;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trend page's structure on a hand-built trend: a chart per metric with its values (gaps for
 * runs without one), the means between change points and a marker at each change point, change
 * rows zooming their chart, and names holding markup escaped.
 */
class TrendHtmlWriterTest {
    static final String EVIL_METRIC = "system.</script><script>window.__pwned=1</script>\"'&\u2028.call";

    /** 10 runs: frame.time shifts at run 6 (10 -> 12.5) and run 9; memory has no value at runs 1-2; one flat metric. */
    static Trend trend(String flatMetric) {
        List<TrendRun> runs = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String c = String.format(Locale.ROOT, "c%06x", i - 1);
            runs.add(new TrendRun(i, "2026-11-0" + (i % 9 + 1) + "_run" + i, Instant.parse("2026-11-01T02:00:00Z")
                    .plusSeconds(86_400L * (i - 1)), c + "0123456789", c, i == 10));
        }
        List<Double> frame = List.of(10.1, 9.9, 10.0, 10.2, 9.8, 12.4, 12.6, 12.5, 15.0, 15.2);
        List<ChangePoint> cps = List.of(new ChangePoint(6, 10.0, 12.5, 25.0, 0.001),
                new ChangePoint(9, 12.5, 15.1, 20.8, 0.004));
        List<Double> memory = new ArrayList<>(List.of(Double.NaN, Double.NaN));
        for (int i = 3; i <= 10; i++) {
            memory.add(1000.0 * i);
        }
        List<Double> flat = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            flat.add(2.0 + (i % 2) * 0.1);
        }
        return new Trend(runs, "median", "E-divisive means, p <= 0.01, 999 permutations", 0,
                List.of(new MetricTrend("frame.time", "ms", frame, cps),
                        new MetricTrend("memory.native.peak", "B", memory, List.of()),
                        new MetricTrend(flatMetric, "ms", flat, List.of())),
                List.of("run 'x' skipped: no metrics.jsonl"));
    }

    static String html(Trend t) throws IOException {
        StringWriter w = new StringWriter();
        new TrendHtmlWriter().write(t, w);
        return w.toString();
    }

    private static JsonNode spec(String html, String id) throws IOException {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"data-" + id + "\">(.*?)</script>")
                .matcher(html);
        assertTrue(m.find(), "no data block of " + id);
        return new ObjectMapper().readTree(m.group(1));
    }

    private static List<Double> values(JsonNode series) {
        List<Double> out = new ArrayList<>();
        series.get("values").forEach(v -> out.add(v.isNull() ? null : v.asDouble()));
        return out;
    }

    @Test
    void oneChartPerMetricOverTheRunsWithTheChangePointsMarked() throws IOException {
        Trend t = trend("system.Move.call");
        String html = html(t);
        for (int m = 1; m <= 3; m++) {
            assertTrue(html.contains("data-chart=\"trend-" + m + "\""), "chart " + m);
        }
        JsonNode frame = spec(html, "trend-1");
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), new ObjectMapper().convertValue(frame.get("x"), List.class));
        JsonNode series = frame.get("series");
        assertEquals(4, series.size(), "values, means, two change points");
        assertEquals(t.metrics().get(0).values(), values(series.get(0)));
        assertEquals(List.of(10.0, 10.0, 10.0, 10.0, 10.0, 12.5, 12.5, 12.5, 15.1, 15.1), values(series.get(1)));
        assertEquals("change at run 6 (c000005): +25.0%", series.get(2).get("label").asText());
        assertTrue(series.get(2).get("marker").asBoolean());
        assertEquals(java.util.Arrays.asList(null, null, null, null, 10.0, 12.5, null, null, null, null),
                values(series.get(2)));
        assertEquals(java.util.Arrays.asList(null, null, null, null, null, null, null, 12.5, 15.1, null),
                values(series.get(3)));
        assertTrue(html.contains("<figcaption>frame.time (median, ms): 2 change points</figcaption>"), html);

        JsonNode memory = spec(html, "trend-2");
        assertEquals(1, memory.get("series").size(), "no change point: the values only");
        List<Double> mv = values(memory.get("series").get(0));
        assertEquals(null, mv.get(0));
        assertEquals(null, mv.get(1));
        assertEquals(3000.0, mv.get(2));
    }

    @Test
    void changeRowsZoomTheirChartToTheRunsAroundTheChange() throws IOException {
        String html = html(trend("system.Move.call"));
        String changes = html.substring(html.indexOf("<h2>Change points</h2>"), html.indexOf("<h2>Metrics over"));
        assertTrue(changes.contains("<tr class=\"linked\" tabindex=\"0\" data-focus-chart=\"trend-1\""
                + " data-focus-min=\"0.5\" data-focus-max=\"8.5\"><td>frame.time</td><td>6</td><td>c000005</td>"
                + "<td>10 ms</td><td>12.5 ms</td><td>+25.0%</td><td>0.001</td></tr>"), changes);
        assertTrue(changes.contains("data-focus-min=\"5.5\" data-focus-max=\"10.5\"><td>frame.time</td><td>9</td>"),
                changes);
        String metrics = html.substring(html.indexOf("<h2>Metrics</h2>"), html.indexOf("<h2>Runs"));
        assertTrue(metrics.contains("<tr class=\"linked tone-warn\" tabindex=\"0\" data-focus-chart=\"trend-1\""
                + " data-focus-min=\"0.5\" data-focus-max=\"10.5\"><td>frame.time</td><td>ms</td><td>2</td>"
                + "<td>10.1 9.9 10 10.2 9.8 | 12.4 12.6 12.5 | 15 15.2</td></tr>"), metrics);
        assertTrue(metrics.contains("<td>memory.native.peak</td><td>B</td><td>0</td><td>- - 3000 4000"), metrics);
        String runs = html.substring(html.indexOf("<h2>Runs"));
        assertEquals(10, runs.split("<tr>").length - 2, "header row and 10 runs");
        assertTrue(runs.contains("<tr><td>10</td><td>2026-11-10 02:00:00</td><td>c000009</td><td>yes</td>"), runs);
        assertTrue(html.contains("<p class=\"note\">warning: run &#39;x&#39; skipped: no metrics.jsonl</p>"), html);
    }

    @Test
    void withoutChangePointsThePageSaysNone() throws IOException {
        Trend t = trend("system.Move.call");
        Trend flat = new Trend(t.runs(), t.statistic(), t.method(), 5, List.of(t.metrics().get(2)), List.of());
        String html = html(flat);
        assertTrue(html.contains("<h2>Change points</h2>\n<p class=\"note\">none</p>"), html);
        assertTrue(html.contains("; shifts under 5% not listed</p>"), html);
        assertEquals(1, spec(html, "trend-1").get("series").size());
    }

    @Test
    void namesHoldingMarkupAreEscapedInTextAndInChartData() throws IOException {
        String html = html(trend(EVIL_METRIC));
        assertFalse(html.contains("<script>window.__pwned"), html);
        assertTrue(html.contains("<td>" + HtmlEscape.text(EVIL_METRIC) + "</td>"));
        Matcher data = Pattern.compile("<script type=\"application/json\" id=\"data-trend-3\">(.*?)</script>")
                .matcher(html);
        assertTrue(data.find());
        assertTrue(data.group(1).contains("\\u003c/script\\u003e\\u003cscript\\u003e"), data.group(1));
        assertTrue(data.group(1).contains("\\u2028"), data.group(1));
        assertEquals(EVIL_METRIC, spec(html, "trend-3").get("series").get(0).get("label").asText());
    }
}
