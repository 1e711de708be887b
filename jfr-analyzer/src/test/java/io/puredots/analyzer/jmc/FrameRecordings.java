package io.puredots.analyzer.jmc;

import io.puredots.events.testing.GameEvents;
import io.puredots.events.testing.RecordingFiles;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongUnaryOperator;

/** Small real recordings made in-process with {@code puredots.jfc}. */
final class FrameRecordings {
    private FrameRecordings() {
    }

    static Configuration puredotsJfc() throws Exception {
        return RecordingFiles.puredotsJfc();
    }

    /** Allocating, lock-contending threads for {@code millis} ms, with 60 fps frame events on this one. */
    static void busyThreads(int threads, long millis) throws InterruptedException {
        busyThreads(threads, millis, 10_000, 32, 256, 20_000, 1_000_000, tick -> 16_000_000);
    }

    /**
     * {@code threads} threads named like job workers allocate byte arrays of {@code minBytes} to
     * {@code minBytes + sizeRange - 1} bytes, keeping up to {@code keep} of them (then dropping the
     * older half), and every {@code contendEvery} allocations park {@code contendNanos} holding a
     * shared lock; meanwhile this thread commits frames that each park {@code frameNanos.applyAsLong(tick)}.
     * Runs for {@code millis} ms.
     */
    static void busyThreads(int threads, long millis, int keep, int minBytes, int sizeRange, int contendEvery,
                            long contendNanos, LongUnaryOperator frameNanos) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        Object lock = new Object();
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            ts[t] = new Thread(() -> {
                List<Object> kept = new ArrayList<>();
                long i = 0;
                while (System.nanoTime() < end) {
                    kept.add(new byte[minBytes + (int) (i++ % sizeRange)]);
                    if (kept.size() > keep) {
                        kept.subList(0, keep / 2).clear();
                    }
                    if (i % contendEvery == 0) {
                        synchronized (lock) {
                            LockSupport.parkNanos(contendNanos); // held while parked: monitor contention to record
                        }
                    }
                }
            }, "puredots-worker-" + t);
            ts[t].start();
        }
        long tick = 0;
        while (System.nanoTime() < end) {
            long t = tick++;
            GameEvents.frame(t, 0, () -> LockSupport.parkNanos(frameNanos.applyAsLong(t))); // the frame's own time
        }
        for (Thread t : ts) {
            t.join();
        }
    }

    /**
     * Records {@code frames} frames; frames {@code slowFrom..slowFrom+slowCount-1} spin for
     * {@code slowMillis} ms, the others take a few microseconds.
     */
    static Path record(Path file, int frames, int slowFrom, int slowCount, int slowMillis) throws Exception {
        try (Recording r = new Recording(puredotsJfc())) {
            r.setToDisk(true);
            r.start();
            for (int t = 0; t < frames; t++) {
                long spin = t >= slowFrom && t < slowFrom + slowCount ? slowMillis * 1_000_000L : 0;
                GameEvents.frame(t, 0, () -> GameEvents.spin(spin));
            }
            System.gc();
            r.stop();
            r.dump(file);
        }
        return file;
    }
}
