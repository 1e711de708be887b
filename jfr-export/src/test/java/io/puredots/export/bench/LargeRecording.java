package io.puredots.export.bench;

import io.puredots.events.testing.SoakRecording;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Benchmark input, not a test: a {@link SoakRecording} shaped like the soak scene (7 groups x 3
 * systems, 3 registries, the grid, 2 workers x 40 job batches per frame, samples every 60 frames)
 * written until the file reaches the requested size. Prints the frames and bytes written.
 *
 * <pre>{@code java -cp ... io.puredots.export.bench.LargeRecording OUT.jfr SIZE_MB}</pre>
 */
public final class LargeRecording {
    static final SoakRecording.Shape SHAPE = new SoakRecording.Shape(
            new String[] {"TimeSystemGroup", "SpatialSystemGroup", "EnvironmentSystemGroup", "VillagerSystemGroup",
                "ResourceSystemGroup", "MiracleEffectSystemGroup", "PresentationSystemGroup"}, 3, 20000, false, 3,
            new String[] {"MoveJob", "NeedsJob", "GatherJob", "SpatialInsertJob"}, 40, false,
            new String[] {"worker-1", "worker-2"}, 0, new String[] {"ResourceRegistry", "VillagerRegistry",
                "StorehouseRegistry"}, 0, 60, 20000);

    private LargeRecording() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        long frames = SoakRecording.write(out, SHAPE, Long.MAX_VALUE, Long.parseLong(args[1]) * 1024 * 1024);
        System.out.println("frames " + frames + ", bytes " + Files.size(out));
    }
}
