package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Distribution;
import org.HdrHistogram.Histogram;

/**
 * A streaming distribution of non-negative long values: an auto-resizing HdrHistogram with 3
 * significant digits plus the exact count, sum, min and max. Memory is bounded by the value
 * range, not by the number of values. Negative values are recorded as 0.
 *
 * <p>Not thread-safe: one writer; {@link #add} merges another (finished) partial into this one.
 */
public final class Dist {
    /** Significant decimal digits kept by the histogram. */
    public static final int DIGITS = 3;

    private Histogram histogram;
    private long count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    public void record(long value) {
        long v = Math.max(0, value);
        if (histogram == null) {
            histogram = new Histogram(DIGITS);
        }
        histogram.recordValue(v);
        count++;
        sum += v;
        if (v < min) {
            min = v;
        }
        if (v > max) {
            max = v;
        }
    }

    /** Adds every value of {@code other} to this one. */
    public void add(Dist other) {
        if (other.count == 0) {
            return;
        }
        if (histogram == null) {
            histogram = new Histogram(DIGITS);
        }
        histogram.add(other.histogram);
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    public long count() {
        return count;
    }

    public long sum() {
        return sum;
    }

    public long max() {
        return count == 0 ? 0 : max;
    }

    /** The value at percentile {@code p} (0..100), as documented on {@link Distribution}. */
    public long percentile(double p) {
        if (count == 0) {
            return 0;
        }
        return Math.max(min, Math.min(max, histogram.getValueAtPercentile(p)));
    }

    public Distribution summary() {
        if (count == 0) {
            return Distribution.EMPTY;
        }
        return new Distribution(count, sum, min, (double) sum / count, percentile(50), percentile(90),
                percentile(95), percentile(99), percentile(99.9), max);
    }
}
