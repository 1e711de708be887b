package io.puredots.analyzer.output;

import io.puredots.analyzer.cli.Cli;
import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.attribution.FrameAttribution;
import io.puredots.analyzer.model.timeline.Timeline;
import io.puredots.analyzer.pipeline.JmcOptions;
import io.puredots.analyzer.pipeline.ReportPipeline;
import io.puredots.analyzer.pipeline.ReportRequest;
import io.puredots.analyzer.testing.HeadlessChromium;
import io.puredots.analyzer.testing.PageCharts;
import io.puredots.analyzer.testing.Timelines;
import io.puredots.budgets.Budgets;
import io.puredots.events.testing.GameEvents;
import io.puredots.events.testing.RecordingFiles;
import jdk.jfr.Recording;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report's HTML page in a real headless Chromium: no console errors (script errors and
 * Content-Security-Policy violations are SEVERE), every chart drew its data, a slow-frame row
 * moves the frame-time chart and picks the frame's jobs, and names from a recording that hold
 * markup are shown as text without running anything. Screenshots go to target/screenshots.
 */
class HtmlReportBrowserTest {
    private static final Path SIM_SMALL = Path.of("../recordings/fixtures/sim-small.jfr");
    private static final String TITLE = "jfr-analyzer report";
    static final String EVIL_GROUP = "</script><script>window.__pwned=1;document.title='pwned'</script>Group";
    static final String EVIL_SYSTEM = "<script>window.__pwned=2</script>System \"q\" 'q' & \u2028 end";
    static final String EVIL_THREAD = "</style><script>window.__pwned=3</script>worker \u2029 &amp;";
    static final String EVIL_JOB = "<img src=x onerror=\"window.__pwned=4\">job";
    static final String EVIL_REGISTRY = "'\"><svg onload=window.__pwned=5>registry";

    @TempDir
    static Path dir;
    private static HeadlessChromium browser;
    private static Path cliPage;
    private static Path timelinePage;
    private static Path evilCliPage;
    private static Path evilTimelinePage;

