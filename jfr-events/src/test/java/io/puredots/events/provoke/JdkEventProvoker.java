package io.puredots.events.provoke;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes the JVM produce the JDK events {@code puredots.jfc} must record: a GC (pauses, phases,
 * heap summary, safepoints), allocation, a contended monitor and a park longer than the 1 ms
 * thresholds, a thread start and end, a live direct buffer, JIT compilation and a
 * deoptimization. Each call does one round; the caller repeats rounds until a recording stream
 * has seen every event (compilation and deoptimization are asynchronous).
 *
 * <p>Not thread-safe: one caller thread; it starts and joins its own helper threads.
 */
public final class JdkEventProvoker implements AutoCloseable {
    /** Time the contender is kept blocked and the holder parked: well over the 1 ms thresholds. */
    public static final long HOLD_NANOS = 5_000_000L;

    /** Capacity of the direct buffer kept alive until {@link #close()}. */
    public static final int DIRECT_BYTES = 1 << 20;

    private static volatile Object sink;

    private ByteBuffer direct = ByteBuffer.allocateDirect(DIRECT_BYTES);

    /** A full GC: GC, pause and phase events, heap summary, a safepoint. */
    public void gc() {
        System.gc();
    }

    /** Allocates about {@code mb} MB in 1 KB arrays (allocation samples, young GCs). */
    public void allocate(int mb) {
        for (int i = 0; i < mb * 1024; i++) {
            sink = new byte[1024];
        }
    }

    /**
     * Starts a thread that blocks on a monitor this thread holds, keeps it blocked while this
     * thread parks for {@link #HOLD_NANOS}, then releases it and joins it: a Java Monitor Enter,
     * a Thread Park, a Thread Start and a Thread End, all over 1 ms.
     */
    public void contendAndPark() throws InterruptedException {
        Object lock = new Object();
        Thread contender;
        synchronized (lock) {
            contender = new Thread(() -> {
                synchronized (lock) {
                    sink = lock;
                }
            }, "puredots-contender");
            contender.start();
            while (contender.getState() != Thread.State.BLOCKED) {
                Thread.onSpinWait();
            }
            long end = System.nanoTime() + HOLD_NANOS;
            for (long left = HOLD_NANOS; left > 0; left = end - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        }
        contender.join();
    }

    /** CPU work over formatting, hashing and sorting: enough hot code for C2 compilations over 1 ms. */
    public long compileWork(int round) {
        Map<String, Integer> counts = new HashMap<>();
        List<String> keys = new ArrayList<>();
        long h = round;
        for (int i = 0; i < 20_000; i++) {
            String k = String.format("%05d-%s-%.3f", i % 997, Integer.toHexString(i * 31 + round), i / 7.0);
            counts.merge(k.substring(0, 5), 1, Integer::sum);
            if (i % 10 == 0) {
                keys.add(k);
            }
            h = h * 31 + k.hashCode();
        }
        keys.sort(null);
        return h + counts.size() + keys.get(keys.size() / 2).hashCode();
    }

    /**
     * One deoptimization attempt: loads a fresh copy of {@link DeoptTarget} (empty profile),
     * warms it until C2 compiles it with a never-taken branch, then takes the branch. Later
     * rounds warm longer, in case the compilation had not finished.
     */
    public long deoptimize(int round) throws ReflectiveOperationException, java.io.IOException {
        URL classes = DeoptTarget.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader fresh = new URLClassLoader(new URL[] {classes}, null)) {
            Class<?> c = Class.forName(DeoptTarget.class.getName(), true, fresh);
            Method run = c.getMethod("run", int[].class, int.class, int.class);
            int[] low = new int[256];
            for (int i = 0; i < low.length; i++) {
                low[i] = i;
            }
            int[] high = low.clone();
            high[high.length / 2] = 1_000_000;
            long s = (long) run.invoke(null, low, 1_000, 20_000 * (round + 1));
            return s + (long) run.invoke(null, high, 1_000, 1);
        }
    }

    /** Keeps the direct buffer reachable until the recording is over. */
    public int directCapacity() {
        return direct.capacity();
    }

    @Override
    public void close() {
        direct = null;
    }
}
