package io.puredots.analyzer.read;

import io.puredots.analyzer.testing.JfrSummary;

import io.puredots.events.testing.GameEvents;
import io.puredots.events.testing.RecordingFiles;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Makes real recordings in-process with {@code puredots.jfc}, and runs {@code jfr summary}. */
final class TestRecordings {
    private TestRecordings() {
    }

    static Configuration puredotsJfc() throws IOException {
        return RecordingFiles.puredotsJfc();
    }

    /**
     * Records {@code frames} frames of puredots events (on the main thread and two workers) plus
     * GC, parks, monitor contention and JIT activity, into {@code file}.
     */
    static Path record(Path file, int frames) throws Exception {
        try (Recording r = new Recording(puredotsJfc())) {
            r.enable("jdk.ThreadPark").withThreshold(Duration.ZERO);
            r.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ZERO);
            r.enable("jdk.Compilation").withThreshold(Duration.ZERO);
            Map<String, String> settings = new java.util.HashMap<>(r.getSettings());
            for (String periodic : new String[] {"jdk.CPULoad", "jdk.ThreadCPULoad", "jdk.DirectBufferStatistics"}) {
                settings.put(periodic + "#period", "everyChunk");
            }
            r.setSettings(settings);
            r.setToDisk(true);
            r.start();
            emitGame(frames);
            provokeJvmActivity();
            r.stop();
            r.dump(file);
        }
        return file;
    }

    /**
     * The decoder's edge cases ride on these values: a long job name (constant pool), a non-ASCII
     * group, a null system, negative and extreme ints and longs, a NaN limit.
     */
    static void emitGame(int frames) throws InterruptedException {
        Thread[] workers = new Thread[2];
        for (int w = 0; w < workers.length; w++) {
            int worker = w;
            workers[w] = new Thread(() -> {
                for (int f = 0; f < frames; f++) {
                    GameEvents.jobRun(f * 10L + worker, worker == 0 ? "MoveJob" : "A rather long job name that goes to the constant pool",
                            worker, f, 1000 + f, 0);
                }
            }, "puredots-worker-" + w);
            workers[w].start();
        }
        String[] groups = {"SimulationSystemGroup", "SpatialSystemGroup", "Présentation ☃ group"};
        for (int f = 0; f < frames; f++) {
            int t = f;
            GameEvents.frame(f, 1000 + f, () -> {
                for (String g : groups) {
                    GameEvents.groupTick(g, t, () -> GameEvents.systemTick(g.replace("Group", "") + "Mover", g, t, t * 3,
                            () -> { }));
                }
                GameEvents.jobSchedule(t, "MoveJob", t % 7 == 0 ? null : "MoverSystem", t % 3, 1 + t % 4, 8, t);
                GameEvents.mainThreadWait(t, "MoverSystem", () -> { });
                GameEvents.registryUpdate("ResourceRegistry", t, 100 + t, 1, -2, Integer.MAX_VALUE - t, 0);
                GameEvents.gridRebuild(t, 4096, t * 11, Integer.MIN_VALUE + t, 0);
                if (t % 50 == 0) {
                    GameEvents.entityCount("Villager", Long.MAX_VALUE - t);
                    GameEvents.nativeMemory("Villager", "Column", 1L << 40, t);
                    GameEvents.budgetViolation("frame", 17.25 + t, Double.NaN, "ms", t, "WARNING", t);
                }
            });
        }
        for (Thread w : workers) {
            w.join();
        }
    }

    private static final Object LOCK = new Object();
    private static volatile long hotResult;

    /** GC, parks, a contended monitor and a hot method for the JIT. */
    static void provokeJvmActivity() throws InterruptedException {
        System.gc();
        java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(4096);
        direct.put(0, (byte) 1);
        for (int i = 0; i < 5; i++) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        CountDownLatch held = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            synchronized (LOCK) {
                held.countDown();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }, "lock-holder");
        holder.start();
        held.await();
        synchronized (LOCK) {
            hot(1);
        }
        holder.join();
        long sum = 0;
        for (int i = 0; i < 200_000; i++) {
            sum += hot(i);
        }
        hotResult = sum; // kept, so the JIT cannot drop the loop
        System.gc();
    }

    private static long hot(int i) {
        long x = i;
        for (int k = 0; k < 20; k++) {
            x = x * 31 + k ^ (x >>> 7);
        }
        return x;
    }

    /** Concatenates recordings into one multi-chunk file; see {@link RecordingFiles#concat}. */
    static Path concat(Path out, Path... parts) throws IOException {
        return RecordingFiles.concat(out, parts);
    }

    /** Event counts by type as printed by {@code jfr summary}; see {@link JfrSummary#counts}. */
    static Map<String, Long> jfrSummary(Path file) throws IOException, InterruptedException {
        return JfrSummary.counts(file);
    }
}
