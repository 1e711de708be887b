package io.puredots.analyzer.output.compare;

import io.puredots.analyzer.cli.Cli;
import io.puredots.analyzer.model.compare.Comparison;
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
 * The compare page in a real headless Chromium: no console errors (script errors and
 * Content-Security-Policy violations are SEVERE), every chart drew, rows coloured by verdict,
 * the metric table sorted by a header click, and metric names holding markup shown as text
 * without running anything. Pages: {@code compare} of two fixture recordings through the CLI,
 * and the writer on deterministic synthetic sides. Screenshots go to target/screenshots.
 */
class CompareHtmlBrowserTest {
    private static final Path SIM_SMALL = Path.of("../recordings/fixtures/sim-small.jfr");
    private static final Path TWO_CHUNKS = Path.of("src/test/resources/fixtures/game-two-chunks.jfr");

    @TempDir
    static Path dir;
    private static HeadlessChromium browser;
    private static Path recordingsPage;
    private static Path syntheticPage;
    private static Path evilPage;

    @BeforeAll
    static void pages() throws IOException {
        browser = new HeadlessChromium();
        recordingsPage = dir.resolve("recordings.html");
        StringWriter err = new StringWriter();
        int code = Cli.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("compare", "--format", "html", "--batch-frames", "50", "--allow-no-data", "-o",
                        recordingsPage.toString(), SIM_SMALL.toString(), TWO_CHUNKS.toString());
        assertEquals(Cli.VIOLATED, code, err.toString());
        syntheticPage = write(CompareWritersTest.comparison(), dir.resolve("synthetic.html"));
        evilPage = write(CompareHtmlWriterTest.withSystem(CompareHtmlWriterTest.EVIL_SYSTEM), dir.resolve("evil.html"));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private static Path write(Comparison c, Path file) throws IOException {
        Files.writeString(file, CompareHtmlWriterTest.html(c), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void comparisonOfTwoRecordingsDrawsEveryChartWithoutConsoleErrors() throws IOException {
        List<String> charts = openAndCheck(recordingsPage, "compare-recordings.png");
        assertEquals(List.of("metric-1", "metric-2"), charts, "memory.native.peak and per-entity regressed");
    }

    @Test
    void syntheticComparisonDrawsBothSidesOfEachRegression() throws IOException {
        List<String> charts = openAndCheck(syntheticPage, "compare.png");
        assertEquals(List.of("metric-1", "metric-2"), charts);
        assertEquals(List.of("baseline", "current"), seriesLabels("metric-1").subList(1, 3));
    }

    @Test
    void rowsAreColouredByVerdict() {
        browser.open(syntheticPage);
        assertEquals("rgb(253, 232, 232)", style("tr.tone-bad", "backgroundColor"), "regression");
        assertEquals("rgb(44, 160, 44)", style("tr.tone-ok td", "borderLeftColor"), "improvement");
        assertEquals("rgb(136, 136, 136)", style("tr.tone-muted", "color"), "not compared");
        assertEquals(List.of(), browser.severeLogs());
    }

    @Test
    void clickingTheChangeHeaderSortsTheMetricsByChange() {
        browser.open(syntheticPage);
        WebElement table = browser.driver().findElement(By.xpath("//h2[text()='Metrics']/following::table[1]"));
        WebElement header = table.findElements(By.tagName("th")).get(4);
        assertEquals("change", header.getText());
        List<Double> listed = changes(table);
        header.click();
        List<Double> ascending = changes(table);
        List<Double> sorted = new ArrayList<>(listed);
        sorted.sort(Double::compare);
        assertEquals(sorted, ascending, "n/a first, then by number");
        assertNotEquals(listed, ascending, "the writer lists the worst regression first; the click reordered");
        header.click();
        List<Double> descending = changes(table);
        sorted.sort((a, b) -> Double.compare(b, a));
        assertEquals(sorted, descending);
        assertEquals(List.of(), browser.severeLogs());
    }

    @Test
    void metricNamesHoldingMarkupAreShownAsTextAndNothingRuns() throws IOException {
        openAndCheck(evilPage, "compare-markup-names.png");
        assertEquals("jfr-analyzer compare", browser.title());
        assertEquals("undefined", browser.js("return typeof window.__pwned"));
        assertEquals(0L, browser.js("return document.querySelectorAll('main script:not([type])').length"));
        String metric = "system." + CompareHtmlWriterTest.EVIL_SYSTEM + ".frame";
        assertTrue(((String) browser.js("return document.querySelector('figcaption').textContent")).startsWith(metric));
        assertTrue(((String) browser.js("return document.body.textContent")).contains(metric));
    }

    /** The change column as numbers, n/a as negative infinity (as the page sorts it). */
    private static List<Double> changes(WebElement table) {
        List<Double> out = new ArrayList<>();
        for (WebElement r : table.findElements(By.cssSelector("tbody tr"))) {
            String c = r.findElements(By.tagName("td")).get(4).getText();
            out.add(c.equals("n/a") ? Double.NEGATIVE_INFINITY : Double.parseDouble(c.replace("%", "")));
        }
        assertTrue(out.stream().anyMatch(d -> d.isInfinite()) && out.stream().filter(d -> !d.isInfinite()).count() > 3,
                out.toString());
        return out;
    }

    private static String style(String selector, String property) {
        return (String) browser.js("return getComputedStyle(document.querySelector(arguments[0]))[arguments[1]]",
                selector, property);
    }

    @SuppressWarnings("unchecked")
    private static List<String> seriesLabels(String id) {
        return (List<String>) browser.js("return puredotsCharts.get(arguments[0]).series.map(function (s) {"
                + " return s.label; })", id);
    }

    /** Opens the page, checks the console and that each chart drew; returns the chart ids in page order. */
    private static List<String> openAndCheck(Path page, String screenshot) throws IOException {
        List<String> ids = PageCharts.openAndCheck(browser, page);
        browser.screenshot(HeadlessChromium.screenshotDir().resolve(screenshot));
        return ids;
    }
}
