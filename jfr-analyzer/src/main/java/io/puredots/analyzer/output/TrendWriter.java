package io.puredots.analyzer.output;

import io.puredots.analyzer.model.trend.Trend;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes a {@link Trend} in one format. Writers format; they never compute a statistic.
 * Implementations are stateless and thread-safe.
 */
public interface TrendWriter {

    void write(Trend trend, Writer out) throws IOException;

    /** The writer for a format name: "text", "json", "markdown" or "html". */
    static TrendWriter forFormat(String format) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "text":
                return new TrendTextWriter();
            case "json":
                return new TrendJsonWriter();
            case "markdown":
                return new TrendMarkdownWriter();
            case "html":
                return new TrendHtmlWriter();
            default:
                throw new IllegalArgumentException("unknown format '" + format + "' (text, json, markdown, html)");
        }
    }
}
