package io.puredots.sim.systems.presentation;

import io.puredots.sim.ecs.Archetype;
import io.puredots.sim.ecs.Chunk;
import io.puredots.sim.jobs.JobHandle;
import io.puredots.sim.jobs.ParallelJob;
import io.puredots.sim.memory.NativeFloatArray;
import io.puredots.sim.systems.MiracleColumns;
import io.puredots.sim.systems.ResourceColumns;
import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;
import io.puredots.sim.systems.VillagerColumns;
import java.nio.FloatBuffer;

/**
 * Fills the render snapshot: {@link #FLOATS_PER_INSTANCE} floats per entity (x, y, sprite code,
 * scale), villagers first, then resources, then miracles. Nothing is drawn. Parallel over rows.
 */
public final class RenderSnapshotSystem extends SimSystem {
    public static final int FLOATS_PER_INSTANCE = 4;
    private SimContext ctx;
    private int resourceBase;
    private final ParallelJob villagerJob = this::villagers;
    private final ParallelJob resourceJob = this::resources;

    @Override
    public int update(SimContext ctx) {
        this.ctx = ctx;
        int nv = ctx.villagers.count();
        int nr = ctx.resources.count();
        int nm = ctx.miracles.count();
        int total = nv + nr + nm;
        NativeFloatArray snap = ctx.renderSnapshot;
        snap.ensureCapacity(total * FLOATS_PER_INSTANCE);
        snap.setUsed(total * FLOATS_PER_INSTANCE);
        resourceBase = nv;
        JobHandle a = ctx.scheduler.scheduleParallel("RenderVillagersJob", nv, Archetype.CHUNK_CAPACITY, villagerJob);
        JobHandle b = ctx.scheduler.scheduleParallel("RenderResourcesJob", nr, Archetype.CHUNK_CAPACITY, resourceJob);
        Archetype m = ctx.miracles;
        FloatBuffer out = snap.view();
        for (int row = 0; row < nm; row++) {
            int o = (nv + nr + row) * FLOATS_PER_INSTANCE;
            out.put(o, m.getFloat(row, MiracleColumns.POS_X));
            out.put(o + 1, m.getFloat(row, MiracleColumns.POS_Y));
            out.put(o + 2, 100f + m.getInt(row, MiracleColumns.KIND));
            out.put(o + 3, m.getFloat(row, MiracleColumns.RADIUS));
        }
        ctx.scheduler.complete(ctx.scheduler.combine(a, b));
        return total;
    }

    private void villagers(int start, int end) {
        Chunk ch = ctx.villagers.chunkOfRow(start);
        FloatBuffer out = ctx.renderSnapshot.view();
        FloatBuffer px = ch.f[VillagerColumns.POS_X];
        FloatBuffer py = ch.f[VillagerColumns.POS_Y];
        FloatBuffer carried = ch.f[VillagerColumns.CARRIED];
        int s = start & Archetype.CHUNK_MASK;
        for (int row = start; row < end; row++, s++) {
            int o = row * FLOATS_PER_INSTANCE;
            out.put(o, px.get(s));
            out.put(o + 1, py.get(s));
            out.put(o + 2, ch.i[VillagerColumns.STATE].get(s));
            out.put(o + 3, 1f + carried.get(s) * 0.05f);
        }
    }

    private void resources(int start, int end) {
        Chunk ch = ctx.resources.chunkOfRow(start);
        FloatBuffer out = ctx.renderSnapshot.view();
        FloatBuffer px = ch.f[ResourceColumns.POS_X];
        FloatBuffer py = ch.f[ResourceColumns.POS_Y];
        FloatBuffer amount = ch.f[ResourceColumns.AMOUNT];
        FloatBuffer max = ch.f[ResourceColumns.MAX_AMOUNT];
        int s = start & Archetype.CHUNK_MASK;
        for (int row = start; row < end; row++, s++) {
            int o = (resourceBase + row) * FLOATS_PER_INSTANCE;
            out.put(o, px.get(s));
            out.put(o + 1, py.get(s));
            out.put(o + 2, 10f + ch.i[ResourceColumns.KIND].get(s));
            out.put(o + 3, amount.get(s) / max.get(s));
        }
    }
}
