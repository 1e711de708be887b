package io.puredots.analyzer.model.timeline;

import java.util.List;

/**
 * One slow frame and the job runs of its tick: one Gantt chart.
 *
 * @param tick              the frame's tick
 * @param startOffsetNanos  the frame's start, from the recording's start
 * @param durationNanos     the frame's time
 * @param jobs              its job runs, by start
 * @param jobsDropped       job runs of the tick not kept (a cap per frame bounds memory)
 */
public record FrameJobs(long tick, long startOffsetNanos, long durationNanos, List<JobSlice> jobs, long jobsDropped) {

    public FrameJobs {
        jobs = List.copyOf(jobs);
    }

    /**
     * One job run.
     *
     * @param thread            the worker thread's name
     * @param job               the job's name
     * @param batchIndex        the batch of the job
     * @param startOffsetNanos  its start, from the frame's start (negative if it began earlier)
     * @param durationNanos     its time
     */
    public record JobSlice(String thread, String job, int batchIndex, long startOffsetNanos, long durationNanos) {
    }
}
