package io.puredots.analyzer.cli;

import io.puredots.analyzer.read.ReadProgress;
import io.puredots.analyzer.text.Units;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * Shows a read's progress on stderr: {@code jfr-analyzer report: reading 'run.jfr' 45% (387.21
 * MiB of 856.40 MiB), about 4 s left}; the amounts are bytes, or whatever the given words say
 * (an export counts recording time). On a terminal one line redrawn in place (at most every
 * {@value #REDRAW_MILLIS} ms) and erased when the read is done, so the result starts on a clean
 * line; elsewhere (a log) one line per tenth. Thread-safe: the reader calls it from its threads.
 */
final class ProgressLine implements ReadProgress {
    static final long REDRAW_MILLIS = 200;

    private final PrintWriter err;
    private final String what;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private final LongFunction<String> amount;
    private final long startNanos;
    private long lastDrawNanos = Long.MIN_VALUE;
    private int lastTenth = -1;
    private int drawnLength;

    /**
     * @param what      e.g. {@code jfr-analyzer report: reading 'run.jfr'}
     * @param terminal  whether {@code err} is a terminal (redraw in place) or a log (a line per tenth)
     * @param nanoClock {@link System#nanoTime}, or a test's clock; the read starts at construction
     */
    ProgressLine(PrintWriter err, String what, boolean terminal, LongSupplier nanoClock) {
        this(err, what, terminal, nanoClock, Units::bytes);
    }

    /** As above, with the words for an amount done or in all (bytes, by default). */
    ProgressLine(PrintWriter err, String what, boolean terminal, LongSupplier nanoClock, LongFunction<String> amount) {
        this.err = err;
        this.what = what;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
        this.amount = amount;
        this.startNanos = nanoClock.getAsLong();
    }

    @Override
    public synchronized void read(long bytesDone, long bytesTotal) {
        long now = nanoClock.getAsLong();
        boolean done = bytesDone >= bytesTotal;
        if (terminal) {
            if (done) {
                if (drawnLength > 0) {
                    err.print("\r" + " ".repeat(drawnLength) + "\r");
                    err.flush();
                    drawnLength = 0;
                }
                return;
            }
            if (lastDrawNanos != Long.MIN_VALUE && now - lastDrawNanos < REDRAW_MILLIS * 1_000_000) {
                return;
            }
            lastDrawNanos = now;
            String line = line(bytesDone, bytesTotal, now);
            err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
            err.flush();
            drawnLength = line.length();
            return;
        }
        int tenth = bytesTotal <= 0 ? 10 : (int) (10 * bytesDone / bytesTotal);
        if (tenth > lastTenth) {
            lastTenth = tenth;
            err.println(line(bytesDone, bytesTotal, now));
        }
    }

    /** The words for {@code done} of {@code total} bytes, {@code now} on the clock. */
    String line(long done, long total, long now) {
        int percent = total <= 0 ? 100 : (int) (100 * done / total);
        StringBuilder b = new StringBuilder(what).append(' ').append(percent).append("% (")
                .append(amount.apply(done)).append(" of ").append(amount.apply(total)).append(')');
        long elapsed = now - startNanos;
        if (done > 0 && done < total && elapsed > 0) {
            double left = (double) elapsed * (total - done) / done;
            b.append(", about ").append(seconds(left)).append(" left");
        }
        return b.toString();
    }

    private static String seconds(double nanos) {
        long s = Math.max(1, Math.round(nanos / 1e9));
        return s < 120 ? s + " s" : String.format(Locale.ROOT, "%d min", Math.round(s / 60.0));
    }
}
