package io.puredots.sim.systems;

import io.puredots.sim.ecs.Archetype;
import io.puredots.sim.jobs.ParallelJob;

/**
 * One system: per tick, reads and writes component columns, usually through jobs it schedules
 * and completes within {@link #update}. The system name used in events and budgets is the class
 * simple name.
 *
 * <p>Threading: {@link #update} runs on the main thread; the jobs it schedules run anywhere and
 * must be complete when it returns (so its time includes waiting for them).
 */
public abstract class SimSystem {
    private final String name = getClass().getSimpleName();

    /** Class simple name, for example {@code SpatialGridBuildSystem}. */
    public final String name() {
        return name;
    }

    /**
     * Runs the system for the context's current tick.
     *
     * @return entities the system visited (for the System Tick event)
     */
    public abstract int update(SimContext ctx);

    /**
     * Runs {@code job} over rows {@code [0, rows)} in batches of one archetype chunk
     * ({@link Archetype#CHUNK_CAPACITY} rows) and waits for it; the main thread runs batches too.
     */
    protected static void forEachChunk(SimContext ctx, String jobName, int rows, ParallelJob job) {
        ctx.scheduler.complete(ctx.scheduler.scheduleParallel(jobName, rows, Archetype.CHUNK_CAPACITY, job));
    }
}
