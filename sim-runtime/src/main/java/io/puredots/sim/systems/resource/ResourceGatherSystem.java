package io.puredots.sim.systems.resource;

import io.puredots.sim.ecs.Archetype;
import io.puredots.sim.ecs.World;
import io.puredots.sim.jobs.Job;
import io.puredots.sim.systems.ResourceColumns;
import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;
import io.puredots.sim.systems.VillagerColumns;

/**
 * Applies the villagers' gather requests to their target resources and their deliveries to
 * their village stockpiles, in villager row order (one job), so that villagers competing for
 * one resource are served deterministically.
 */
public final class ResourceGatherSystem extends SimSystem {
    private SimContext ctx;
    private final Job job = this::run;

    @Override
    public int update(SimContext ctx) {
        this.ctx = ctx;
        ctx.scheduler.complete(ctx.scheduler.schedule("ResourceGatherJob", job));
        return ctx.villagers.count();
    }

    private void run() {
        Archetype v = ctx.villagers;
        Archetype r = ctx.resources;
        World w = ctx.world;
        for (int row = 0, n = v.count(); row < n; row++) {
            float req = v.getFloat(row, VillagerColumns.GATHER_REQUEST);
            if (req > 0f) {
                int ti = v.getInt(row, VillagerColumns.TARGET_INDEX);
                if (ti >= 0 && w.isAlive(ti, v.getInt(row, VillagerColumns.TARGET_GEN))) {
                    int rr = w.rowOf(ti);
                    float amount = r.getFloat(rr, ResourceColumns.AMOUNT);
                    float take = Math.min(req, Math.max(0f, amount));
                    r.setFloat(rr, ResourceColumns.AMOUNT, amount - take);
                    v.setFloat(row, VillagerColumns.CARRIED, v.getFloat(row, VillagerColumns.CARRIED) + take);
                }
                v.setFloat(row, VillagerColumns.GATHER_REQUEST, 0f);
            }
            float dep = v.getFloat(row, VillagerColumns.DEPOSIT);
            if (dep > 0f) {
                ctx.stockpile[v.getInt(row, VillagerColumns.VILLAGE)] += dep;
                v.setFloat(row, VillagerColumns.DEPOSIT, 0f);
            }
        }
    }
}
