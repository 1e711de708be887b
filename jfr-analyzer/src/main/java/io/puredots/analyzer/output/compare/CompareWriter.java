package io.puredots.analyzer.output.compare;

import io.puredots.analyzer.model.compare.Comparison;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes a {@link Comparison} in one format. Writers format; they never compute a statistic.
 * Implementations are stateless and thread-safe.
 */
public interface CompareWriter {

    void write(Comparison comparison, Writer out) throws IOException;

    /**
     * The writer for a format name: "text", "json", "markdown", "junit" or "html".
     *
     * @throws IllegalArgumentException for another name, with a one-line message
     */
    static CompareWriter forFormat(String format) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "text":
                return new CompareTextWriter();
            case "json":
                return new CompareJsonWriter();
            case "markdown":
                return new CompareMarkdownWriter();
            case "junit":
                return new CompareJunitWriter();
            case "html":
                return new CompareHtmlWriter();
            default:
                throw new IllegalArgumentException("--format needs text, json, markdown, junit or html, got '" + format + "'");
        }
    }
}
