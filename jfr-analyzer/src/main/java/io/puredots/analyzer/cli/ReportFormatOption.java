package io.puredots.analyzer.cli;

import io.puredots.analyzer.output.ReportWriter;
import picocli.CommandLine.Option;

/** Mixin: {@code --format} of a report (text, json or markdown). Filled by picocli; not thread-safe. */
final class ReportFormatOption {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json or markdown. Default: ${DEFAULT-VALUE}.")
    String format;

    /**
     * The writer for the format.
     *
     * @throws Cli.UserException for an unknown format
     */
    ReportWriter writer() {
        try {
            return ReportWriter.forFormat(format);
        } catch (IllegalArgumentException e) {
            throw new Cli.UserException(e.getMessage());
        }
    }
}
