package io.puredots.analyzer.output.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scripts and styles a page inlines, read once from the classpath: uPlot's from its webjar,
 * ours from this package's resources. Thread-safe.
 */
public final class HtmlAssets {
    /** uPlot's version; must match the webjar on the classpath (pinned in the parent pom). */
    public static final String UPLOT_VERSION = "1.6.30";
    /** uPlot's script (defines the global {@code uPlot}). */
    public static final String UPLOT_JS = "/META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/uPlot.iife.min.js";
    /** uPlot's style sheet. */
    public static final String UPLOT_CSS = "/META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/uPlot.min.css";
    /** Our page style. */
    public static final String PAGE_CSS = "/io/puredots/analyzer/output/html/page.css";
    /** Sortable tables and row links. */
    public static final String PAGE_JS = "/io/puredots/analyzer/output/html/page.js";
    /** Chart specs (embedded JSON) to uPlot charts. */
    public static final String CHARTS_JS = "/io/puredots/analyzer/output/html/charts.js";

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private HtmlAssets() {
    }

    /**
     * The text of a classpath resource.
     *
     * @throws IllegalStateException if it is missing (a packaging error) or would end its
     *         inline element early
     */
    public static String read(String resource) {
        return CACHE.computeIfAbsent(resource, HtmlAssets::load);
    }

    private static String load(String resource) {
        try (InputStream in = HtmlAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.contains("</script") || lower.contains("</style") || lower.contains("<!--")) {
                throw new IllegalStateException(resource + " cannot be inlined: it holds a closing tag or comment opener");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
