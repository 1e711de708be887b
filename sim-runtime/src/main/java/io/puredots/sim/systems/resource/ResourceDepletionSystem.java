package io.puredots.sim.systems.resource;

import static io.puredots.sim.systems.ResourceColumns.*;

import io.puredots.sim.ecs.Archetype;
import io.puredots.sim.ecs.EntityCommandBuffer;
import io.puredots.sim.jobs.Job;
import io.puredots.sim.systems.Rng;
import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;

/**
 * Resources depleted for more than {@link #DEPLETED_LIMIT} ticks are destroyed and a new one
 * is created elsewhere (command buffer, row order, one job), keeping the resource count steady.
 */
public final class ResourceDepletionSystem extends SimSystem {
    public static final int DEPLETED_LIMIT = 240;
    private SimContext ctx;
    private final Job job = this::run;

    @Override
    public int update(SimContext ctx) {
        this.ctx = ctx;
        ctx.scheduler.complete(ctx.scheduler.schedule("ResourceDepletionJob", job));
        return ctx.resources.count();
    }

    private void run() {
        Archetype r = ctx.resources;
        EntityCommandBuffer ecb = ctx.world.commandBuffer();
        for (int row = 0, n = r.count(); row < n; row++) {
            if (r.getInt(row, DEPLETED_TICKS) > DEPLETED_LIMIT) {
                int ei = r.entityIndexAt(row);
                ecb.destroy(ctx.world.handleOf(ei));
                createResource(ctx, ecb, ei, ctx.tick);
            }
        }
    }

    /** Records the creation of a resource at a position hashed from (a, b). */
    public static void createResource(SimContext ctx, EntityCommandBuffer ecb, long a, long b) {
        long seed = ctx.seed;
        ecb.create(ctx.resources);
        ecb.setFloat(POS_X, ctx.clampToWorld(Rng.unit(seed, a, b, 51) * ctx.worldSize));
        ecb.setFloat(POS_Y, ctx.clampToWorld(Rng.unit(seed, a, b, 52) * ctx.worldSize));
        float max = 50f + 100f * Rng.unit(seed, a, b, 53);
        ecb.setFloat(AMOUNT, max * 0.5f);
        ecb.setFloat(MAX_AMOUNT, max);
        ecb.setFloat(REGROW, 1f + 3f * Rng.unit(seed, a, b, 54));
        ecb.setInt(KIND, (int) (Rng.hash(seed, a, b, 55) >>> 62));
    }
}
