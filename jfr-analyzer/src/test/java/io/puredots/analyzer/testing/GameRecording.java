package io.puredots.analyzer.testing;

import io.puredots.events.FrameEvent;
import io.puredots.events.testing.GameEvents;
import io.puredots.events.testing.RecordingFiles;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * Makes small recordings of a synthetic game in-process, with {@code puredots.jfc}: frames of four
 * system groups (five systems), jobs on two workers and the main thread, a registry, native
 * memory and entity count samples. Durations are real (busy spins of a known minimum length), so
 * a spike makes frames and a group over budget for a known number of consecutive ticks.
 *
 * <p>One game's ticks can be spread over several recordings ({@link #emit} from a step to a
 * step), and the files concatenated into one multi-chunk recording whose chunk boundary splits a
 * tick. Not thread-safe; one game per test class.
 */
public final class GameRecording {
    /** Groups in tick order and their systems. */
    public static final String[] GROUPS = {"TimeSystemGroup", "SpatialSystemGroup", "VillagerSystemGroup",
        "PresentationSystemGroup"};
    static final String[][] SYSTEMS = {{"TimeSystem"}, {"SpatialGridBuildSystem"}, {"VillagerMoveSystem",
        "VillagerNeedsSystem"}, {"PresentationSystem"}};
    /** Steps per tick: one per group, then the frame commit. */
    public static final int STEPS = GROUPS.length + 1;

    private final long spikeFrom;
    private final int spikeLength;
    private final long spikeNanos;
    private final Worker[] workers = {new Worker("puredots-worker-0"), new Worker("puredots-worker-1")};
    private FrameEvent frame;
    private long jobId;

    /**
     * @param spikeFrom   first tick of the spike
     * @param spikeLength consecutive ticks in which VillagerSystemGroup spins {@code spikeNanos} more
     * @param spikeNanos  extra time per spiking tick
     */
    public GameRecording(long spikeFrom, int spikeLength, long spikeNanos) {
        this.spikeFrom = spikeFrom;
        this.spikeLength = spikeLength;
        this.spikeNanos = spikeNanos;
        for (Worker w : workers) {
            w.start();
        }
    }

    /** Stops the worker threads. */
    public void close() throws InterruptedException {
        for (Worker w : workers) {
            w.queue.put(new long[] {-1});
            w.join();
        }
    }

    public static Configuration puredotsJfc() throws IOException {
        return RecordingFiles.puredotsJfc();
    }

    /** Records the game from (tickFrom, stepFrom) up to, not including, (tickTo, stepTo) into {@code file}. */
    public Path record(Path file, long tickFrom, int stepFrom, long tickTo, int stepTo, boolean gc)
            throws Exception {
        try (Recording r = new Recording(puredotsJfc())) {
            r.setToDisk(true);
            r.start();
            emit(tickFrom, stepFrom, tickTo, stepTo);
            if (gc) {
                System.gc();
            }
            r.stop();
            r.dump(file);
        }
        return file;
    }

    /** Emits steps from (tickFrom, stepFrom) up to, not including, (tickTo, stepTo). */
    public void emit(long tickFrom, int stepFrom, long tickTo, int stepTo) throws InterruptedException {
        long tick = tickFrom;
        int step = stepFrom;
        while (tick < tickTo || (tick == tickTo && step < stepTo)) {
            step(tick, step);
            if (++step == STEPS) {
                step = 0;
                tick++;
            }
        }
    }

    private void step(long tick, int step) throws InterruptedException {
        if (step == 0) {
            frame = new FrameEvent();
            frame.begin();
        }
        if (step < GROUPS.length) {
            GameEvents.groupTick(GROUPS[step], tick, () -> {
                for (String system : SYSTEMS[step]) {
                    GameEvents.systemTick(system, GROUPS[step], tick, 1000 + (int) tick, () -> {
                        GameEvents.spin(20_000 + 10_000L * step);
                        if (system.equals("VillagerMoveSystem")) {
                            jobs(tick, system);
                        }
                        if (system.equals("VillagerNeedsSystem") && tick >= spikeFrom && tick < spikeFrom + spikeLength) {
                            GameEvents.spin(spikeNanos);
                        }
                    });
                }
                if (step == 1) {
                    GameEvents.registryUpdate("ResourceRegistry", tick, 100 + (int) (tick % 17), (int) (tick % 3),
                            (int) (tick % 2), 5, 3_000);
                }
            });
            return;
        }
        // the frame spans steps that may fall into different recordings, so it is not one GameEvents.frame call
        frame.end();
        frame.tick = tick;
        frame.entityCount = 2000 + (int) tick;
        frame.commit();
        if (tick % 10 == 0) {
            samples(tick);
        }
    }

    private void jobs(long tick, String system) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(workers.length);
        for (int w = 0; w < workers.length; w++) {
            GameEvents.jobSchedule(++jobId, "MoveJob", system, w, 1 + w + (int) (tick % 3), 1, tick);
            workers[w].done = done;
            workers[w].queue.put(new long[] {tick, jobId, System.nanoTime()});
        }
        for (int b = 0; b < 2; b++) {
            GameEvents.jobRun(jobId, "MoveJob", b + 1, tick, 0, 5_000);
        }
        GameEvents.mainThreadWait(tick, system, done::await);
    }

    private static void samples(long tick) {
        String[][] containers = {{"Villager", "Column"}, {"Resource", "Column"}, {"SpatialGrid", "Grid"}};
        for (int i = 0; i < containers.length; i++) {
            long reserved = (1L << 20) * (i + 1) + tick * 1024;
            GameEvents.nativeMemory(containers[i][0], containers[i][1], reserved, reserved / 2);
        }
        String[] archetypes = {"Villager", "Resource"};
        for (int i = 0; i < archetypes.length; i++) {
            GameEvents.entityCount(archetypes[i], 1000 + tick + i);
        }
    }

    private static final class Worker extends Thread {
        final BlockingQueue<long[]> queue = new ArrayBlockingQueue<>(4);
        volatile CountDownLatch done;

        Worker(String name) {
            super(name);
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (true) {
                    long[] job = queue.take();
                    if (job[0] < 0) {
                        return;
                    }
                    for (int b = 0; b < 2; b++) {
                        long queued = job[2];
                        GameEvents.jobRun(job[1], "MoveJob", b, job[0], System.nanoTime() - queued, 15_000);
                    }
                    done.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Concatenates recordings into one multi-chunk file; see {@link RecordingFiles#concat}. */
    public static Path concat(Path out, Path... parts) throws IOException {
        return RecordingFiles.concat(out, parts);
    }
}
