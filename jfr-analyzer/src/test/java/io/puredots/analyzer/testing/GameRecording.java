package io.puredots.analyzer.testing;

import io.puredots.events.EntityCountEvent;
import io.puredots.events.FrameEvent;
import io.puredots.events.JobRunEvent;
import io.puredots.events.JobScheduleEvent;
import io.puredots.events.MainThreadWaitEvent;
import io.puredots.events.NativeMemoryEvent;
import io.puredots.events.RegistryUpdateEvent;
import io.puredots.events.SystemGroupTickEvent;
import io.puredots.events.SystemTickEvent;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.ParseException;
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
        try (InputStream in = GameRecording.class.getResourceAsStream("/io/puredots/events/puredots.jfc")) {
            if (in == null) {
                throw new IOException("puredots.jfc not on the class path");
            }
            return Configuration.create(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IOException(e);
        }
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
            SystemGroupTickEvent g = new SystemGroupTickEvent();
            g.begin();
            for (String system : SYSTEMS[step]) {
                SystemTickEvent s = new SystemTickEvent();
                s.begin();
                spin(20_000 + 10_000L * step);
                if (system.equals("VillagerMoveSystem")) {
                    jobs(tick, system);
                }
                if (system.equals("VillagerNeedsSystem") && tick >= spikeFrom && tick < spikeFrom + spikeLength) {
                    spin(spikeNanos);
                }
                s.end();
                s.system = system;
                s.group = GROUPS[step];
                s.tick = tick;
                s.entitiesProcessed = 1000 + (int) tick;
                s.commit();
            }
            if (step == 1) {
                registry(tick);
            }
            g.end();
            g.group = GROUPS[step];
            g.tick = tick;
            g.commit();
            return;
        }
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
            JobScheduleEvent s = new JobScheduleEvent();
            s.begin();
            s.jobId = ++jobId;
            s.jobName = "MoveJob";
            s.system = system;
            s.dependencyCount = w;
            s.chainDepth = 1 + w + (int) (tick % 3);
            s.batchCount = 1;
            s.tick = tick;
            s.commit();
            workers[w].done = done;
            workers[w].queue.put(new long[] {tick, jobId, System.nanoTime()});
        }
        for (int b = 0; b < 2; b++) {
            JobRunEvent run = new JobRunEvent();
            run.begin();
            spin(5_000);
            run.end();
            run.jobId = jobId;
            run.jobName = "MoveJob";
            run.batchIndex = b + 1;
            run.tick = tick;
            run.queueWait = 0;
            run.commit();
        }
        MainThreadWaitEvent wait = new MainThreadWaitEvent();
        wait.begin();
        done.await();
        wait.end();
        wait.tick = tick;
        wait.system = system;
        wait.commit();
    }

    private static void registry(long tick) {
        RegistryUpdateEvent r = new RegistryUpdateEvent();
        r.begin();
        spin(3_000);
        r.end();
        r.registry = "ResourceRegistry";
        r.tick = tick;
        r.entryCount = 100 + (int) (tick % 17);
        r.adds = (int) (tick % 3);
        r.removes = (int) (tick % 2);
        r.updates = 5;
        r.commit();
    }

    private static void samples(long tick) {
        String[][] containers = {{"Villager", "Column"}, {"Resource", "Column"}, {"SpatialGrid", "Grid"}};
        for (int i = 0; i < containers.length; i++) {
            NativeMemoryEvent m = new NativeMemoryEvent();
            m.owner = containers[i][0];
            m.containerKind = containers[i][1];
            m.bytesReserved = (1L << 20) * (i + 1) + tick * 1024;
            m.bytesUsed = m.bytesReserved / 2;
            m.commit();
        }
        String[] archetypes = {"Villager", "Resource"};
        for (int i = 0; i < archetypes.length; i++) {
            EntityCountEvent e = new EntityCountEvent();
            e.archetype = archetypes[i];
            e.count = 1000 + tick + i;
            e.commit();
        }
    }

    static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
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
                        JobRunEvent run = new JobRunEvent();
                        run.begin();
                        spin(15_000);
                        run.end();
                        run.jobId = job[1];
                        run.jobName = "MoveJob";
                        run.batchIndex = b;
                        run.tick = job[0];
                        run.queueWait = System.nanoTime() - job[2];
                        run.commit();
                    }
                    done.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Concatenates recordings into one multi-chunk file (a JFR file is a sequence of chunks). */
    public static Path concat(Path out, Path... parts) throws IOException {
        Files.deleteIfExists(out);
        for (Path p : parts) {
            Files.write(out, Files.readAllBytes(p), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return out;
    }
}
