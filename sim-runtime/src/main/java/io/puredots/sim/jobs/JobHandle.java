package io.puredots.sim.jobs;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scheduled job (or a {@link JobScheduler#combine combination} of jobs): pass it as a
 * dependency to later jobs, wait for it with {@link JobScheduler#complete}.
 *
 * <p>Handles are pooled: a handle is valid from {@code schedule} until the scheduler's next
 * {@link JobScheduler#recycle()} (the simulation recycles after each system); do not keep one
 * beyond that.
 *
 * <p>Thread-safe to query ({@link #isDone()}); everything else belongs to the scheduler.
 */
public final class JobHandle {
    // set at schedule time on the scheduling thread, read by workers after the lock hand-off
    String name;
    long id;
    Job job;
    ParallelJob parallelJob;
    int count;
    int batchSize;
    int batchCount;
    int chainDepth;
    int dependencyCount;
    long tick;
    // guarded by the scheduler lock
    int nextBatch;
    int pendingDeps;
    JobHandle[] dependents = new JobHandle[4];
    int dependentCount;
    JobException failure;
    long readyNanos;
    final AtomicInteger remainingBatches = new AtomicInteger();
    volatile boolean done;

    JobHandle() {
    }

    /** Whether the job and everything it depends on has finished (successfully or not). */
    public boolean isDone() {
        return done;
    }

    /** Job name as given to {@code schedule}. */
    public String name() {
        return name;
    }

    /** Unique id within the scheduler's lifetime. */
    public long id() {
        return id;
    }

    /**
     * Length of the longest dependency chain ending at this job, counting jobs: 1 for a job
     * without dependencies; a combined handle has the depth of its deepest input.
     */
    public int chainDepth() {
        return chainDepth;
    }

    /** Number of batches; 1 for a single job, 0 for a combination. */
    public int batchCount() {
        return batchCount;
    }

    void addDependent(JobHandle d) {
        if (dependentCount == dependents.length) {
            dependents = java.util.Arrays.copyOf(dependents, dependentCount * 2);
        }
        dependents[dependentCount++] = d;
    }

    void reset() {
        name = null;
        job = null;
        parallelJob = null;
        for (int i = 0; i < dependentCount; i++) {
            dependents[i] = null;
        }
        dependentCount = 0;
        failure = null;
        nextBatch = 0;
        pendingDeps = 0;
        done = false;
    }
}
