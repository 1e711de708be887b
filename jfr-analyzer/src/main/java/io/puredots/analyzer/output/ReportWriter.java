package io.puredots.analyzer.output;

import io.puredots.analyzer.model.Report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes a {@link Report} in one format. Writers format; they never compute a statistic.
 * Implementations are stateless and thread-safe.
 */
public interface ReportWriter {

    void write(Report report, Writer out) throws IOException;

    /**
     * Does ahead what the first {@link #write} would (loading and introspecting its classes), so
     * that a caller can do it while the recording is read; thread-safe, optional.
     */
    default void prepare() {
    }

    /** The writer for a format name: "text", "json", "markdown" or "html"; text at {@link TextWriter#DEFAULT_WIDTH}. */
    static ReportWriter forFormat(String format) {
        return forFormat(format, TextWriter.DEFAULT_WIDTH);
    }

    /** The writer for a format name: "text" (at {@code textWidth} columns), "json", "markdown" or "html". */
    static ReportWriter forFormat(String format, int textWidth) {
        switch (format.toLowerCase(Locale.ROOT)) {
            case "text":
                return new TextWriter(textWidth);
            case "json":
                return new JsonWriter();
            case "markdown":
                return new MarkdownWriter();
            case "html":
                return new HtmlReportWriter();
            default:
                throw new IllegalArgumentException("unknown format '" + format + "' (text, json, markdown, html)");
        }
    }
}
