package io.puredots.export;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Resolution raw: every sample becomes one point with field {@code value}. Not thread-safe. */
final class RawSamples implements SampleSink {
    private final PointWriter out;
    long points;

    RawSamples(PointWriter out) {
        this.out = out;
    }

    @Override
    public void sample(Metric metric, long timestampNanos, long tick, String[] sortedTags, long raw) {
        point(Point.raw(metric, timestampNanos, sortedTags, raw));
    }

    @Override
    public void point(Point p) {
        try {
            out.write(p);
            points++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void busy(String worker, long tick, long startNanos, long endNanos) {
    }

    @Override
    public void frame(long tick, long startNanos, long endNanos) {
    }

    @Override
    public void advance(long endNanos) {
    }

    @Override
    public void finish() {
    }
}
