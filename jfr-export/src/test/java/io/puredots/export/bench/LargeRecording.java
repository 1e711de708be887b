package io.puredots.export.bench;

import io.puredots.events.EntityCountEvent;
import io.puredots.events.FrameEvent;
import io.puredots.events.JobRunEvent;
import io.puredots.events.NativeMemoryEvent;
import io.puredots.events.RegistryUpdateEvent;
import io.puredots.events.SpatialGridRebuildEvent;
import io.puredots.events.SystemGroupTickEvent;
import io.puredots.events.SystemTickEvent;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CyclicBarrier;

/**
 * Benchmark input, not a test: writes a large recording with puredots.jfc, shaped like the soak
 * scene (7 groups x 3 systems, 3 registries, the grid, 2 workers x 40 job batches per frame,
 * samples every 60 frames) until the file reaches the requested size.
 *
 * <pre>{@code java -cp ... io.puredots.export.bench.LargeRecording OUT.jfr SIZE_MB}</pre>
 */
public final class LargeRecording {
    private static final String[] GROUPS = {"TimeSystemGroup", "SpatialSystemGroup", "EnvironmentSystemGroup",
        "VillagerSystemGroup", "ResourceSystemGroup", "MiracleEffectSystemGroup", "PresentationSystemGroup"};
    private static final String[] REGISTRIES = {"ResourceRegistry", "VillagerRegistry", "StorehouseRegistry"};
    private static final String[] JOBS = {"MoveJob", "NeedsJob", "GatherJob", "SpatialInsertJob"};

    private LargeRecording() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        long target = Long.parseLong(args[1]) * 1024 * 1024;
        Configuration config;
        try (Reader r = new InputStreamReader(LargeRecording.class.getResourceAsStream("/io/puredots/events/puredots.jfc"),
                StandardCharsets.UTF_8)) {
            config = Configuration.create(r);
        }
        String[][] systems = new String[GROUPS.length][3];
        for (int g = 0; g < GROUPS.length; g++) {
            for (int s = 0; s < 3; s++) {
                systems[g][s] = GROUPS[g].replace("SystemGroup", "") + "System" + s;
            }
        }
        try (Recording rec = new Recording(config)) {
            rec.setToDisk(true);
            rec.setDestination(out);
            rec.start();
            final long[] tickBox = {0};
            CyclicBarrier start = new CyclicBarrier(3);
            CyclicBarrier done = new CyclicBarrier(3);
            Runnable worker = () -> {
                try {
                    while (true) {
                        start.await();
                        long tick = tickBox[0];
                        if (tick < 0) {
                            return;
                        }
                        for (int b = 0; b < 40; b++) {
                            JobRunEvent jr = new JobRunEvent();
                            jr.begin();
                            jr.jobId = tick * 8 + (b & 3);
                            jr.jobName = JOBS[b & 3];
                            jr.batchIndex = b;
                            jr.tick = tick;
                            jr.queueWait = 500 + b;
                            jr.commit();
                        }
                        done.await();
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            };
            Thread w1 = new Thread(worker, "worker-1");
            Thread w2 = new Thread(worker, "worker-2");
            w1.start();
            w2.start();
            long tick = 0;
            while (true) {
                FrameEvent frame = new FrameEvent();
                frame.begin();
                for (int g = 0; g < GROUPS.length; g++) {
                    SystemGroupTickEvent ge = new SystemGroupTickEvent();
                    ge.begin();
                    for (int s = 0; s < 3; s++) {
                        SystemTickEvent se = new SystemTickEvent();
                        se.begin();
                        se.system = systems[g][s];
                        se.group = GROUPS[g];
                        se.tick = tick;
                        se.entitiesProcessed = 20000;
                        se.commit();
                    }
                    if (g == 3) {
                        tickBox[0] = tick;
                        start.await();
                        done.await();
                    }
                    ge.group = GROUPS[g];
                    ge.tick = tick;
                    ge.commit();
                }
                for (String reg : REGISTRIES) {
                    RegistryUpdateEvent ru = new RegistryUpdateEvent();
                    ru.begin();
                    ru.registry = reg;
                    ru.tick = tick;
                    ru.entryCount = 5000;
                    ru.adds = 3;
                    ru.removes = 2;
                    ru.updates = 40;
                    ru.commit();
                }
                SpatialGridRebuildEvent grid = new SpatialGridRebuildEvent();
                grid.begin();
                grid.tick = tick;
                grid.cellCount = 4096;
                grid.entityCount = 20000;
                grid.commit();
                if (tick % 60 == 0) {
                    EntityCountEvent ec = new EntityCountEvent();
                    ec.archetype = "Villager";
                    ec.count = 20000;
                    ec.commit();
                    NativeMemoryEvent nm = new NativeMemoryEvent();
                    nm.owner = "Villager";
                    nm.containerKind = "Column";
                    nm.bytesReserved = 64L << 20;
                    nm.bytesUsed = 48L << 20;
                    nm.commit();
                }
                frame.tick = tick;
                frame.entityCount = 20000;
                frame.commit();
                tick++;
                if (tick % 2000 == 0 && rec.getSize() >= target) {
                    break;
                }
            }
            tickBox[0] = -1;
            start.await();
            w1.join();
            w2.join();
            rec.stop();
            System.out.println("frames " + tick + ", bytes " + java.nio.file.Files.size(out));
        }
    }
}
