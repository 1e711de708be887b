package io.puredots.sim.systems.spatial;

import io.puredots.events.SpatialGridRebuildEvent;
import io.puredots.sim.jobs.JobHandle;
import io.puredots.sim.jobs.JobScheduler;
import io.puredots.sim.systems.ResourceColumns;
import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;
import io.puredots.sim.systems.VillagerColumns;

/**
 * Rebuilds the villager and the resource grid (both in parallel) and emits one
 * {@code puredots.SpatialGridRebuild} covering both: cells and entities summed, the fullest
 * cell of either.
 */
public final class SpatialGridBuildSystem extends SimSystem {
    private static final SpatialGridRebuildEvent REBUILD = new SpatialGridRebuildEvent();

    @Override
    public int update(SimContext ctx) {
        SpatialGridRebuildEvent ev = null;
        if (REBUILD.isEnabled()) {
            ev = new SpatialGridRebuildEvent();
            ev.begin();
        }
        JobScheduler js = ctx.scheduler;
        JobHandle v = ctx.villagerGrid.scheduleRebuild(js, ctx.villagers, VillagerColumns.POS_X, VillagerColumns.POS_Y);
        JobHandle r = ctx.resourceGrid.scheduleRebuild(js, ctx.resources, ResourceColumns.POS_X, ResourceColumns.POS_Y);
        js.complete(js.combine(v, r));
        int n = ctx.villagerGrid.count() + ctx.resourceGrid.count();
        if (ev != null) {
            ev.end();
            if (ev.shouldCommit()) {
                ev.tick = ctx.tick;
                ev.cellCount = ctx.villagerGrid.cellCount() + ctx.resourceGrid.cellCount();
                ev.entityCount = n;
                ev.maxCellOccupancy = Math.max(ctx.villagerGrid.maxOccupancy(), ctx.resourceGrid.maxOccupancy());
                ev.commit();
            }
        }
        return n;
    }
}
