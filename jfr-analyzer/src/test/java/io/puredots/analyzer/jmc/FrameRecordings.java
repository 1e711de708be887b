package io.puredots.analyzer.jmc;

import io.puredots.events.FrameEvent;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Small real recordings made in-process with {@code puredots.jfc}. */
final class FrameRecordings {
    private FrameRecordings() {
    }

    static Configuration puredotsJfc() throws Exception {
        try (InputStream in = FrameRecordings.class.getResourceAsStream("/io/puredots/events/puredots.jfc")) {
            return Configuration.create(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    /** Allocating, lock-contending threads for {@code millis} ms, with 60 fps frame events on this one. */
    static void busyThreads(int threads, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        Object lock = new Object();
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            ts[t] = new Thread(() -> {
                java.util.List<Object> keep = new java.util.ArrayList<>();
                long i = 0;
                while (System.nanoTime() < end) {
                    keep.add(new byte[32 + (int) (i++ % 256)]);
                    if (keep.size() > 10_000) {
                        keep.subList(0, 5_000).clear();
                    }
                    if (i % 20_000 == 0) {
                        synchronized (lock) {
                            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                        }
                    }
                }
            }, "puredots-worker-" + t);
            ts[t].start();
        }
        long tick = 0;
        while (System.nanoTime() < end) {
            FrameEvent f = new FrameEvent();
            f.begin();
            java.util.concurrent.locks.LockSupport.parkNanos(16_000_000);
            f.tick = tick++;
            f.commit();
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
                FrameEvent f = new FrameEvent();
                f.begin();
                if (t >= slowFrom && t < slowFrom + slowCount) {
                    long end = System.nanoTime() + slowMillis * 1_000_000L;
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait();
                    }
                }
                f.tick = t;
                f.commit();
            }
            System.gc();
            r.stop();
            r.dump(file);
        }
        return file;
    }
}
