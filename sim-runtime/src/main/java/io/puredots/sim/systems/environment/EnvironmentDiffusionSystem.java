package io.puredots.sim.systems.environment;

import io.puredots.sim.jobs.ParallelJob;
import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;

/**
 * One diffusion step of the environment grid (moisture spreads and evaporates, fertility
 * follows), parallel over rows into the back buffers, then a swap.
 */
public final class EnvironmentDiffusionSystem extends SimSystem {
    private static final int ROWS_PER_BATCH = 32;
    private SimContext ctx;
    private final ParallelJob job = (s, e) -> ctx.environment.diffuseRows(s, e, 0.2f, 0.0004f);

    @Override
    public int update(SimContext ctx) {
        this.ctx = ctx;
        EnvironmentGrid env = ctx.environment;
        ctx.scheduler.complete(ctx.scheduler.scheduleParallel("EnvironmentDiffusionJob", env.dim(), ROWS_PER_BATCH, job));
        env.swap();
        return 0;
    }
}
