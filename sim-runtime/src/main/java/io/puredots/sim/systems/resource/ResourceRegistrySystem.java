package io.puredots.sim.systems.resource;

import io.puredots.sim.jobs.Job;
import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;

/** Brings the {@code ResourceRegistry} up to date (one job). */
public final class ResourceRegistrySystem extends SimSystem {
    private SimContext ctx;
    private final Job job = () -> ctx.resourceRegistry.update(ctx.world, ctx.resources, ctx.tick);

    @Override
    public int update(SimContext ctx) {
        this.ctx = ctx;
        ctx.scheduler.complete(ctx.scheduler.schedule("ResourceRegistryJob", job));
        return ctx.resources.count();
    }
}
