package io.puredots.analyzer.stats.timeline;

import io.puredots.analyzer.model.timeline.MemorySeries;

import java.util.ArrayList;
import java.util.List;

/**
 * Samples of one quantity over time in at most {@code capacity} time buckets ({@link BucketAxis}
 * over epoch ns: buckets of {@code 2^k} ns, pairs merged when the samples' span outgrows the
 * capacity). Per bucket: its first sample's time, the smallest and largest sample, and the sample
 * with the latest time (of equal times, the one added last). Memory: O(capacity).
 *
 * <p>Samples may come in any time order. {@link #merge} takes the partial of a later chunk (its
 * samples win ties on "latest"). Not thread-safe.
 */
final class TimeBuckets {
    private final BucketAxis axis;
    private long[] count;
    private long[] first;
    private long[] min;
    private long[] max;
    private long[] lastTime;
    private long[] last;

    /** @param capacity most buckets, at least 2 */
    TimeBuckets(int capacity) {
        axis = new BucketAxis(capacity);
        allocate(capacity);
    }

    private void allocate(int capacity) {
        count = new long[capacity];
        first = new long[capacity];
        min = new long[capacity];
        max = new long[capacity];
        lastTime = new long[capacity];
        last = new long[capacity];
    }

    boolean isEmpty() {
        return axis.isEmpty();
    }

    /** One sample taken at {@code timeNanos} (epoch ns). */
    void add(long timeNanos, long value) {
        int k = axis.levelFor(timeNanos, timeNanos);
        if (k != axis.level()) {
            raise(k);
        }
        axis.include(timeNanos, timeNanos);
        int s = axis.slot(timeNanos >> axis.level());
        combine(s, 1, timeNanos, value, value, timeNanos, value);
    }

    private void combine(int s, long n, long firstNanos, long lowest, long highest, long latestNanos, long latest) {
        if (n == 0) {
            return;
        }
        if (count[s] == 0) {
            count[s] = n;
            first[s] = firstNanos;
            min[s] = lowest;
            max[s] = highest;
            lastTime[s] = latestNanos;
            last[s] = latest;
            return;
        }
        count[s] += n;
        first[s] = Math.min(first[s], firstNanos);
        min[s] = Math.min(min[s], lowest);
        max[s] = Math.max(max[s], highest);
        if (latestNanos >= lastTime[s]) {
            lastTime[s] = latestNanos;
            last[s] = latest;
        }
    }

    private void raise(int k) {
        if (!axis.isEmpty()) {
            long[] c = count;
            long[] f = first;
            long[] lo = min;
            long[] hi = max;
            long[] lt = lastTime;
            long[] l = last;
            allocate(axis.capacity());
            int[] from = axis.slots();
            int[] to = axis.raisedSlots(k - axis.level());
            for (int i = 0; i < from.length; i++) {
                int s = from[i];
                combine(to[i], c[s], f[s], lo[s], hi[s], lt[s], l[s]);
            }
        }
        axis.raise(k);
    }

    /** Adds the samples of {@code next}, a later chunk's partial of the same capacity; {@code next} is spent. */
    void merge(TimeBuckets next) {
        if (next.axis.isEmpty()) {
            return;
        }
        int k = axis.mergeLevel(next.axis);
        raise(k);
        next.raise(k);
        axis.include(next.axis);
        for (int s : next.axis.slots()) { // both at one level and capacity: a bucket has one slot in both
            combine(s, next.count[s], next.first[s], next.min[s], next.max[s], next.lastTime[s], next.last[s]);
        }
    }

    /** The buckets that hold a sample, in time order; offsets from {@code originNanos}. */
    List<MemorySeries.Point> points(long originNanos) {
        List<MemorySeries.Point> out = new ArrayList<>();
        for (int s : axis.slots()) {
            if (count[s] > 0) {
                out.add(new MemorySeries.Point(first[s] - originNanos, min[s], max[s], last[s]));
            }
        }
        return out;
    }
}
