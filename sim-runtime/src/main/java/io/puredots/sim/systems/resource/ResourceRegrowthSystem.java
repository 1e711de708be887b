package io.puredots.sim.systems.resource;

import static io.puredots.sim.systems.ResourceColumns.*;

import io.puredots.sim.ecs.Archetype;
import io.puredots.sim.ecs.Chunk;
import io.puredots.sim.jobs.ParallelJob;
import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;
import io.puredots.sim.systems.environment.EnvironmentGrid;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/**
 * Resources regrow in proportion to the fertility of their environment cell, up to their
 * maximum; empty resources count the ticks they have been depleted. Parallel over rows.
 */
public final class ResourceRegrowthSystem extends SimSystem {
    private SimContext ctx;
    private final ParallelJob job = this::run;

    @Override
    public int update(SimContext ctx) {
        this.ctx = ctx;
        int n = ctx.resources.count();
        forEachChunk(ctx, "ResourceRegrowthJob", n, job);
        return n;
    }

    private void run(int start, int end) {
        EnvironmentGrid env = ctx.environment;
        Chunk ch = ctx.resources.chunkOfRow(start);
        FloatBuffer px = ch.f[POS_X];
        FloatBuffer py = ch.f[POS_Y];
        FloatBuffer amount = ch.f[AMOUNT];
        FloatBuffer max = ch.f[MAX_AMOUNT];
        FloatBuffer regrow = ch.f[REGROW];
        IntBuffer depleted = ch.i[DEPLETED_TICKS];
        float dt = SimContext.DT;
        int s0 = start & Archetype.CHUNK_MASK;
        for (int s = s0, n = s0 + (end - start); s < n; s++) {
            float a = amount.get(s);
            if (a <= 0.5f) {
                depleted.put(s, depleted.get(s) + 1);
            } else {
                depleted.put(s, 0);
            }
            float f = env.fertilityAt(px.get(s), py.get(s));
            amount.put(s, Math.min(max.get(s), a + regrow.get(s) * f * dt));
        }
    }
}
