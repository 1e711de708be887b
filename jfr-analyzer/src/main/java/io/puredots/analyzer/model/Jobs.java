package io.puredots.analyzer.model;

import java.util.List;

/**
 * Job system statistics. Immutable.
 *
 * @param workerCount       threads other than the main thread that ran jobs
 * @param workers           every thread that ran jobs, main thread first, then by thread id
 * @param jobsScheduled     {@code puredots.JobSchedule} events
 * @param jobRuns           {@code puredots.JobRun} events (batches run)
 * @param jobsPerFrame      jobs scheduled per frame (a frame that scheduled none counts as 0)
 * @param jobRunNanos       duration of each job run (batch)
 * @param queueWaitNanos    queue wait of each job run
 * @param chainDepth        dependency chain depth of each scheduled job
 * @param idleGapNanos      per thread, gaps between consecutive job runs within one frame
 * @param mainThreadWait    the main thread idle while waiting for jobs
 */
public record Jobs(int workerCount, List<Worker> workers, long jobsScheduled, long jobRuns,
                   Distribution jobsPerFrame, Distribution jobRunNanos, Distribution queueWaitNanos,
                   Distribution chainDepth, Distribution idleGapNanos, MainThreadWait mainThreadWait) {

    public Jobs {
        workers = List.copyOf(workers);
    }

    /**
     * One thread that ran jobs.
     *
     * @param name        thread name; "main" for the main thread
     * @param threadId    Java thread id
     * @param main        whether it is the main (simulation) thread helping while it waits
     * @param runs        job runs on it
     * @param busyNanos   summed job run time
     * @param utilization {@code busyNanos} divided by the total frame time
     * @param idleGapNanos summed gaps between its consecutive job runs within a frame
     */
    public record Worker(String name, long threadId, boolean main, long runs, long busyNanos, double utilization,
                         long idleGapNanos) {
    }

    /**
     * {@code puredots.MainThreadWait}.
     *
     * @param waitNanos           each wait
     * @param meanPerFrameNanos   total wait divided by the number of frames
     * @param shareOfFrame        total wait divided by the total frame time
     */
    public record MainThreadWait(Distribution waitNanos, double meanPerFrameNanos, double shareOfFrame) {
    }
}
