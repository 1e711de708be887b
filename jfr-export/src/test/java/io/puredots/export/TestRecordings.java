package io.puredots.export;

import io.puredots.events.EventNames;
import io.puredots.events.testing.GameEvents;
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
            long t = tick;
            GameEvents.frame(tick, 1000, () -> {
                for (String g : GROUPS) {
                    GameEvents.groupTick(g, t, () -> GameEvents.systemTick(g.replace("Group", ""), g, t, 1000,
                            () -> GameEvents.spin(20_000)));
                }
                GameEvents.registryUpdate("ResourceRegistry", t, (int) (100 + t), 1, 2, 3, 5_000);
                GameEvents.gridRebuild(t, 64, 1000, 0, 5_000);
                Thread worker = new Thread(() -> {
                    for (int b = 0; b < 3; b++) {
                        GameEvents.jobRun(t * 10, "MoveJob", b, t, 1000 + b, 10_000);
                    }
                }, "worker-1");
                worker.start();
                worker.join();
                GameEvents.entityCount("Villager", 1000 + t);
                GameEvents.nativeMemory("Villager", "Column", 4096 * (t + 1), 2048 * (t + 1));
                if (t == firstTick) {
                    GameEvents.budgetViolation("group.SpatialSystemGroup", 1.5, 1.0, "ms", 6, "CRITICAL", t);
                }
            });
        }
    }
}
