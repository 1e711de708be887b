package io.puredots.sim.systems.miracle;

import static io.puredots.sim.systems.MiracleColumns.*;

import io.puredots.sim.ecs.EntityCommandBuffer;
import io.puredots.sim.systems.Rng;
import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;

/**
 * Miracles appear over time: every {@link #INTERVAL} ticks one per 50000 initial entities (at
 * least one), and {@link #STORM_SIZE} large ones on a storm frame. Recorded in the command buffer.
 */
public final class MiracleSpawnSystem extends SimSystem {
    public static final int INTERVAL = 180;
    public static final int STORM_SIZE = 24;

    @Override
    public int update(SimContext ctx) {
        EntityCommandBuffer ecb = ctx.world.commandBuffer();
        int n = 0;
        if (ctx.tick % INTERVAL == INTERVAL / 2) {
            n = Math.max(1, ctx.initialEntities / 50_000);
            for (int k = 0; k < n; k++) {
                spawn(ctx, ecb, k, 60f, 90f, 120, 180);
            }
        }
        if (ctx.stormThisTick) {
            for (int k = 0; k < STORM_SIZE; k++) {
                spawn(ctx, ecb, 1000 + k, 200f, 200f, 60, 60);
            }
            n += STORM_SIZE;
        }
        return n;
    }

    private static void spawn(SimContext ctx, EntityCommandBuffer ecb, int k, float minR, float rangeR, int minLife, int rangeLife) {
        long seed = ctx.seed;
        long t = ctx.tick;
        ecb.create(ctx.miracles);
        ecb.setFloat(POS_X, ctx.clampToWorld(Rng.unit(seed, t, k, 61) * ctx.worldSize));
        ecb.setFloat(POS_Y, ctx.clampToWorld(Rng.unit(seed, t, k, 62) * ctx.worldSize));
        ecb.setFloat(RADIUS, minR + rangeR * Rng.unit(seed, t, k, 63));
        ecb.setFloat(STRENGTH, 0.5f + Rng.unit(seed, t, k, 64));
        ecb.setInt(KIND, (int) Long.remainderUnsigned(Rng.hash(seed, t, k, 65), 3));
        ecb.setInt(LIFETIME, minLife + (int) (rangeLife * Rng.unit(seed, t, k, 66)));
    }
}
