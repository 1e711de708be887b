package io.puredots.sim.systems.presentation;

import io.puredots.sim.ecs.Archetype;
import io.puredots.sim.ecs.Chunk;
import io.puredots.sim.ecs.Query;
import io.puredots.sim.jobs.JobHandle;
import io.puredots.sim.jobs.ParallelJob;
import io.puredots.sim.memory.NativeFloatArray;
import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;
import java.nio.FloatBuffer;

/**
 * Fills the render snapshot from a query over every archetype with a position ({@code posX},
 * {@code posY}): {@link #FLOATS_PER_INSTANCE} floats per entity (x, y, archetype id as sprite,
 * instance index within the archetype), archetype after archetype in query order. Nothing is
 * drawn. One parallel job per archetype, all running together; batches write disjoint ranges.
 */
public final class RenderSnapshotSystem extends SimSystem {
    public static final int FLOATS_PER_INSTANCE = 4;
    private SimContext ctx;
    private Query drawable;
    private ArchetypeJob[] jobs;

    /** The parallel-for body for one archetype; created once, reused every tick. */
    private final class ArchetypeJob implements ParallelJob {
        final Archetype archetype;
        final int posX;
        final int posY;
        final String name;
        int base;

        ArchetypeJob(Archetype a) {
            this.archetype = a;
            this.posX = a.floatColumn("posX");
            this.posY = a.floatColumn("posY");
            this.name = "Render" + a.name() + "Job";
        }

        @Override
        public void execute(int start, int end) {
            Chunk ch = archetype.chunkOfRow(start);
            FloatBuffer out = ctx.renderSnapshot.view();
            FloatBuffer px = ch.f[posX];
            FloatBuffer py = ch.f[posY];
            float sprite = archetype.id();
            int s = start & Archetype.CHUNK_MASK;
            for (int row = start; row < end; row++, s++) {
                int o = (base + row) * FLOATS_PER_INSTANCE;
                out.put(o, px.get(s));
                out.put(o + 1, py.get(s));
                out.put(o + 2, sprite);
                out.put(o + 3, row);
            }
        }
    }

    @Override
    public int update(SimContext ctx) {
        this.ctx = ctx;
        if (drawable == null) {
            drawable = new Query(ctx.world, "posX", "posY");
            jobs = new ArchetypeJob[drawable.archetypeCount()];
            for (int i = 0; i < jobs.length; i++) {
                jobs[i] = new ArchetypeJob(drawable.archetype(i));
            }
        }
        int total = drawable.entityCount();
        NativeFloatArray snap = ctx.renderSnapshot;
        snap.ensureCapacity(total * FLOATS_PER_INSTANCE);
        snap.setUsed(total * FLOATS_PER_INSTANCE);
        JobHandle all = null;
        int base = 0;
        for (ArchetypeJob j : jobs) {
            j.base = base;
            int n = j.archetype.count();
            base += n;
            JobHandle h = ctx.scheduler.scheduleParallel(j.name, n, Archetype.CHUNK_CAPACITY, j);
            all = all == null ? h : ctx.scheduler.combine(all, h);
        }
        if (all != null) {
            ctx.scheduler.complete(all);
        }
        return total;
    }
}
