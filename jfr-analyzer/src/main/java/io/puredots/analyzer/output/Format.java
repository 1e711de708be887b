package io.puredots.analyzer.output;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number and time formatting shared by the human-readable writers. Stateless, thread-safe. */
final class Format {
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Format() {
    }

    /** Nanoseconds as milliseconds with 3 decimals: "16.600". */
    static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    static String msUnit(double nanos) {
        return ms(nanos) + " ms";
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    static String num(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String bytes(double b) {
        double a = Math.abs(b);
        if (a >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f GiB", b / (1L << 30));
        }
        if (a >= 1L << 20) {
            return String.format(Locale.ROOT, "%.2f MiB", b / (1L << 20));
        }
        if (a >= 1L << 10) {
            return String.format(Locale.ROOT, "%.2f KiB", b / (1L << 10));
        }
        return String.format(Locale.ROOT, "%.0f B", b);
    }

    static String instant(long epochNanos) {
        return INSTANT.format(Instant.ofEpochSecond(0, epochNanos));
    }

    /** A duration as "1 h 02 min 03.456 s", "2 min 03.456 s" or "3.456 s". */
    static String duration(long nanos) {
        long ms = nanos / 1_000_000;
        long h = ms / 3_600_000;
        long m = ms / 60_000 % 60;
        double s = (ms % 60_000) / 1000.0;
        if (h > 0) {
            return String.format(Locale.ROOT, "%d h %02d min %06.3f s", h, m, s);
        }
        if (m > 0) {
            return String.format(Locale.ROOT, "%d min %06.3f s", m, s);
        }
        return String.format(Locale.ROOT, "%.3f s", s);
    }
}
