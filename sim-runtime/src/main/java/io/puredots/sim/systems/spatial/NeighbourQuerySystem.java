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
 * For every villager: neighbours within {@link #RADIUS} (capped at {@link #MAX_NEIGHBOURS}, from
 * at most {@link #MAX_CANDIDATES} grid candidates, cells in row-major order) from the villager
 * grid, and a separation vector pushing away from them. Each villager is refreshed every
 * {@link #REFRESH_TICKS} ticks (by its row), keeping its last result in between. Parallel over the grid's
 * slots in cell order, so that nearby queries share cache lines; every slot holds a different
 * villager row, so batches write disjoint rows.
 */
public final class NeighbourQuerySystem extends SimSystem {
    public static final float RADIUS = 4f;
    public static final int MAX_NEIGHBOURS = 12;
    /** At most this many grid candidates are examined per villager (bounds the cost in crowds). */
    public static final int MAX_CANDIDATES = 16;
    /** Each villager's neighbours are refreshed every this many ticks (by row), kept in between. */
    public static final int REFRESH_TICKS = 4;
    private SimContext ctx;
    private final ParallelJob job = this::run;

    @Override
    public int update(SimContext ctx) {
        this.ctx = ctx;
        int n = ctx.villagerGrid.count();
        forEachChunk(ctx, "NeighbourQueryJob", n, job);
        return (n + REFRESH_TICKS - 1 - (int) (ctx.tick % REFRESH_TICKS)) / REFRESH_TICKS;
    }

    /** Batch over grid slots (cell order, so neighbouring queries share cache lines). */
    private void run(int start, int end) {
        SpatialGrid g = ctx.villagerGrid;
        Archetype villagers = ctx.villagers;
        int dim = g.dim();
        IntBuffer starts = g.cellStarts();
        IntBuffer rows = g.rows();
        FloatBuffer xs = g.xs();
        FloatBuffer ys = g.ys();
        float r2 = RADIUS * RADIUS;
        int phase = (int) (ctx.tick % REFRESH_TICKS);
        for (int slot = start; slot < end; slot++) {
            int row = rows.get(slot);
            if (row % REFRESH_TICKS != phase) {
                continue;
            }
            float x = xs.get(slot);
            float y = ys.get(slot);
            int gx0 = g.cellCoord(x - RADIUS);
            int gx1 = g.cellCoord(x + RADIUS);
            int gy0 = g.cellCoord(y - RADIUS);
            int gy1 = g.cellCoord(y + RADIUS);
            int count = 0;
            int budget = MAX_CANDIDATES;
            float ax = 0f;
            float ay = 0f;
            search:
            for (int gy = gy0; gy <= gy1; gy++) {
                for (int gx = gx0; gx <= gx1; gx++) {
                    int cell = gy * dim + gx;
                    for (int p = starts.get(cell), pe = starts.get(cell + 1); p < pe; p++) {
                        if (--budget < 0) {
                            break search;
                        }
                        float dx = x - xs.get(p);
                        float dy = y - ys.get(p);
                        float d2 = dx * dx + dy * dy;
                        if (d2 <= r2 && p != slot) {
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
            Chunk c = villagers.chunkOfRow(row);
            int s = row & Archetype.CHUNK_MASK;
            c.f[VillagerColumns.SEP_X].put(s, ax);
            c.f[VillagerColumns.SEP_Y].put(s, ay);
            c.i[VillagerColumns.NEIGHBOURS].put(s, count);
        }
    }
}
