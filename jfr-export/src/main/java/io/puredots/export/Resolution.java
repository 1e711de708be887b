package io.puredots.export;

import java.util.Locale;

/**
 * How finely timed metrics are written: {@code raw} (one point per event), {@code frame} (one
 * window per simulation tick, joined by the events' tick field) or fixed time windows aligned to
 * the epoch ({@code 1s}, {@code 10s}). Immutable.
 */
public enum Resolution {
    RAW("raw", 0), FRAME("frame", 0), SECONDS_1("1s", 1_000_000_000L), SECONDS_10("10s", 10_000_000_000L);

    private final String cliName;
    private final long windowNanos;

    Resolution(String cliName, long windowNanos) {
        this.cliName = cliName;
        this.windowNanos = windowNanos;
    }

    public String cliName() {
        return cliName;
    }

    /** Window length for time windows; 0 for raw and frame. */
    public long windowNanos() {
        return windowNanos;
    }

    public static Resolution parse(String s) {
        for (Resolution r : values()) {
            if (r.cliName.equals(s.toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new ExportException("unknown resolution '" + s + "' (known: raw, frame, 1s, 10s)");
    }
}
