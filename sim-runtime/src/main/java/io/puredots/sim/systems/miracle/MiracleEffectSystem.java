package io.puredots.sim.systems.miracle;

import static io.puredots.sim.systems.MiracleColumns.*;

import io.puredots.sim.ecs.Archetype;
import io.puredots.sim.jobs.Job;
import io.puredots.sim.systems.ResourceColumns;
import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;
import io.puredots.sim.systems.VillagerColumns;
import io.puredots.sim.systems.spatial.SpatialGrid;

/**
 * Area effects of the live miracles, in miracle row order (one job): rain wets the environment
 * and feeds resources, blessing restores villagers' energy, fire burns resources and tires
 * villagers. Villagers and resources in range come from the spatial grids.
 */
public final class MiracleEffectSystem extends SimSystem {
    private SimContext ctx;
    private float strength;
    private int touched;
    private final Job job = this::run;
    private final SpatialGrid.RowVisitor feed = (row, dx, dy, d2) -> {
        Archetype r = ctx.resources;
        float a = r.getFloat(row, ResourceColumns.AMOUNT);
        r.setFloat(row, ResourceColumns.AMOUNT, Math.min(r.getFloat(row, ResourceColumns.MAX_AMOUNT), a + 0.05f * strength));
    };
    private final SpatialGrid.RowVisitor burn = (row, dx, dy, d2) -> {
        Archetype r = ctx.resources;
        r.setFloat(row, ResourceColumns.AMOUNT, Math.max(0f, r.getFloat(row, ResourceColumns.AMOUNT) - 0.5f * strength));
    };
    private final SpatialGrid.RowVisitor bless = (row, dx, dy, d2) -> {
        Archetype v = ctx.villagers;
        v.setFloat(row, VillagerColumns.ENERGY, Math.min(1f, v.getFloat(row, VillagerColumns.ENERGY) + 0.01f * strength));
    };
    private final SpatialGrid.RowVisitor tire = (row, dx, dy, d2) -> {
        Archetype v = ctx.villagers;
        v.setFloat(row, VillagerColumns.ENERGY, Math.max(0f, v.getFloat(row, VillagerColumns.ENERGY) - 0.005f * strength));
    };

    @Override
    public int update(SimContext ctx) {
        this.ctx = ctx;
        touched = 0;
        if (ctx.miracles.count() > 0) {
            ctx.scheduler.complete(ctx.scheduler.schedule("MiracleEffectJob", job));
        }
        return touched;
    }

    private void run() {
        Archetype m = ctx.miracles;
        int n = 0;
        for (int row = 0, count = m.count(); row < count; row++) {
            float x = m.getFloat(row, POS_X);
            float y = m.getFloat(row, POS_Y);
            float radius = m.getFloat(row, RADIUS);
            strength = m.getFloat(row, STRENGTH);
            switch (m.getInt(row, KIND)) {
                case RAIN:
                    ctx.environment.addMoisture(x, y, radius, 0.002f * strength);
                    n += ctx.resourceGrid.forEachInRadius(x, y, radius, feed);
                    break;
                case BLESSING:
                    n += ctx.villagerGrid.forEachInRadius(x, y, radius, bless);
                    break;
                default:
                    n += ctx.resourceGrid.forEachInRadius(x, y, radius, burn);
                    n += ctx.villagerGrid.forEachInRadius(x, y, radius, tire);
                    break;
            }
        }
        touched = n;
    }
}
