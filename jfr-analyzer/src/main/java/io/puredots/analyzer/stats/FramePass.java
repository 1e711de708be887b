package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Selection;
import io.puredots.analyzer.read.EventHandler;

import java.util.Arrays;
import java.util.List;

/**
 * The first pass for {@code --from/--to/--warmup}: collects every frame's tick, start and
 * duration, then turns the requested {@link Window} into a {@link Selection} (a tick range plus a
 * time range) for the main pass. Memory: 24 bytes per frame, in this pass only.
 *
 * <p>Rules: a frame is in the window when its start is in {@code [from, to)}; offsets count from
 * the recording start (the start of its first chunk). The warm-up is the first N frames of the
 * window in tick order (or the MSER-5 truncation, see {@link Warmup}). Events with a tick are kept
 * when their tick lies between the first kept frame's tick and the last one's; events without a
 * tick when their start is in {@code [max(from, start of the first kept frame), to)}.
 *
 * <p>One {@link Chunk} handler per chunk (not thread-safe; each used by one thread);
 * {@link #selection} is called once after the pass.
 */
public final class FramePass {
    private FramePass() {
    }

    /** The frames of one chunk, in arrival order. */
    public static final class Chunk implements EventHandler {
        long[] ticks = new long[64];
        long[] starts = new long[64];
        long[] durations = new long[64];
        int n;

        @Override
        public void frame(long startNanos, long durationNanos, long tick, int entityCount) {
            if (n == ticks.length) {
                ticks = Arrays.copyOf(ticks, n * 2);
                starts = Arrays.copyOf(starts, n * 2);
                durations = Arrays.copyOf(durations, n * 2);
            }
            ticks[n] = tick;
            starts[n] = startNanos;
            durations[n] = durationNanos;
            n++;
        }
    }

    /**
     * @param chunks          the handlers of every chunk
     * @param recordingStart  start of the first chunk, epoch ns (for offsets)
     */
    public static Selection selection(Window window, List<Chunk> chunks, long recordingStart) {
        long from = window.from() == null ? Long.MIN_VALUE : window.from().resolve(recordingStart);
        long to = window.to() == null ? Long.MAX_VALUE : window.to().resolve(recordingStart);
        int total = 0;
        for (Chunk c : chunks) {
            total += c.n;
        }
        // frames in the window, as {tick, index} sorted by tick
        long[] tick = new long[total];
        long[] start = new long[total];
        long[] duration = new long[total];
        int m = 0;
        for (Chunk c : chunks) {
            for (int i = 0; i < c.n; i++) {
                if (c.starts[i] >= from && c.starts[i] < to) {
                    tick[m] = c.ticks[i];
                    start[m] = c.starts[i];
                    duration[m] = c.durations[i];
                    m++;
                }
            }
        }
        int[] order = IndexSort.ascending(tick, m);

        Long fromNanos = from == Long.MIN_VALUE ? null : from;
        Long toNanos = to == Long.MAX_VALUE ? null : to;
        boolean windowed = fromNanos != null || toNanos != null;
        String mode = window.autoWarmup() ? "auto" : window.warmupTicks() > 0 ? Long.toString(window.warmupTicks())
                : "none";
        if (m == 0) {
            // no frame to anchor ticks on: keep the time window; keep no tick when a window was asked for
            return new Selection(mode, 0, fromNanos, toNanos, windowed ? 0L : null, windowed ? -1L : null);
        }
        long drop;
        if (window.autoWarmup()) {
            int batches = m / Warmup.BATCH;
            double[] means = new double[batches];
            for (int b = 0; b < batches; b++) {
                double sum = 0;
                for (int i = 0; i < Warmup.BATCH; i++) {
                    sum += duration[order[b * Warmup.BATCH + i]];
                }
                means[b] = sum / Warmup.BATCH;
            }
            drop = (long) Warmup.mserBatches(means, batches) * Warmup.BATCH;
        } else {
            drop = Math.min(window.warmupTicks(), m);
        }
        Long first = windowed ? tick[order[0]] : null;
        Long last = windowed ? tick[order[m - 1]] : null;
        if (drop == m) {
            first = tick[order[m - 1]] + 1;   // every frame is warm-up: keep no tick
            last = tick[order[m - 1]];
        } else if (drop > 0) {
            int k = order[(int) drop];
            first = tick[k];
            long firstKeptStart = Long.MAX_VALUE;
            for (int i = (int) drop; i < m; i++) {
                firstKeptStart = Math.min(firstKeptStart, start[order[i]]);
            }
            fromNanos = Math.max(from, firstKeptStart);
        }
        return new Selection(mode, drop, fromNanos, toNanos, first, last);
    }
}
