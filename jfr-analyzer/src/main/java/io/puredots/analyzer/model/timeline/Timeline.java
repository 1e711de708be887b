package io.puredots.analyzer.model.timeline;

import java.util.List;

/**
 * A run over time, downsampled for charts. Immutable.
 *
 * <p>Frame, group and worker series share one axis: {@link #frames()}' buckets of consecutive
 * ticks; each of their lists has one entry per frame bucket, in the same order. Buckets are the
 * aligned ranges of {@code 2^k} ticks ({@code tick >> k}), {@code k} the smallest at which the
 * selected ticks (of frames, group ticks and job runs) need at most {@link #maxBuckets()};
 * buckets without a frame are left out. Memory series have their own time axis (the JVM samples
 * memory by time, not by frame), bucketed the same way over epoch ns, each series on its own.
 *
 * @param originNanos  the recording's start, epoch ns: every {@code ...OffsetNanos} counts from here
 * @param maxBuckets   the most buckets a series may have (the chart's width in points)
 * @param frames       frame times per bucket of ticks, in tick order
 * @param groups       per system group, its mean time per frame in each frame bucket; first-seen order
 * @param workers      per job worker thread, its busy share in each frame bucket; by thread name
 * @param memory       heap, native memory and entity counts over time
 * @param slowFrameJobs the jobs of the slowest frames, slowest first (for a Gantt chart)
 */
public record Timeline(long originNanos, int maxBuckets, List<FrameBucket> frames, List<GroupSeries> groups,
                       List<WorkerSeries> workers, List<MemorySeries> memory, List<FrameJobs> slowFrameJobs) {

    public Timeline {
        frames = List.copyOf(frames);
        groups = List.copyOf(groups);
        workers = List.copyOf(workers);
        memory = List.copyOf(memory);
        slowFrameJobs = List.copyOf(slowFrameJobs);
    }
}
