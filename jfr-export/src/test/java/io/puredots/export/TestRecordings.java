package io.puredots.export;

import io.puredots.events.BudgetViolationEvent;
import io.puredots.events.EntityCountEvent;
import io.puredots.events.EventNames;
import io.puredots.events.FrameEvent;
import io.puredots.events.JobRunEvent;
import io.puredots.events.NativeMemoryEvent;
import io.puredots.events.RegistryUpdateEvent;
import io.puredots.events.SpatialGridRebuildEvent;
import io.puredots.events.SystemGroupTickEvent;
import io.puredots.events.SystemTickEvent;
import jdk.jfr.Recording;

import java.nio.file.Path;

/** Makes small recordings with every puredots event the exporter maps, in-process. */
final class TestRecordings {
    static final String[] GROUPS = {"SpatialSystemGroup", "VillagerSystemGroup"};

    private TestRecordings() {
    }

    /** Records {@code frames} frames: 2 groups x 1 system, a registry, a grid, 3 job batches on a worker, samples. */
    static Path record(Path file, int frames) throws Exception {
        try (Recording r = new Recording()) {
            for (String name : EventNames.ALL) {
                r.enable(name);
            }
            r.enable(EventNames.Jdk.GC);
            r.enable(EventNames.Jdk.GC_HEAP_SUMMARY);
            r.start();
            emitFrames(0, frames);
            System.gc(); // a collection: gc_pause and heap_used points
            r.stop();
            r.dump(file);
        }
        return file;
    }

    static void emitFrames(long firstTick, int frames) throws InterruptedException {
        for (long tick = firstTick; tick < firstTick + frames; tick++) {
            FrameEvent frame = new FrameEvent();
            frame.begin();
            frame.tick = tick;
            frame.entityCount = 1000;
            for (String g : GROUPS) {
                SystemGroupTickEvent ge = new SystemGroupTickEvent();
                ge.begin();
                SystemTickEvent se = new SystemTickEvent();
                se.begin();
                spin(20_000);
                se.system = g.replace("Group", "");
                se.group = g;
                se.tick = tick;
                se.entitiesProcessed = 1000;
                se.commit();
                ge.group = g;
                ge.tick = tick;
                ge.commit();
            }
            RegistryUpdateEvent ru = new RegistryUpdateEvent();
            ru.begin();
            spin(5_000);
            ru.registry = "ResourceRegistry";
            ru.tick = tick;
            ru.entryCount = (int) (100 + tick);
            ru.adds = 1;
            ru.removes = 2;
            ru.updates = 3;
            ru.commit();
            SpatialGridRebuildEvent grid = new SpatialGridRebuildEvent();
            grid.begin();
            spin(5_000);
            grid.tick = tick;
            grid.cellCount = 64;
            grid.entityCount = 1000;
            grid.commit();
            final long t = tick;
            Thread worker = new Thread(() -> {
                for (int b = 0; b < 3; b++) {
                    JobRunEvent jr = new JobRunEvent();
                    jr.begin();
                    spin(10_000);
                    jr.jobId = t * 10;
                    jr.jobName = "MoveJob";
                    jr.batchIndex = b;
                    jr.tick = t;
                    jr.queueWait = 1000 + b;
                    jr.commit();
                }
            }, "worker-1");
            worker.start();
            worker.join();
            EntityCountEvent ec = new EntityCountEvent();
            ec.archetype = "Villager";
            ec.count = 1000 + tick;
            ec.commit();
            NativeMemoryEvent nm = new NativeMemoryEvent();
            nm.owner = "Villager";
            nm.containerKind = "Column";
            nm.bytesReserved = 4096 * (tick + 1);
            nm.bytesUsed = 2048 * (tick + 1);
            nm.commit();
            if (tick == firstTick) {
                BudgetViolationEvent bv = new BudgetViolationEvent();
                bv.budgetId = "group.SpatialSystemGroup";
                bv.measured = 1.5;
                bv.limit = 1.0;
                bv.unit = "ms";
                bv.consecutiveFrames = 6;
                bv.severity = "CRITICAL";
                bv.tick = tick;
                bv.commit();
            }
            frame.commit();
        }
    }

    /** Busy-waits about {@code nanos} so that durations are not zero. */
    static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
