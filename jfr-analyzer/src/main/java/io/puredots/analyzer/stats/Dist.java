package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Distribution;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;

import java.util.Arrays;

/**
 * A streaming distribution of non-negative long values: an auto-resizing HdrHistogram with 3
 * significant digits plus the exact count, sum, min and max. Memory is bounded by the value
 * range, not by the number of values. Negative values are recorded as 0.
 *
 * <p>The first {@value #BUFFER_MAX} values are kept in a plain array and only then moved into a
 * histogram sized for their range at once: a chunk partial with few values of a series never
 * allocates a histogram (its values go straight into the merged one), and a histogram does not
 * grow step by step (each HdrHistogram resize copies its whole counts array).
 *
 * <p>With a {@link Recycler}, the buffer is taken at its full size and, like a partial's
 * histogram, handed back once the values moved on (into the histogram, or into the total that
 * {@link #add} merges this partial into).
 *
 * <p>Not thread-safe: one writer; {@link #add} merges another (finished) partial into this one.
 */
public final class Dist {
    /** Significant decimal digits kept by the histogram. */
    public static final int DIGITS = 3;
    static final int BUFFER_MAX = 4096;
    /** Values recorded into {@link #recording} before it is folded into {@link #merged}: no int count can overflow. */
    private static final long RECORDING_MAX = 1L << 30;

    /*
     * Two histograms, each used through one concrete class only, so that HotSpot's type profile
     * at HdrHistogram's shared call sites stays monomorphic (a mix made C2 throw away and
     * recompile the event handlers that inline recordValue, 9 times per report):
     * - recording: int counts; every single value goes here (half the memory of long counts);
     * - merged: long counts; only whole histograms (add) and counts of zeros go here.
     */
    private IntCountsHistogram recording;
    private Histogram merged;
    private final Recycler recycler;
    private long[] buffer;
    private int buffered;
    private long recorded;
    private long count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    /** A distribution that allocates its own buffer and histogram. */
    public Dist() {
        this(Recycler.NONE);
    }

    /** A distribution that takes its buffer and recording histogram from {@code recycler} and hands them back. */
    Dist(Recycler recycler) {
        this.recycler = recycler;
    }

    public void record(long value) {
        long v = Math.max(0, value);
        count++;
        sum += v;
        if (v < min) {
            min = v;
        }
        if (v > max) {
            max = v;
        }
        store(v);
    }

    /** Puts a value into the buffer or the recording histogram; the exact counters are the caller's. */
    private void store(long v) {
        if (recording != null) {
            recording.recordValue(v);
            if (++recorded == RECORDING_MAX) {
                fold();
            }
            return;
        }
        if (buffer == null) {
            buffer = recycler == Recycler.NONE ? new long[16] : recycler.longs(BUFFER_MAX);
        } else if (buffered == buffer.length) {
            if (buffered >= BUFFER_MAX) {
                startRecording();
                store(v);
                return;
            }
            buffer = Arrays.copyOf(buffer, Math.min(BUFFER_MAX, buffered * 2));
        }
        buffer[buffered++] = v;
    }

    /** Moves the buffered values into a recording histogram sized for their range. */
    private void startRecording() {
        recording = recycler.histogram(max);
        recorded = buffered;
        for (int i = 0; i < buffered; i++) {
            recording.recordValue(buffer[i]);
        }
        recycler.give(buffer);
        buffer = null;
        buffered = 0;
    }

    /** Moves every value into {@link #merged}; the recording histogram goes back to the recycler. */
    private void fold() {
        if (merged == null) {
            merged = new Histogram(1, Math.max(2, max), DIGITS);
            merged.setAutoResize(true);
        }
        if (buffered > 0) {
            startRecording();
        }
        if (recording != null) {
            merged.add(recording);
            recycler.give(recording);
            recording = null;
            recorded = 0;
        }
    }

    /** Records the value 0, {@code n} times. */
    public void recordZeros(long n) {
        if (n <= 0) {
            return;
        }
        count += n;
        min = Math.min(min, 0);
        max = Math.max(max, 0);
        fold();
        merged.recordValueWithCount(0, n);
    }

    /**
     * Adds every value of {@code other} to this one. {@code other} is spent: its buffer and
     * histograms go back to its recycler, and only its count, sum, min and max stay readable.
     */
    public void add(Dist other) {
        if (other.count == 0) {
            return;
        }
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        for (int i = 0; i < other.buffered; i++) {
            store(other.buffer[i]);
        }
        if (other.recording != null || other.merged != null) {
            fold();
            if (other.recording != null) {
                merged.add(other.recording);
            }
            if (other.merged != null) {
                merged.add(other.merged);
            }
        }
        other.recycler.give(other.buffer);
        other.recycler.give(other.recording);
        other.buffer = null;
        other.buffered = 0;
        other.recording = null;
        other.merged = null;
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
        fold();
        return Math.max(min, Math.min(max, merged.getValueAtPercentile(p)));
    }

    public Distribution summary() {
        if (count == 0) {
            return Distribution.EMPTY;
        }
        return new Distribution(count, sum, min, (double) sum / count, percentile(50), percentile(90),
                percentile(95), percentile(99), percentile(99.9), max);
    }
}
