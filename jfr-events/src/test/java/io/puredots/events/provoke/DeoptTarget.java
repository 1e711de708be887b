package io.puredots.events.provoke;

/**
 * A method whose hot compiled code has a branch never taken during warm-up; taking it afterwards
 * hits an uncommon trap (reason unstable_if) and deoptimizes. Loaded in a fresh class loader per
 * attempt (see {@link JdkEventProvoker}) so that every attempt starts with an empty profile.
 * Uses java.base only.
 */
public final class DeoptTarget {
    private DeoptTarget() {
    }

    /** Calls {@link #sum} {@code reps} times on {@code data}; returns the last sum. */
    public static long run(int[] data, int limit, int reps) {
        long s = 0;
        for (int r = 0; r < reps; r++) {
            s = sum(data, limit);
        }
        return s;
    }

    static long sum(int[] data, int limit) {
        long s = 0;
        for (int i = 0; i < data.length; i++) {
            int v = data[i];
            if (v > limit) {
                s += rare(v);
            } else {
                s += v;
            }
        }
        return s;
    }

    private static long rare(int v) {
        return Long.rotateLeft(v, 7) ^ 0x5DEECE66DL;
    }
}
