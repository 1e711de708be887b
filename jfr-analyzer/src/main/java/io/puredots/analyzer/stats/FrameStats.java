package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Frames;

import java.util.ArrayList;
import java.util.List;

/**
 * Frame statistics of one chunk, mergeable in chunk order. Not thread-safe.
 */
final class FrameStats {
    /** Histogram bucket edges as fractions of the frame budget. */
    private static final double[] EDGES = {0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0};
    /** Bucket scale when the budget file sets no frame budget: 60 frames per second. */
    static final long DEFAULT_SCALE_NANOS = 16_600_000L;

    private final Long budget;
    private final long[] edges;
    private final long[] buckets;
    private final DistributionRecorder time;
    private final TickSeries perTick;
    private long firstStart = Long.MAX_VALUE;
    private long lastEnd = Long.MIN_VALUE;
    private long maxEntities;

    FrameStats(Long budgetNanos, Recycler recycler) {
        this.budget = budgetNanos;
        this.time = new DistributionRecorder(recycler);
        long scale = budgetNanos == null ? DEFAULT_SCALE_NANOS : budgetNanos;
        edges = new long[EDGES.length];
        for (int i = 0; i < EDGES.length; i++) {
            edges[i] = Math.round(EDGES[i] * scale);
        }
        buckets = new long[EDGES.length];
        perTick = new TickSeries(budgetNanos == null ? Long.MAX_VALUE : budgetNanos, recycler);
    }

    void frame(long startNanos, long durationNanos, long tick, int entityCount) {
        time.record(durationNanos);
        perTick.add(tick, durationNanos);
        int b = edges.length - 1;
        while (b > 0 && durationNanos < edges[b]) {
            b--;
        }
        buckets[b]++;
        firstStart = Math.min(firstStart, startNanos);
        lastEnd = Math.max(lastEnd, startNanos + durationNanos);
        maxEntities = Math.max(maxEntities, entityCount);
    }

    void seal() {
        perTick.seal();
    }

    void merge(FrameStats next) {
        time.add(next.time);
        perTick.merge(next.perTick);
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] += next.buckets[i];
        }
        firstStart = Math.min(firstStart, next.firstStart);
        lastEnd = Math.max(lastEnd, next.lastEnd);
        maxEntities = Math.max(maxEntities, next.maxEntities);
    }

    long count() {
        return time.count();
    }

    /** Summed frame time in ns. */
    long totalNanos() {
        return time.sum();
    }

    long maxEntities() {
        return maxEntities;
    }

    Frames toModel() {
        perTick.finish();
        long n = time.count();
        long span = lastEnd - firstStart;
        double fps = span > 0 ? n * 1e9 / span : 0;
        List<Frames.Bucket> hist = new ArrayList<>();
        for (int i = 0; i < edges.length; i++) {
            long upper = i + 1 < edges.length ? edges[i + 1] : Long.MAX_VALUE;
            hist.add(new Frames.Bucket(edges[i], upper, buckets[i]));
        }
        long over = budget == null ? 0 : perTick.overCount();
        return new Frames(n, fps, time.summary(), budget, over, n == 0 ? 0 : 100.0 * over / n,
                budget == null ? 0 : perTick.longestOverRun(), maxEntities, hist);
    }
}
