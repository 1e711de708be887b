package io.puredots.analyzer.jmc;

import io.puredots.events.FrameEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A busy, allocating, multi-threaded program with 60 fps frame events, to be recorded with
 * {@code -XX:StartFlightRecording} for the JMC heap measurement (jfr-analyzer/bench/jmc-heap.sh).
 * Not a test. Argument: seconds to run.
 */
public final class JmcHeapWorkload {
    private JmcHeapWorkload() {
    }

    public static void main(String[] args) throws InterruptedException {
        long seconds = Long.parseLong(args[0]);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        Object lock = new Object();
        for (int w = 0; w < 3; w++) {
            Thread t = new Thread(() -> {
                List<Object> keep = new ArrayList<>();
                long i = 0;
                while (System.nanoTime() < end) {
                    keep.add(new byte[64 + (int) (i++ % 512)]);
                    if (keep.size() > 20_000) {
                        keep.subList(0, 10_000).clear();
                    }
                    if (i % 50_000 == 0) {
                        synchronized (lock) {
                            LockSupport.parkNanos(2_000_000);
                        }
                    }
                }
            }, "puredots-worker-" + w);
            t.start();
            workers.add(t);
        }
        long tick = 0;
        while (System.nanoTime() < end) {
            FrameEvent f = new FrameEvent();
            f.begin();
            LockSupport.parkNanos(tick % 97 == 0 ? 25_000_000 : 15_000_000);
            f.tick = tick++;
            f.commit();
        }
        for (Thread t : workers) {
            t.join();
        }
    }
}
