package io.puredots.analyzer.output;

import io.puredots.analyzer.cli.Cli;
import io.puredots.analyzer.testing.HarnessResults;
import io.puredots.analyzer.testing.HeadlessChromium;
import io.puredots.analyzer.testing.PageCharts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trend page in a real headless Chromium: no console errors (script errors and
 * Content-Security-Policy violations are SEVERE), every metric's chart drew, a change-point row
 * zooms its chart to the runs around the change, a header click sorts the metrics table, and a
 * metric name holding markup is shown as text without running anything. Pages: {@code trend}
 * through the CLI over synthetic results directories (frame time shifting at run 8 of 14), and
 * the writer on a hand-built trend. Screenshots go to target/screenshots.
 */
class TrendHtmlBrowserTest {
    @TempDir
    static Path dir;
    private static HeadlessChromium browser;
    private static Path cliPage;
    private static Path evilPage;

    @BeforeAll
    static void pages() throws IOException {
        browser = new HeadlessChromium();
        Path results = dir.resolve("results");
        for (int i = 0; i < 14; i++) {
            double noise = 1 + (i % 2 == 0 ? 0.01 : -0.01) * (1 + i % 3);
            HarnessResults.run(results, i, "frame.time", (i < 7 ? 10.0 : 12.5) * noise,
                    "group.SimGroup.frame", 4.0 * noise, "system.MoveSystem.call", 2.0 * noise);
        }
        cliPage = dir.resolve("trend.html");
        StringWriter err = new StringWriter();
        int code = Cli.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("trend", "--format", "html", "-o", cliPage.toString(), results.toString());
        assertEquals(Cli.OK, code, err.toString());
        evilPage = dir.resolve("evil.html");
        Files.writeString(evilPage, TrendHtmlWriterTest.html(TrendHtmlWriterTest.trend(TrendHtmlWriterTest.EVIL_METRIC)),
                StandardCharsets.UTF_8);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void trendOfHarnessRunsDrawsAChartPerMetricWithoutConsoleErrors() throws IOException {
        List<String> charts = openAndCheck(cliPage, "trend.png");
        assertEquals(List.of("trend-1", "trend-2", "trend-3"), charts);
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) browser.js("return puredotsCharts.get('trend-1').series.map(function (s) {"
                + " return s.label; })");
        assertEquals(4, labels.size(), labels.toString());
        assertEquals(List.of("run", "frame.time", "mean between change points"), labels.subList(0, 3));
        assertTrue(labels.get(3).startsWith("change at run 8 (c000007): +"), labels.toString());
    }

    @Test
    void clickingAChangePointRowZoomsItsChartToTheRunsAroundTheChange() {
        browser.open(cliPage);
        double[] before = PageCharts.xRange(browser, "trend-1");
        WebElement row = browser.driver().findElement(By.cssSelector("tr[data-focus-chart='trend-1']"));
        assertEquals("8", row.findElements(By.tagName("td")).get(1).getText());
        row.click();
        double[] after = PageCharts.xRange(browser, "trend-1");
        assertEquals(Double.parseDouble(row.getAttribute("data-focus-min")), after[0]);
        assertEquals(Double.parseDouble(row.getAttribute("data-focus-max")), after[1]);
        assertNotEquals(before[0], after[0]);
        assertTrue(after[0] < 8 && 8 < after[1], after[0] + ".." + after[1]);
        assertEquals(after[0], PageCharts.xRange(browser, "trend-3")[0], "charts over the runs move together");
        assertEquals(List.of(), browser.severeLogs());
    }

    @Test
    void clickingAHeaderSortsTheMetricsTable() {
        browser.open(cliPage);
        WebElement table = browser.driver().findElement(By.xpath("//h2[text()='Metrics']/following::table[1]"));
        WebElement header = table.findElements(By.tagName("th")).get(0);
        assertEquals("metric", header.getText());
        List<String> listed = column(table, 0);
        assertEquals(List.of("frame.time", "group.SimGroup.frame", "system.MoveSystem.call"), listed);
        header.click();
        header.click();
        assertEquals(List.of("system.MoveSystem.call", "group.SimGroup.frame", "frame.time"), column(table, 0));
        WebElement changes = table.findElements(By.tagName("th")).get(2);
        changes.click();
        assertEquals("frame.time", column(table, 0).get(2), "the one metric with a change point sorts last");
        assertEquals(List.of(), browser.severeLogs());
    }

    @Test
    void aMetricNameHoldingMarkupIsShownAsTextAndNothingRuns() throws IOException {
        List<String> charts = openAndCheck(evilPage, "trend-markup-names.png");
        assertEquals(3, charts.size());
        assertEquals("jfr-analyzer trend", browser.title());
        assertEquals("undefined", browser.js("return typeof window.__pwned"));
        assertEquals(0L, browser.js("return document.querySelectorAll('main script:not([type])').length"));
        assertTrue(((String) browser.js("return document.body.textContent")).contains(TrendHtmlWriterTest.EVIL_METRIC));
        String legend = (String) browser.js("return document.querySelector('#chart-trend-3 .u-legend').textContent");
        assertTrue(legend.contains(TrendHtmlWriterTest.EVIL_METRIC), legend);
    }

    private static List<String> column(WebElement table, int col) {
        List<String> out = new ArrayList<>();
        for (WebElement r : table.findElements(By.cssSelector("tbody tr"))) {
            out.add(r.findElements(By.tagName("td")).get(col).getText());
        }
        return out;
    }

    /** Opens the page, checks the console and that each chart drew; returns the chart ids in page order. */
    private static List<String> openAndCheck(Path page, String screenshot) throws IOException {
        List<String> ids = PageCharts.openAndCheck(browser, page);
        browser.screenshot(HeadlessChromium.screenshotDir().resolve(screenshot));
        return ids;
    }
}
