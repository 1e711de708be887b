package io.puredots.analyzer.bench;

import io.puredots.events.testing.SoakRecording;

import java.nio.file.Path;

/**
 * Benchmark input for the reader benchmark, not a test: a {@link SoakRecording} of
 * {@code frames} frames. Per frame: 1 Frame, 6 SystemGroupTick, 24 SystemTick, 8 JobSchedule,
 * 16 JobRun (on two worker threads), 1 MainThreadWait, 2 RegistryUpdate, 1 SpatialGridRebuild:
 * 59 events.
 *
 * <p>Usage: {@code GenerateRecording <out.jfr> <frames>}
 */
public final class GenerateRecording {
    static final SoakRecording.Shape SHAPE = new SoakRecording.Shape(
            new String[] {"InitializationSystemGroup", "SimulationSystemGroup", "SpatialSystemGroup", "AISystemGroup",
                "PhysicsSystemGroup", "PresentationSystemGroup"}, 4, 1000, true, 1,
            new String[] {"MoveJob", "SteerJob", "GridInsertJob", "NeedsDecayJob", "PathfindBatchJob", "HarvestJob",
                "CombatResolveJob", "AnimationJob"}, 8, true, new String[] {"puredots-worker-0", "puredots-worker-1"},
            8, new String[] {"ResourceRegistry", "VillagerRegistry"}, 31, 0, 20000);

    private GenerateRecording() {
    }

    public static void main(String[] args) throws Exception {
        SoakRecording.write(Path.of(args[0]), SHAPE, Integer.parseInt(args[1]), Long.MAX_VALUE);
    }
}