    @BeforeAll
    static void pages() throws Exception {
        browser = new HeadlessChromium();
        cliPage = cli(SIM_SMALL, dir.resolve("sim-small.html"));
        Report sim = report(SIM_SMALL);
        timelinePage = write(Timelines.withTimeline(sim, timelineFor(sim, List.of("puredots-worker-0",
                "puredots-worker-1", "puredots-worker-2"), List.of("MoveJob", "NeedsJob", "GridJob"))),
                dir.resolve("sim-small-timeline.html"));
        Path evil = evilRecording(dir.resolve("evil.jfr"));
        evilCliPage = cli(evil, dir.resolve("evil.html"));
        Report evilReport = report(evil);
        List<String> workers = evilReport.jobs().workers().stream().map(w -> w.name()).collect(Collectors.toList());
        evilTimelinePage = write(Timelines.withTimeline(evilReport, timelineFor(evilReport, workers, List.of(EVIL_JOB))),
                dir.resolve("evil-timeline.html"));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void reportOfARecordingDrawsEveryChartWithoutConsoleErrors() throws IOException {
        List<String> charts = openAndCheck(cliPage, "report-sim-small.png");
        assertTrue(charts.contains("group-distribution"), charts.toString());
    }

    @Test
    void reportWithATimelineDrawsEveryKindOfChart() throws IOException {
        List<String> charts = openAndCheck(timelinePage, "report.png");
        assertEquals(List.of("frame-time", "group-split", "group-distribution", "workers", "jobs", "memory-heap-used",
                "memory-heap-after-gc",
                "memory-native-reserved", "memory-entities"), charts);
    }

    @Test
    void clickingASlowFrameRowZoomsTheFrameChartToItAndPicksItsJobs() {
        openAndCheckQuietly(timelinePage);
        double[] before = xScale();
        WebElement row = browser.driver().findElements(By.cssSelector("tr[data-focus-chart='frame-time']")).get(2);
        long tick = Long.parseLong(row.findElement(By.tagName("td")).getText());
        row.click();
        double[] after = xScale();
        assertNotEquals(before[0], after[0]);
        assertTrue(after[0] <= tick && tick <= after[1], tick + " in " + after[0] + ".." + after[1]);
        assertTrue(after[1] - after[0] < before[1] - before[0], "zoomed in");
        assertEquals(Double.parseDouble(row.getAttribute("data-focus-min")), after[0]);
        assertEquals(Long.toString(tick), browser.js("return document.querySelector('#chart-jobs select').value"));
        assertEquals(after[0], ((Number) browser.js("return puredotsCharts.get('workers').scales.x.min")).doubleValue(),
                "charts over ticks move together");
        assertEquals(List.of(), browser.severeLogs());
    }

    @Test
    void clickingAHeaderSortsTheColumnByNumber() {
        openAndCheckQuietly(timelinePage);
        WebElement table = browser.driver().findElement(By.cssSelector("tr[data-focus-chart]"))
                .findElement(By.xpath("ancestor::table"));
        List<Double> listed = column(table, 1);
        table.findElements(By.tagName("th")).get(1).click();
        List<Double> clicked = column(table, 1);
        List<Double> sorted = new ArrayList<>(listed);
        sorted.sort(Double::compare);
        assertEquals(sorted, clicked);
        assertNotEquals(sorted, listed, "the writer lists the slowest first; the click reordered");
    }

    private static List<Double> column(WebElement table, int col) {
        List<Double> values = new ArrayList<>();
        for (WebElement r : table.findElements(By.cssSelector("tbody tr"))) {
            values.add(Double.parseDouble(r.findElements(By.tagName("td")).get(col).getText()));
        }
        return values;
    }

    @Test
    void namesHoldingMarkupAreShownAsTextAndNothingRuns() throws IOException {
        for (Path page : List.of(evilCliPage, evilTimelinePage)) {
            browser.open(page);
            assertEquals(List.of(), browser.severeLogs(), page.toString());
            assertEquals(TITLE, browser.title());
            assertEquals("undefined", browser.js("return typeof window.__pwned"));
            assertEquals(0L, browser.js("return document.querySelectorAll('main script:not([type]), img, svg,"
                    + " style:not(head style)').length"));
            String text = (String) browser.js("return document.body.textContent");
            for (String name : List.of(EVIL_GROUP, EVIL_SYSTEM, EVIL_THREAD, EVIL_REGISTRY)) {
                assertTrue(text.contains(name), page + " shows " + name);
            }
        }
        List<String> charts = openAndCheck(evilTimelinePage, "report-markup-names.png");
        assertTrue(charts.contains("jobs"));
        String legends = (String) browser.js("return Array.prototype.map.call(document.querySelectorAll('.u-legend'),"
                + " function (l) { return l.textContent; }).join('|')");
        assertTrue(legends.contains(EVIL_GROUP) && legends.contains(EVIL_THREAD), legends);
        browser.js("var s = document.querySelector('#chart-jobs select'); s.selectedIndex = 0;");
        assertTrue(((String) browser.js("return document.querySelector('#chart-jobs').textContent")).contains(" ms, "));
        assertEquals("undefined", browser.js("return typeof window.__pwned"));
    }

    @Test
    void aScriptThePolicyDoesNotAllowIsBlockedAndReported() throws IOException {
        String html = Files.readString(timelinePage);
        Path tampered = dir.resolve("tampered.html");
        Files.writeString(tampered, html.replace("<main>", "<main><script>window.__pwned=6</script>"));
        browser.open(tampered);
        List<String> logs = browser.severeLogs();
        assertTrue(logs.stream().anyMatch(l -> l.contains("Content Security Policy")), logs.toString());
        assertEquals("undefined", browser.js("return typeof window.__pwned"));
    }

    /** Opens the page, checks the console and that each chart drew; returns the chart ids in page order. */
    private static List<String> openAndCheck(Path page, String screenshot) throws IOException {
        List<String> ids = openAndCheckQuietly(page);
        browser.screenshot(HeadlessChromium.screenshotDir().resolve(screenshot));
        return ids;
    }

    private static List<String> openAndCheckQuietly(Path page) {
        return PageCharts.openAndCheck(browser, page);
    }

    private static double[] xScale() {
        return PageCharts.xRange(browser, "frame-time");
    }

    private static Path cli(Path recording, Path html) {
        StringWriter err = new StringWriter();
        int code = Cli.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("report", "--format", "html", "--no-jmc", "-o", html.toString(), recording.toString());
        assertTrue(code == 0 || code == 1, "exit " + code + ": " + err);
        return html;
    }

    private static Report report(Path recording) {
        try {
            return ReportPipeline.run(ReportRequest.of(List.of(recording), Budgets.defaults()).withJmc(JmcOptions.OFF));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A hand-built timeline over the report's ticks, its groups and these workers, spiking at its slow frames. */
    private static Timeline timelineFor(Report r, List<String> workers, List<String> jobs) {
        Map<Long, Long> spikes = new LinkedHashMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (FrameAttribution f : r.slowFrames().worstFrames()) {
            spikes.put(f.tick(), f.durationNanos());
            first = Math.min(first, f.tick());
            last = Math.max(last, f.tick());
        }
        first = Math.min(first, 0);
        long ticks = Math.max(last - first + 1, r.frames().count());
        List<String> groups = r.groups().stream().map(g -> g.name()).collect(Collectors.toList());
        return Timelines.of(r.overview().startNanos(), first, ticks, 2000, groups, workers, spikes, 24, jobs, r.frames().budgetNanos());
    }

    private static Path write(Report r, Path html) throws IOException {
        try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
            new HtmlReportWriter().write(r, w);
        }
        return html;
    }

    /** 40 frames of one group with one system and jobs on a worker thread, all named with markup; frames 10-19 spike. */
    private static Path evilRecording(Path file) throws Exception {
        try (Recording rec = new Recording(RecordingFiles.puredotsJfc())) {
            rec.setToDisk(true);
            rec.start();
            Thread worker = new Thread(() -> {
                try {
                    for (long tick = 0; tick < 40; tick++) {
                        long t = tick;
                        GameEvents.frame(t, 100, () -> GameEvents.groupTick(EVIL_GROUP, t,
                                () -> GameEvents.systemTick(EVIL_SYSTEM, EVIL_GROUP, t, 100, () -> {
                                    GameEvents.jobSchedule(t, EVIL_JOB, EVIL_SYSTEM, 0, 1, 1, t);
                                    GameEvents.jobRun(t, EVIL_JOB, 0, t, 1000, t >= 10 && t < 20 ? 20_000_000 : 200_000);
                                    GameEvents.registryUpdate(EVIL_REGISTRY, t, 10, 1, 0, 1, 1000);
                                })));
                        GameEvents.nativeMemory(EVIL_SYSTEM, EVIL_JOB, 1 << 20, 1 << 19);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, EVIL_THREAD);
            worker.start();
            worker.join();
            rec.stop();
            rec.dump(file);
        }
        return file;
    }
}
