package io.puredots.sim.systems.spatial;

import io.puredots.sim.ecs.Archetype;
import io.puredots.sim.ecs.Chunk;
import io.puredots.sim.jobs.ParallelJob;
import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;
import io.puredots.sim.systems.VillagerColumns;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/**
 * For every villager: neighbours within {@link #RADIUS} (capped at {@link #MAX_NEIGHBOURS}) from
 * the villager grid, and a separation vector pushing away from them. Parallel over villager rows;
 * each batch writes only its own rows.
 */
public final class NeighbourQuerySystem extends SimSystem {
    public static final float RADIUS = 4f;
    public static final int MAX_NEIGHBOURS = 12;
    private SimContext ctx;
    private final ParallelJob job = this::run;

    @Override
    public int update(SimContext ctx) {
        this.ctx = ctx;
        int n = ctx.villagers.count();
        ctx.scheduler.complete(ctx.scheduler.scheduleParallel("NeighbourQueryJob", n, Archetype.CHUNK_CAPACITY, job));
        return n;
    }

    private void run(int start, int end) {
        SpatialGrid g = ctx.villagerGrid;
        Chunk c = ctx.villagers.chunkOfRow(start);
        FloatBuffer px = c.f[VillagerColumns.POS_X];
        FloatBuffer py = c.f[VillagerColumns.POS_Y];
        FloatBuffer sepX = c.f[VillagerColumns.SEP_X];
        FloatBuffer sepY = c.f[VillagerColumns.SEP_Y];
        IntBuffer nb = c.i[VillagerColumns.NEIGHBOURS];
        int dim = g.dim();
        float r2 = RADIUS * RADIUS;
        int s0 = start & Archetype.CHUNK_MASK;
        for (int s = s0, row = start; row < end; s++, row++) {
            float x = px.get(s);
            float y = py.get(s);
            int gx0 = g.cellCoord(x - RADIUS);
            int gx1 = g.cellCoord(x + RADIUS);
            int gy0 = g.cellCoord(y - RADIUS);
            int gy1 = g.cellCoord(y + RADIUS);
            int count = 0;
            float ax = 0f;
            float ay = 0f;
            search:
            for (int gy = gy0; gy <= gy1; gy++) {
                for (int gx = gx0; gx <= gx1; gx++) {
                    int cell = gy * dim + gx;
                    for (int p = g.cellBegin(cell), pe = g.cellEnd(cell); p < pe; p++) {
                        float dx = x - g.xAt(p);
                        float dy = y - g.yAt(p);
                        float d2 = dx * dx + dy * dy;
                        if (d2 <= r2 && g.rowAt(p) != row) {
                            float inv = 1f / (d2 + 0.25f);
                            ax += dx * inv;
                            ay += dy * inv;
                            if (++count == MAX_NEIGHBOURS) {
                                break search;
                            }
                        }
                    }
                }
            }
            sepX.put(s, ax);
            sepY.put(s, ay);
            nb.put(s, count);
        }
    }
}
