package io.puredots.sim.systems.villager;

import static io.puredots.sim.systems.VillagerColumns.*;

import io.puredots.sim.ecs.Archetype;
import io.puredots.sim.ecs.EntityCommandBuffer;
import io.puredots.sim.jobs.Job;
import io.puredots.sim.systems.Rng;
import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;

/**
 * Short-lived villagers (pilgrims): counts down their lifetime and records their destruction;
 * on a mass-spawn frame records the creation of {@code initialEntities / 20} of them around a
 * village. Structural changes go through the command buffer (one job, row order).
 */
public final class VillagerSpawnSystem extends SimSystem {
    private SimContext ctx;
    private int visited;
    private final Job job = this::run;

    @Override
    public int update(SimContext ctx) {
        this.ctx = ctx;
        ctx.scheduler.complete(ctx.scheduler.schedule("VillagerLifetimeJob", job));
        return visited;
    }

    private void run() {
        Archetype v = ctx.villagers;
        EntityCommandBuffer ecb = ctx.world.commandBuffer();
        int n = v.count();
        for (int r = 0; r < n; r++) {
            int life = v.getInt(r, LIFETIME);
            if (life > 0) {
                v.setInt(r, LIFETIME, --life);
                if (life == 0) {
                    ecb.destroy(ctx.world.handleOf(v.entityIndexAt(r)));
                }
            }
        }
        visited = n;
        if (ctx.massSpawnThisTick) {
            int villages = ctx.villages.length / 2;
            int village = (int) Long.remainderUnsigned(Rng.hash(ctx.seed, ctx.tick, 0, 41), villages);
            float hx = ctx.villages[2 * village];
            float hy = ctx.villages[2 * village + 1];
            int count = Math.max(1, ctx.initialEntities / 20);
            for (int k = 0; k < count; k++) {
                ecb.create(v);
                ecb.setFloat(POS_X, ctx.clampToWorld(hx + (Rng.unit(ctx.seed, ctx.tick, k, 42) - 0.5f) * 300f));
                ecb.setFloat(POS_Y, ctx.clampToWorld(hy + (Rng.unit(ctx.seed, ctx.tick, k, 43) - 0.5f) * 300f));
                ecb.setFloat(HOME_X, hx);
                ecb.setFloat(HOME_Y, hy);
                ecb.setFloat(ENERGY, 1f);
                ecb.setInt(STATE, SEEK);
                ecb.setInt(TARGET_INDEX, -1);
                ecb.setInt(LIFETIME, 120 + (int) (Rng.hash(ctx.seed, ctx.tick, k, 44) >>> 57));
                ecb.setInt(VILLAGE, village);
            }
        }
    }
}
