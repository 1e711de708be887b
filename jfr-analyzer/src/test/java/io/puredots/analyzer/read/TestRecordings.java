package io.puredots.analyzer.read;

import io.puredots.analyzer.testing.JfrSummary;

import io.puredots.events.FrameEvent;
import io.puredots.events.JobRunEvent;
import io.puredots.events.JobScheduleEvent;
import io.puredots.events.MainThreadWaitEvent;
import io.puredots.events.RegistryUpdateEvent;
import io.puredots.events.SpatialGridRebuildEvent;
import io.puredots.events.SystemGroupTickEvent;
import io.puredots.events.SystemTickEvent;
import io.puredots.events.BudgetViolationEvent;
import io.puredots.events.EntityCountEvent;
import io.puredots.events.NativeMemoryEvent;
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
        try (InputStream in = TestRecordings.class.getResourceAsStream("/io/puredots/events/puredots.jfc")) {
            if (in == null) {
                throw new IOException("puredots.jfc not on the class path");
            }
            return Configuration.create(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IOException(e);
        }
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

    static void emitGame(int frames) throws InterruptedException {
        Thread[] workers = new Thread[2];
        for (int w = 0; w < workers.length; w++) {
            int worker = w;
            workers[w] = new Thread(() -> {
                for (int f = 0; f < frames; f++) {
                    JobRunEvent run = new JobRunEvent();
                    run.begin();
                    run.jobId = f * 10L + worker;
                    run.jobName = worker == 0 ? "MoveJob" : "A rather long job name that goes to the constant pool";
                    run.batchIndex = worker;
                    run.tick = f;
                    run.queueWait = 1000 + f;
                    run.commit();
                }
            }, "puredots-worker-" + w);
            workers[w].start();
        }
        String[] groups = {"SimulationSystemGroup", "SpatialSystemGroup", "Présentation ☃ group"};
        for (int f = 0; f < frames; f++) {
            FrameEvent frame = new FrameEvent();
            frame.begin();
            for (String g : groups) {
                SystemGroupTickEvent gt = new SystemGroupTickEvent();
                gt.begin();
                SystemTickEvent st = new SystemTickEvent();
                st.begin();
                st.system = g.replace("Group", "") + "Mover";
                st.group = g;
                st.tick = f;
                st.entitiesProcessed = f * 3;
                st.commit();
                gt.group = g;
                gt.tick = f;
                gt.commit();
            }
            JobScheduleEvent js = new JobScheduleEvent();
            js.begin();
            js.jobId = f;
            js.jobName = "MoveJob";
            js.system = f % 7 == 0 ? null : "MoverSystem";
            js.dependencyCount = f % 3;
            js.chainDepth = 1 + f % 4;
            js.batchCount = 8;
            js.tick = f;
            js.commit();
            MainThreadWaitEvent mw = new MainThreadWaitEvent();
            mw.begin();
            mw.tick = f;
            mw.system = "MoverSystem";
            mw.commit();
            RegistryUpdateEvent ru = new RegistryUpdateEvent();
            ru.begin();
            ru.registry = "ResourceRegistry";
            ru.tick = f;
            ru.entryCount = 100 + f;
            ru.adds = 1;
            ru.removes = -2;
            ru.updates = Integer.MAX_VALUE - f;
            ru.commit();
            SpatialGridRebuildEvent sg = new SpatialGridRebuildEvent();
            sg.begin();
            sg.tick = f;
            sg.cellCount = 4096;
            sg.entityCount = f * 11;
            sg.maxCellOccupancy = Integer.MIN_VALUE + f;
            sg.commit();
            if (f % 50 == 0) {
                EntityCountEvent ec = new EntityCountEvent();
                ec.archetype = "Villager";
                ec.count = Long.MAX_VALUE - f;
                ec.commit();
                NativeMemoryEvent nm = new NativeMemoryEvent();
                nm.owner = "Villager";
                nm.containerKind = "Column";
                nm.bytesReserved = 1L << 40;
                nm.bytesUsed = f;
                nm.commit();
                BudgetViolationEvent bv = new BudgetViolationEvent();
                bv.budgetId = "frame";
                bv.measured = 17.25 + f;
                bv.limit = Double.NaN;
                bv.unit = "ms";
                bv.consecutiveFrames = f;
                bv.severity = "WARNING";
                bv.tick = f;
                bv.commit();
            }
            frame.tick = f;
            frame.entityCount = 1000 + f;
            frame.commit();
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

    /** Concatenates recordings into one multi-chunk file (valid JFR: a file is a chunk sequence). */
    static Path concat(Path out, Path... parts) throws IOException {
        Files.deleteIfExists(out);
        for (Path p : parts) {
            Files.write(out, Files.readAllBytes(p), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return out;
    }

    /** Event counts by type as printed by {@code jfr summary}; see {@link JfrSummary#counts}. */
    static Map<String, Long> jfrSummary(Path file) throws IOException, InterruptedException {
        return JfrSummary.counts(file);
    }
}
