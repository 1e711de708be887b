package io.puredots.events.testing;

import java.nio.file.Path;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import jdk.jfr.Recording;

/**
 * Benchmark input: writes, with {@code puredots.jfc} and as fast as it can, a recording shaped like
 * the soak scene. Per frame: one Frame; per group one System Group Tick around its systems' System
 * Ticks; in {@link Shape#jobsGroup} the two workers each run {@link Shape#batchesPerWorker} Job
 * Runs while the main thread waits; {@link Shape#schedules} Job Schedules and, with any, one Main
 * Thread Wait; one Registry Update per registry; one Spatial Grid Rebuild; every
 * {@link Shape#samplesEvery} frames one Entity Count and one Native Memory. Field values are fixed
 * functions of the tick, so two files of one shape differ only in timing.
 *
 * <p>Not thread-safe; it starts and stops its two worker threads itself.
 */
public final class SoakRecording {
    private SoakRecording() {
    }

    /**
     * @param groups            system group names, in tick order
     * @param systemsPerGroup   systems in each group, named after the group ({@code "Spatial"} + "System" + index)
     * @param systemEntities    entities a system processes: this plus its index when {@code entitiesPlusIndex}
     * @param entitiesPlusIndex whether each system's index is added to {@code systemEntities}
     * @param jobsGroup         index of the group in which the workers run their jobs
     * @param jobNames          job names; batch {@code b} belongs to job {@code b % jobNames.length}
     * @param batchesPerWorker  Job Runs per worker per frame
     * @param batchIsWorker     batch index field: the worker's index (true) or the batch's (false)
     * @param workerNames       the two worker threads' names (the export tags points with them)
     * @param schedules         Job Schedules per frame (for systems of group 1), 0 for none
     * @param registries        registry names, one Registry Update each per frame
     * @param gridMaxOccupancy  the grid's max cell occupancy field
     * @param samplesEvery      frames between entity-count and native-memory samples, 0 for none
     * @param entities          the frame's and the grid's entity count
     */
    public record Shape(String[] groups, int systemsPerGroup, int systemEntities, boolean entitiesPlusIndex,
                        int jobsGroup, String[] jobNames, int batchesPerWorker, boolean batchIsWorker,
                        String[] workerNames, int schedules, String[] registries, int gridMaxOccupancy,
                        int samplesEvery, int entities) {
        String system(int g, int s) {
            return groups[g].replace("SystemGroup", "") + "System" + s;
        }
    }

    /**
     * Records frames into {@code out} until {@code frames} frames are written or, checked every
     * 2,000 frames, the recording reaches {@code targetBytes}; returns the frames written.
     */
    public static long write(Path out, Shape shape, long frames, long targetBytes) throws Exception {
        try (Recording rec = new Recording(RecordingFiles.puredotsJfc())) {
            rec.setToDisk(true);
            rec.setDestination(out);
            rec.start();
            long[] tickBox = {0};
            CyclicBarrier start = new CyclicBarrier(3);
            CyclicBarrier done = new CyclicBarrier(3);
            Thread[] workers = new Thread[2];
            for (int w = 0; w < workers.length; w++) {
                int worker = w;
                workers[w] = new Thread(() -> runJobs(shape, worker, tickBox, start, done), shape.workerNames()[w]);
                workers[w].start();
            }
            long tick = 0;
            while (tick < frames && (tick % 2000 != 0 || tick == 0 || rec.getSize() < targetBytes)) {
                frame(shape, tick, tickBox, start, done);
                tick++;
            }
            tickBox[0] = -1;
            start.await();
            for (Thread w : workers) {
                w.join();
            }
            rec.stop();
            return tick;
        }
    }

    private static void frame(Shape shape, long tick, long[] tickBox, CyclicBarrier start, CyclicBarrier done)
            throws InterruptedException {
        GameEvents.frame(tick, shape.entities(), () -> {
            for (int g = 0; g < shape.groups().length; g++) {
                int group = g;
                GameEvents.groupTick(shape.groups()[g], tick, () -> {
                    for (int s = 0; s < shape.systemsPerGroup(); s++) {
                        GameEvents.systemTick(shape.system(group, s), shape.groups()[group], tick,
                                shape.systemEntities() + (shape.entitiesPlusIndex() ? s : 0), () -> { });
                    }
                    if (group == shape.jobsGroup()) {
                        tickBox[0] = tick;
                        await(start);
                        await(done);
                    }
                });
            }
            for (int j = 0; j < shape.schedules(); j++) {
                GameEvents.jobSchedule(tick * 8 + j, shape.jobNames()[j % shape.jobNames().length],
                        shape.system(1, j % shape.systemsPerGroup()), j % 3, 1 + j % 2, 2, tick);
            }
            if (shape.schedules() > 0) {
                GameEvents.mainThreadWait(tick, shape.system(1, 0), () -> { });
            }
            for (String registry : shape.registries()) {
                GameEvents.registryUpdate(registry, tick, 5000, 3, 2, 40, 0);
            }
            GameEvents.gridRebuild(tick, 4096, shape.entities(), shape.gridMaxOccupancy(), 0);
            if (shape.samplesEvery() > 0 && tick % shape.samplesEvery() == 0) {
                GameEvents.entityCount("Villager", shape.entities());
                GameEvents.nativeMemory("Villager", "Column", 64L << 20, 48L << 20);
            }
        });
    }

    private static void runJobs(Shape shape, int worker, long[] tickBox, CyclicBarrier start, CyclicBarrier done) {
        try {
            while (true) {
                start.await();
                long tick = tickBox[0];
                if (tick < 0) {
                    return;
                }
                String[] names = shape.jobNames();
                for (int b = 0; b < shape.batchesPerWorker(); b++) {
                    GameEvents.jobRun(tick * 8 + b % names.length, names[b % names.length],
                            shape.batchIsWorker() ? worker : b, tick, 500 + b, 0);
                }
                done.await();
            }
        } catch (InterruptedException | BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CyclicBarrier barrier) throws InterruptedException {
        try {
            barrier.await();
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException(e);
        }
    }
}
