package io.puredots.analyzer.cli;

import io.puredots.analyzer.output.ReportWriter;
import picocli.CommandLine.Option;

/** Mixin: {@code --format} of a report (text, json, markdown or html). Filled by picocli; not thread-safe. */
final class ReportFormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json, markdown or html (one self-contained page with charts; works offline)."
                    + " Default: ${DEFAULT-VALUE}.")
    String format;

    /** Whether the format draws charts, which need the timeline (the run over time) from the pipeline. */
    boolean needsTimeline() {
        return "html".equalsIgnoreCase(format);
    }

    /**
     * The writer for the format; text at {@code textWidth} columns.
     *
     * @throws Cli.UserException for an unknown format
     */
    ReportWriter writer(int textWidth) {
        try {
            return ReportWriter.forFormat(format, textWidth);
        } catch (IllegalArgumentException e) {
            throw new Cli.UserException(e.getMessage());
        }
    }
}
