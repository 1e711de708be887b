package io.puredots.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One batch of a job executed; committed on the thread that ran it (a worker or the main
 * thread helping while it waits), so the event thread identifies the worker.
 *
 * <p>Not thread-safe: one instance per batch run, on the running thread.
 */
@Name(EventNames.JOB_RUN)
@Label("Job Run")
@Description("One batch of a job executed on the thread that ran it")
@Category({"PureDOTS", "Jobs"})
@StackTrace(false)
public final class JobRunEvent extends Event {
    @Label("Job Id")
    @Description("Identifier of the job, as in Job Schedule")
    public long jobId;

    @Label("Job Name")
    @Description("Name of the job")
    public String jobName;

    @Label("Batch Index")
    @Description("Index of the batch within the job, from 0")
    public int batchIndex;

    @Label("Tick")
    @Description("Simulation tick number of the enclosing frame")
    public long tick;

    @Label("Queue Wait")
    @Description("Time from the batch becoming runnable to its start")
    @Timespan(Timespan.NANOSECONDS)
    public long queueWait;
}
