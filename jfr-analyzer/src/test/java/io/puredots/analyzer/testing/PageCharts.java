package io.puredots.analyzer.testing;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Checks on the charts of a page open in {@link HeadlessChromium}: which charts it has, whether
 * a chart drew its data, and a chart's x range. Not thread-safe (as the browser).
 */
public final class PageCharts {
    /**
     * Draws chart arguments[0] with its series hidden, then shown again; answers [the series drew
     * something, the redraw is the same picture] (a blank canvas or one that only shows axes fails).
     */
    private static final String DREW = String.join("\n",
            "var done = arguments[arguments.length - 1];",
            "var u = puredotsCharts.get(arguments[0]);",
            "var canvas = u.root.querySelector('canvas');",
            "function tick() { return new Promise(function (r) { setTimeout(r, 0); }); }",
            "(async function () {",
            "  await tick();",
            "  var drawn = canvas.toDataURL();",
            "  for (var i = 1; i < u.series.length; i++) { u.setSeries(i, {show: false}); }",
            "  await tick();",
            "  var blank = canvas.toDataURL();",
            "  for (var j = 1; j < u.series.length; j++) { u.setSeries(j, {show: true}); }",
            "  await tick();",
            "  return [drawn !== blank, canvas.toDataURL() === drawn];",
            "})().then(done, function (e) { done(String(e)); });");

    private PageCharts() {
    }

    /** The ids of the page's chart slots, in page order. */
    @SuppressWarnings("unchecked")
    public static List<String> ids(HeadlessChromium browser) {
        return (List<String>) browser.js("return Array.prototype.map.call(document.querySelectorAll('div[data-chart]'),"
                + " function (d) { return d.getAttribute('data-chart'); })");
    }

    /** Whether chart {@code id} drew its series and draws the same picture again: [true, true] when it did. */
    @SuppressWarnings("unchecked")
    public static List<Object> drew(HeadlessChromium browser, String id) {
        return (List<Object>) browser.driver().executeAsyncScript(DREW, id);
    }

    /** Chart {@code id}'s x scale: [min, max]. */
    @SuppressWarnings("unchecked")
    public static double[] xRange(HeadlessChromium browser, String id) {
        List<Number> s = (List<Number>) browser.js("var x = puredotsCharts.get(arguments[0]).scales.x;"
                + " return [x.min, x.max];", id);
        return new double[] {s.get(0).doubleValue(), s.get(1).doubleValue()};
    }

    /**
     * Opens {@code page} and checks it as every HTML test does: it has charts, each drew its data,
     * and the console has no error (a Content-Security-Policy violation included).
     *
     * @return the chart ids, in page order
     */
    public static List<String> openAndCheck(HeadlessChromium browser, Path page) {
        browser.open(page);
        List<String> ids = ids(browser);
        assertFalse(ids.isEmpty(), "charts on " + page);
        for (String id : ids) {
            assertEquals(List.of(true, true), drew(browser, id), "chart " + id + " on " + page
                    + ": drew its series, and the same again after hiding them");
        }
        assertEquals(List.of(), browser.severeLogs(), page.toString());
        return ids;
    }
}
