package io.puredots.analyzer.stats.attribution;

import java.util.Arrays;

/**
 * Execution samples as columns: time (epoch ns), thread id, stack id (in some {@link StackTable})
 * and whether the thread is the main thread. About 21 bytes per sample.
 *
 * <p>Not thread-safe.
 */
final class Samples {
    long[] time = new long[16];
    long[] thread = new long[16];
    int[] stack = new int[16];
    boolean[] main = new boolean[16];
    int size;

    void add(long t, long threadId, int stackId, boolean onMain) {
        if (size == time.length) {
            int n = size * 2;
            time = Arrays.copyOf(time, n);
            thread = Arrays.copyOf(thread, n);
            stack = Arrays.copyOf(stack, n);
            main = Arrays.copyOf(main, n);
        }
        time[size] = t;
        thread[size] = threadId;
        stack[size] = stackId;
        main[size] = onMain;
        size++;
    }

    /** Appends sample {@code i} of {@code from}, its stack id mapped through {@code stackIds}. */
    void addFrom(Samples from, int i, int[] stackIds) {
        add(from.time[i], from.thread[i], stackIds == null ? from.stack[i] : stackIds[from.stack[i]], from.main[i]);
    }

    /** The samples with {@code keep[i]}, in their order. */
    Samples select(boolean[] keep) {
        Samples out = new Samples();
        for (int i = 0; i < size; i++) {
            if (keep[i]) {
                out.addFrom(this, i, null);
            }
        }
        return out;
    }
}
