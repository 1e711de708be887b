package io.puredots.analyzer.cli;

import io.puredots.analyzer.stats.Window;
import picocli.CommandLine.Option;

/**
 * Mixin: which frames the statistics cover, {@code --from}, {@code --to} and {@code --warmup}.
 * Filled by picocli; not thread-safe.
 */
final class WindowOptions {
    @Option(names = "--from", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Keep frames that start at or after TIME: an offset from the recording start "
                    + "(30s, 1.5min, 250ms, 1h) or an instant (2026-11-27T12:00:05Z; without a zone: UTC).")
    Window.Time from;

    @Option(names = "--to", paramLabel = "TIME", converter = TimeConverter.class,
            description = "Keep frames that start before TIME (same forms as --from).")
    Window.Time to;

    @Option(names = "--warmup", paramLabel = "N|auto", defaultValue = "0",
            description = "Drop the first N frames of the window as warm-up, or 'auto' to detect the steady "
                    + "state (MSER-5, below). Default: ${DEFAULT-VALUE}.")
    String warmup;

    /**
     * The window the options describe.
     *
     * @throws Cli.UserException when {@code --warmup} is neither a number of frames nor {@code auto}
     */
    Window window() {
        boolean auto = "auto".equals(warmup);
        return new Window(from, to, auto ? 0 : warmupFrames(), auto);
    }

    private long warmupFrames() {
        try {
            long n = Long.parseLong(warmup);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Cli.UserException("--warmup needs a number of frames or 'auto', got '" + warmup + "'");
        }
    }
}
