package io.puredots.analyzer.stats.timeline;

import io.puredots.analyzer.model.timeline.Timeline;
import io.puredots.analyzer.read.EventHandler;

/**
 * The chart series of a run ({@link Timeline}): frames, system groups and job workers in buckets
 * of ticks ({@link TickBuckets}), heap, native memory and entities in buckets of time
 * ({@link MemoryTimeline}), and the job runs of the slowest frames ({@link SlowFrameJobs}). A
 * mergeable per-chunk partial, like {@code RunSampler}: {@code ChunkStats} hands it the events of
 * the selected ticks (window, warm-up) and the memory samples in the selected time.
 *
 * <pre>{@code
 * TimelineAggregator total = new TimelineAggregator(TimelineSettings.from(budgets));
 * for each chunk, in chunk order: total.merge(partialOfThatChunk);   // partials: total.partial()
 * Timeline t = total.toTimeline(recordingStart);
 * }</pre>
 *
 * <p>Memory is O(maxBuckets x series + slow frames x jobs per frame), never O(frames); while a
 * chunk is read, also its memory samples, its job runs of frames not seen yet (at most
 * {@link TimelineSettings#maxPendingRuns()}) and one bit per frame. Used as a handler by itself
 * (partials from {@link #partial()}), it gives the timeline of every event of a recording.
 *
 * <p>Not thread-safe: a partial's events from one thread; {@link #merge} after both are done.
 */
public final class TimelineAggregator implements EventHandler {
    private final TimelineSettings settings;
    private final TickBuckets ticks;
    private final MemoryTimeline memory;
    private final SlowFrameJobs slow;

    public TimelineAggregator(TimelineSettings settings) {
        this.settings = settings;
        this.ticks = new TickBuckets(settings.maxBuckets(), settings.frameBudgetNanos());
        this.memory = new MemoryTimeline(settings.maxBuckets());
        this.slow = new SlowFrameJobs(settings.slowFrames(), settings.maxJobsPerFrame(), settings.maxPendingRuns());
    }

    /** A new empty partial with these settings. */
    public TimelineAggregator partial() {
        return new TimelineAggregator(settings);
    }

    public TimelineSettings settings() {
        return settings;
    }

    @Override
    public void frame(long startNanos, long durationNanos, long tick, int entityCount) {
        ticks.frame(tick, startNanos, durationNanos);
        slow.frame(tick, startNanos, durationNanos);
    }

    @Override
    public void systemGroupTick(long startNanos, long durationNanos, String group, long tick) {
        ticks.group(group, tick, durationNanos);
    }

    @Override
    public void jobRun(long startNanos, long durationNanos, long threadId, String threadName, long jobId,
                       String jobName, int batchIndex, long tick, long queueWaitNanos) {
        ticks.job(threadName, tick, durationNanos);
        slow.jobRun(threadName, jobName, batchIndex, tick, startNanos, durationNanos);
    }

    @Override
    public void gcHeapSummary(long startNanos, long gcId, String when, long heapUsedBytes, long heapCommittedBytes) {
        memory.gcHeapSummary(startNanos, when, heapUsedBytes);
    }

    @Override
    public void nativeMemory(long startNanos, String owner, String containerKind, long bytesReserved,
                             long bytesUsed) {
        memory.nativeMemory(startNanos, owner, containerKind, bytesReserved, bytesUsed);
    }

    @Override
    public void entityCount(long startNanos, String archetype, long count) {
        memory.entityCount(startNanos, archetype, count);
    }

    /** Takes in the partial of the chunk after every chunk merged so far; {@code next} is spent. */
    public void merge(TimelineAggregator next) {
        ticks.merge(next.ticks);
        memory.merge(next.memory);
        slow.merge(next.slow);
    }

    /**
     * The series of everything merged (or read) so far; call once, after the last merge.
     *
     * @param originNanos the recording's start, epoch ns: every offset counts from here
     */
    public Timeline toTimeline(long originNanos) {
        return new Timeline(originNanos, settings.maxBuckets(), ticks.frameBuckets(originNanos), ticks.groupSeries(),
                ticks.workerSeries(), memory.series(originNanos), slow.frames(originNanos));
    }
}
