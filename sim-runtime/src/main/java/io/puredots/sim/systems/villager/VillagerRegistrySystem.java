package io.puredots.sim.systems.villager;

import io.puredots.sim.jobs.Job;
import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;

/** Brings the {@code VillagerRegistry} up to date (one job). */
public final class VillagerRegistrySystem extends SimSystem {
    private SimContext ctx;
    private final Job job = () -> ctx.villagerRegistry.update(ctx.world, ctx.villagers, ctx.tick);

    @Override
    public int update(SimContext ctx) {
        this.ctx = ctx;
        ctx.scheduler.complete(ctx.scheduler.schedule("VillagerRegistryJob", job));
        return ctx.villagers.count();
    }
}
