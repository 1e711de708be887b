package io.puredots.analyzer.model.timeline;

import java.util.List;

/**
 * One memory quantity over time, downsampled by time: each point keeps the minimum and maximum
 * of the samples in its time bucket.
 *
 * @param id      stable id: {@code heap.used} (every {@code jdk.GCHeapSummary}, before and after GC),
 *                {@code heap.after-gc} (after GC only: what the {@code memory.heap} budget judges),
 *                {@code native.reserved}, {@code native.used} (summed over native containers, each at
 *                its latest sample), {@code entities} (summed over archetypes); only series with samples
 * @param unit    {@code bytes} or {@code count}
 * @param points  in time order
 */
public record MemorySeries(String id, String unit, List<Point> points) {

    public MemorySeries {
        points = List.copyOf(points);
    }

    /**
     * The samples of one time bucket.
     *
     * @param offsetNanos  the bucket's first sample, from the recording's start
     * @param min          smallest sample
     * @param max          largest sample
     * @param last         the bucket's last sample
     */
    public record Point(long offsetNanos, long min, long max, long last) {
    }
}
