package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Distribution;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * Records a stream of non-negative long values and summarises it as a {@link Distribution}: an
 * auto-resizing HdrHistogram with {@value #DIGITS} significant digits plus the exact count, sum,
 * min and max. Memory is bounded by the value range, not by the number of values. Negative values
 * are recorded as 0. Partials merge: {@link #add} takes every value of another recorder.
 *
 * <pre>{@code
 * DistributionRecorder d = new DistributionRecorder();
 * d.record(frameNanos);                 // per event: a store into a buffer
 * total.add(d);                         // per chunk: d is spent
 * Distribution s = total.summary();     // percentiles as documented on Distribution
 * }</pre>
 *
 * <p>{@link #record} only appends to a buffer of up to {@value #BUFFER_MAX} values, moved into the
 * histogram in one loop when full: event handlers inline a store and a bounds check, and the
 * histogram code is compiled once, in {@link #drain}, not into every handler. A partial with fewer
 * values than the buffer holds never allocates a histogram, and a histogram is sized for the range
 * of a full buffer at once (each HdrHistogram resize copies its whole counts array).
 *
 * <p>With a {@link Recycler}, the buffer and the recording histogram come from it and go back to
 * it once their values moved on (into the recorder that {@link #add} merges this partial into).
 *
 * <p>Not thread-safe: one writer; {@link #add} merges another (finished) partial into this one.
 */
public final class DistributionRecorder {
    /** Significant decimal digits kept by the histogram. */
    public static final int DIGITS = 3;
    static final int BUFFER_MAX = 4096;
    /** Values recorded into {@link #recording} before it is folded into {@link #merged}: no int count can overflow. */
    private static final long RECORDING_MAX = 1L << 30;

    /*
     * Two histograms, each used through one concrete class only, so that HotSpot's type profile
     * at HdrHistogram's shared call sites stays monomorphic (a mix deoptimizes the handlers that
     * inline recordValue):
     * - recording: int counts; every single value goes here (half the memory of long counts);
     * - merged: long counts; only whole histograms (add) and counts of zeros go here.
     */
    private IntCountsHistogram recording;
    private Histogram merged;
    private final Recycler recycler;
    /**
     * Values not yet in a histogram: [0, buffered); those from {@code counted} on are not yet
     * counted either. Never null (empty until the first value), so that {@link #record} has one
     * branch, "full", which the JIT profiles as taken; a null check taken only at a chunk's start
     * would be compiled out and deoptimize the handlers in the next chunk.
     */
    private long[] buffer = NO_VALUES;
    private static final long[] NO_VALUES = new long[0];
    private int buffered;
    private int counted;
    private long recorded;
    private long count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    /** A recorder that allocates its own buffer and histogram. */
    public DistributionRecorder() {
        this(Recycler.NONE);
    }

    /** A recorder that takes its buffer and recording histogram from {@code recycler} and hands them back. */
    DistributionRecorder(Recycler recycler) {
        this.recycler = recycler;
    }

    /** Records one value; a negative value counts as 0. */
    public void record(long value) {
        long[] b = buffer;
        int n = buffered;
        if (n == b.length) {
            makeRoom();
            b = buffer;
            n = buffered;
        }
        b[n] = value;
        buffered = n + 1;
    }

    /** Allocates, grows or drains the buffer so that it has room for one more value. */
    private void makeRoom() {
        if (buffered < BUFFER_MAX) {
            // grown from 16, not taken at full size: so the "full" branch of record is taken early
            // in every recorder, while HotSpot profiles it (a branch never seen taken is compiled out)
            long[] grown = recycler.longs(Math.min(BUFFER_MAX, Math.max(16, buffered * 2)));
            System.arraycopy(buffer, 0, grown, 0, buffered);
            recycler.give(buffer);
            buffer = grown;
        } else {
            drain();
        }
    }

    /** Counts the values buffered since the last count (negative ones become 0). */
    private void countPending() {
        long[] b = buffer;
        long c = 0;
        long s = 0;
        long lo = min;
        long hi = max;
        for (int i = counted; i < buffered; i++) {
            long v = b[i];
            if (v < 0) {
                v = 0;
                b[i] = 0;
            }
            c++;
            s += v;
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
        }
        count += c;
        sum += s;
        min = lo;
        max = hi;
        counted = buffered;
    }

    /** Counts the buffered values and moves them into the recording histogram, sized for their range when new. */
    private void drain() {
        countPending();
        if (recording == null) {
            recording = recycler.histogram(max);
        }
        IntCountsHistogram h = recording;
        long[] b = buffer;
        for (int i = 0; i < buffered; i++) {
            h.recordValue(b[i]);
        }
        recorded += buffered;
        buffered = 0;
        counted = 0;
        if (recorded >= RECORDING_MAX) {
            fold();
        }
    }

    /** Moves every value into {@link #merged}; the buffer and recording histogram go back to the recycler. */
    private void fold() {
        countPending();
        if (merged == null) {
            merged = new Histogram(1, Math.max(2, max), DIGITS);
            merged.setAutoResize(true);
        }
        if (buffered > 0) {
            drain();
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
        fold();
        count += n;
        min = Math.min(min, 0);
        max = Math.max(max, 0);
        merged.recordValueWithCount(0, n);
    }

    /**
     * Adds every value of {@code other} to this one. {@code other} is spent: its buffer and
     * histograms go back to its recycler, and only its count, sum, min and max stay readable.
     */
    public void add(DistributionRecorder other) {
        other.countPending();
        if (other.count == 0) {
            return;
        }
        countPending();
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        for (int i = 0; i < other.buffered; ) {
            if (buffered == buffer.length) {
                makeRoom();
            }
            int n = Math.min(other.buffered - i, buffer.length - buffered);
            System.arraycopy(other.buffer, i, buffer, buffered, n);
            i += n;
            buffered += n;
            counted = buffered; // counted above, with other's totals
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
        other.buffer = NO_VALUES;
        other.buffered = 0;
        other.counted = 0;
        other.recording = null;
        other.merged = null;
    }

    /** Values recorded. */
    public long count() {
        countPending();
        return count;
    }

    /** Sum of the values recorded (negative ones as 0). */
    public long sum() {
        countPending();
        return sum;
    }

    /** Largest value recorded; 0 when none. */
    public long max() {
        countPending();
        return count == 0 ? 0 : max;
    }

    /** The value at percentile {@code p} (0..100), as documented on {@link Distribution}. */
    public long percentile(double p) {
        countPending();
        if (count == 0) {
            return 0;
        }
        fold();
        return Math.max(min, Math.min(max, merged.getValueAtPercentile(p)));
    }

    /** The summary the outputs read; {@link Distribution#EMPTY} when nothing was recorded. */
    public Distribution summary() {
        countPending();
        if (count == 0) {
            return Distribution.EMPTY;
        }
        return new Distribution(count, sum, min, (double) sum / count, percentile(50), percentile(90),
                percentile(95), percentile(99), percentile(99.9), max);
    }
}
