package io.puredots.analyzer.text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the analyzer writes quantities for people: sizes in binary units (KiB, MiB, GiB), times in
 * milliseconds, instants in UTC. The one copy of each, so a size reads the same in a warning, a
 * budget verdict and a report table. Depends on the JDK only, so every package may use it.
 * Stateless, thread-safe.
 */
public final class Units {
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Units() {
    }

    /** Nanoseconds as milliseconds with 3 decimals, no unit: "16.600". */
    public static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    /** Nanoseconds as milliseconds with 3 decimals and the unit: "16.600 ms". */
    public static String msUnit(double nanos) {
        return ms(nanos) + " ms";
    }

    /** Nanoseconds as milliseconds with 1 decimal, no unit: "23.1" (the slow-frame lines). */
    public static String msOneDecimal(double nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /** A fraction (0..1) as a percentage with 1 decimal: "12.5%". */
    public static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** A number with the given decimals, root locale. */
    public static String num(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /**
     * A size in bytes with a binary unit and 2 decimals: "3.05 MiB", "537.00 KiB", "1.20 GiB";
     * below 1 KiB whole bytes: "640 B". The unit is chosen by the magnitude, so negatives work.
     */
    public static String bytes(double b) {
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

    /** Epoch nanoseconds as a UTC instant with milliseconds: "2024-05-01T12:00:00.000Z". */
    public static String instant(long epochNanos) {
        return INSTANT.format(Instant.ofEpochSecond(0, epochNanos));
    }

    /** A duration as "1 h 02 min 03.456 s", "2 min 03.456 s" or "3.456 s". */
    public static String duration(long nanos) {
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
