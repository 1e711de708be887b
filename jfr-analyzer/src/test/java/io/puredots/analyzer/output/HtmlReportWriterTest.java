package io.puredots.analyzer.output;

import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.timeline.Timeline;
import io.puredots.analyzer.output.html.HtmlEscape;
import io.puredots.analyzer.pipeline.JmcOptions;
import io.puredots.analyzer.pipeline.ReportPipeline;
import io.puredots.analyzer.pipeline.ReportRequest;
import io.puredots.analyzer.testing.Timelines;
import io.puredots.budgets.Budgets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportWriterTest {
    private static Report sim;

    @BeforeAll
    static void report() throws IOException {
        sim = ReportPipeline.run(ReportRequest.of(List.of(Path.of("../recordings/fixtures/sim-small.jfr")),
                Budgets.defaults()).withJmc(JmcOptions.OFF));
    }

    private static String html(Report r) throws IOException {
        StringWriter w = new StringWriter();
        new HtmlReportWriter().write(r, w);
        return w.toString();
    }

    private static List<String> names(String n, String prefix) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < Integer.parseInt(n); i++) {
            list.add(prefix + i);
        }
        return list;
    }

    @Test
    void withoutATimelineThePageSaysSoAndHasEveryTextSection() throws IOException {
        String html = html(Timelines.withTimeline(sim, null));
        assertTrue(html.contains(HtmlEscape.text(HtmlReportWriter.NO_TIMELINE)));
        assertFalse(html.contains("data-chart=\"frame-time\""));
        assertTrue(html.contains("data-chart=\"group-distribution\""));
        for (Document.Section s : ReportDocument.of(sim).sections) {
            assertTrue(html.contains("<h2>" + HtmlEscape.text(s.name) + "</h2>"), s.name);
        }
    }

    @Test
    void slowFrameRowsLinkToTheFrameChartAndTheirJobs() throws IOException {
        Map<Long, Long> spikes = new LinkedHashMap<>();
        sim.slowFrames().worstFrames().forEach(f -> spikes.put(f.tick(), f.durationNanos()));
        Timeline t = Timelines.of(sim.overview().startNanos(), 0, sim.frames().count(), 2000, List.of("A"),
                List.of("w0"), spikes, 4, List.of("job"), sim.frames().budgetNanos());
        String html = html(Timelines.withTimeline(sim, t));
        Matcher rows = Pattern.compile("<tr class=\"linked\" tabindex=\"0\" data-focus-chart=\"frame-time\""
                + " data-focus-min=\"(-?[0-9.]+)\" data-focus-max=\"([0-9.]+)\" data-pick-chart=\"jobs\""
                + " data-pick-key=\"([0-9]+)\"><td>([0-9]+)</td>").matcher(html);
        int n = 0;
        while (rows.find()) {
            long tick = Long.parseLong(rows.group(4));
            assertEquals(rows.group(3), Long.toString(tick));
            assertTrue(Double.parseDouble(rows.group(1)) < tick && tick < Double.parseDouble(rows.group(2)));
            n++;
        }
        assertEquals(sim.slowFrames().worstFrames().size(), n);
    }

    @Test
    void theHeapBudgetIsDrawnOnTheHeapAfterGc() throws Exception {
        Report withHeapBudget = ReportPipeline.run(ReportRequest.of(List.of(Path.of("../recordings/fixtures/sim-small.jfr")),
                Budgets.parse("test", new StringReader("frame = 16.6 ms\nmemory.heap = 256 MB\n")))
                .withJmc(JmcOptions.OFF));
        Timeline t = Timelines.of(sim.overview().startNanos(), 0, sim.frames().count(), 2000, List.of("A"),
                List.of("w0"), Map.of(), 0, List.of("job"), 16_600_000);
        String html = html(Timelines.withTimeline(withHeapBudget, t));
        assertEquals("[256.0]", budgetValues(html, "memory-heap-after-gc"));
        assertEquals("", budgetValues(html, "memory-heap-used"), "judged on the heap after GC only");
    }

    /** The distinct values of the budget series in a chart's data, or "" without one. */
    private static String budgetValues(String html, String chart) {
        Matcher m = Pattern.compile("id=\"data-" + chart + "\">(.*?)</script>").matcher(html);
        assertTrue(m.find(), chart);
        Matcher b = Pattern.compile("\\{\"label\":\"budget\",\"values\":\\[([^\\]]*)\\]").matcher(m.group(1));
        return b.find() ? Arrays.stream(b.group(1).split(",")).distinct().collect(Collectors.toList()).toString() : "";
    }

    /** The page of a million-frame run: the timeline's 2000 buckets, 8 groups and 8 workers. */
    @Test
    void pageOfTwoThousandBucketsEightGroupsAndWorkersStaysUnderTenMegabytes() throws IOException {
        Map<Long, Long> spikes = new LinkedHashMap<>();
        for (long i = 0; i < 10; i++) {
            spikes.put(1_000 + i * 99_000, 50_000_000 + i);
        }
        Timeline t = Timelines.of(sim.overview().startNanos(), 0, 1_000_000, 2000, names("8", "SystemGroup"),
                names("8", "puredots-worker-"), spikes, 500, names("40", "Job"), 16_600_000);
        String html = html(Timelines.withTimeline(sim, t));
        int bytes = html.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 10 * 1024 * 1024, bytes + " bytes");
        for (String chart : List.of("frame-time", "group-split", "group-distribution", "workers", "jobs",
                "memory-heap-used",
                "memory-heap-after-gc", "memory-native-reserved", "memory-entities")) {
            assertTrue(html.contains("data-chart=\"" + chart + "\""), chart);
        }
    }
}
