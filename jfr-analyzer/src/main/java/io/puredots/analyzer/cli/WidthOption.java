package io.puredots.analyzer.cli;

import io.puredots.analyzer.output.TextWriter;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Mixin: {@code --width} of the text report. Without it, the terminal's width when standard
 * output is a terminal, else {@link TextWriter#DEFAULT_WIDTH}, so that files and CI logs do not
 * depend on who ran the command. Filled by picocli; not thread-safe.
 */
final class WidthOption {
    @Option(names = "--width", paramLabel = "N",
            description = "Columns of the text report (at least 40). Default: the terminal's width when the report"
                    + " goes to a terminal, else 120.")
    Integer width;

    /**
     * The width to write the text report at.
     *
     * @param toStdout whether the report goes to standard output (a file never takes the
     *                 terminal's width)
     * @throws Cli.UserException for a width below 40
     */
    int columns(boolean toStdout) {
        if (width != null) {
            if (width < 40) {
                throw new Cli.UserException("--width needs at least 40 columns, got " + width);
            }
            return width;
        }
        if (!toStdout || System.console() == null) {
            return TextWriter.DEFAULT_WIDTH;
        }
        int terminal = terminalColumns();
        return terminal >= 40 ? terminal : TextWriter.DEFAULT_WIDTH;
    }

    /** The controlling terminal's columns ({@code stty size}), or 0 if they cannot be learnt. */
    private static int terminalColumns() {
        File tty = new File("/dev/tty");
        if (!tty.canRead()) {
            return 0;
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return 0;
            }
            String[] rowsCols = out.split("\\s+");
            return rowsCols.length == 2 ? Integer.parseInt(rowsCols[1]) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
