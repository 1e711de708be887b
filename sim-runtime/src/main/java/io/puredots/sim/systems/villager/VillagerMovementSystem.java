package io.puredots.sim.systems.villager;

import static io.puredots.sim.systems.VillagerColumns.*;

import io.puredots.sim.ecs.Archetype;
import io.puredots.sim.ecs.Chunk;
import io.puredots.sim.jobs.ParallelJob;
import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;
import java.nio.FloatBuffer;

/** Integrates villager positions from their velocities, clamped to the world. Parallel over rows. */
public final class VillagerMovementSystem extends SimSystem {
    private SimContext ctx;
    private final ParallelJob job = this::run;

    @Override
    public int update(SimContext ctx) {
        this.ctx = ctx;
        int n = ctx.villagers.count();
        forEachChunk(ctx, "VillagerMovementJob", n, job);
        return n;
    }

    private void run(int start, int end) {
        Chunk ch = ctx.villagers.chunkOfRow(start);
        FloatBuffer px = ch.f[POS_X];
        FloatBuffer py = ch.f[POS_Y];
        FloatBuffer vx = ch.f[VEL_X];
        FloatBuffer vy = ch.f[VEL_Y];
        float dt = SimContext.DT;
        int s0 = start & Archetype.CHUNK_MASK;
        for (int s = s0, n = s0 + (end - start); s < n; s++) {
            px.put(s, ctx.clampToWorld(px.get(s) + vx.get(s) * dt));
            py.put(s, ctx.clampToWorld(py.get(s) + vy.get(s) * dt));
        }
    }
}
