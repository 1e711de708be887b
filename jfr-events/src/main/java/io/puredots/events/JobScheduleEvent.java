package io.puredots.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A job handed to the job scheduler; the duration is the cost of scheduling it.
 *
 * <p>Not thread-safe: committed on the thread that scheduled the job.
 */
@Name(EventNames.JOB_SCHEDULE)
@Label("Job Schedule")
@Description("A job handed to the job scheduler, with its dependencies and batches")
@Category({"PureDOTS", "Jobs"})
@StackTrace(false)
public final class JobScheduleEvent extends Event {
    @Label("Job Id")
    @Description("Identifier of the job, unique within the run")
    public long jobId;

    @Label("Job Name")
    @Description("Name of the job, for example VillagerMovementJob")
    public String jobName;

    @Label("System")
    @Description("Name of the system that scheduled the job")
    public String system;

    @Label("Dependency Count")
    @Description("Number of job handles the job waits for")
    public int dependencyCount;

    @Label("Dependency Chain Depth")
    @Description("Length of the longest dependency chain ending at this job; 1 for a job without dependencies")
    public int chainDepth;

    @Label("Batch Count")
    @Description("Number of batches the job is split into")
    public int batchCount;

    @Label("Tick")
    @Description("Simulation tick number of the enclosing frame")
    public long tick;
}
