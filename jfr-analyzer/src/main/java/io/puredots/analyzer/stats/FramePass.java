package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Selection;
import io.puredots.analyzer.read.ChunkInfo;
import io.puredots.analyzer.read.EventHandler;

import java.util.Arrays;

/**
 * The first pass for {@code --from/--to/--warmup}: reads the frames in order and turns the
 * requested {@link Window} into a {@link Selection} (a tick range plus a time range).
 *
 * <p>Must be driven sequentially, chunks in order (reader parallelism 1), with every chunk's
 * handler being this one object or sharing it: the recording start (needed for offsets) is the
 * start of the first chunk, and warm-up counts frames in order. Memory: O(1), plus for
 * {@code --warmup auto} one double and one long per 5 frames.
 *
 * <p>Rules: a frame is in the window when its start is in {@code [from, to)}; the warm-up is the
 * first N frames in the window; events with a tick are kept when their tick is in the kept
 * frames' range; events without a tick when their start is in {@code [start of the first kept
 * frame (or from), to)}.
 *
 * <p>Not thread-safe.
 */
public final class FramePass implements EventHandler {
    private final Window window;
    private boolean started;
    private long from = Long.MIN_VALUE;
    private long to = Long.MAX_VALUE;

    private long framesInWindow;
    private long firstTick = Long.MAX_VALUE;
    private long lastTick = Long.MIN_VALUE;
    private long cutTick;        // tick of frame number warmupTicks (0-based) in the window
    private long cutStart;
    private boolean cutFound;

    // auto warm-up: per batch of 5 frames, its mean and the tick/start of its first frame
    private double[] batchMeans = new double[256];
    private long[] batchFirstTick = new long[256];
    private long[] batchFirstStart = new long[256];
    private int batches;
    private double batchSum;
    private int inBatch;

    public FramePass(Window window) {
        this.window = window;
    }

    @Override
    public void chunkStart(ChunkInfo chunk) {
        if (!started) {
            started = true;
            if (window.from() != null) {
                from = window.from().resolve(chunk.startNanos());
            }
            if (window.to() != null) {
                to = window.to().resolve(chunk.startNanos());
            }
        }
    }

    @Override
    public void frame(long startNanos, long durationNanos, long tick, int entityCount) {
        if (startNanos < from || startNanos >= to) {
            return;
        }
        long index = framesInWindow++;
        firstTick = Math.min(firstTick, tick);
        lastTick = Math.max(lastTick, tick);
        if (!window.autoWarmup() && index == window.warmupTicks()) {
            cutFound = true;
            cutTick = tick;
            cutStart = startNanos;
        }
        if (window.autoWarmup()) {
            if (inBatch == 0) {
                if (batches == batchMeans.length) {
                    int n = batches * 2;
                    batchMeans = Arrays.copyOf(batchMeans, n);
                    batchFirstTick = Arrays.copyOf(batchFirstTick, n);
                    batchFirstStart = Arrays.copyOf(batchFirstStart, n);
                }
                batchFirstTick[batches] = tick;
                batchFirstStart[batches] = startNanos;
            }
            batchSum += durationNanos;
            if (++inBatch == Warmup.BATCH) {
                batchMeans[batches++] = batchSum / Warmup.BATCH;
                batchSum = 0;
                inBatch = 0;
            }
        }
    }

    /** The selection for the main pass; call after the pass. */
    public Selection selection() {
        Long fromNanos = from == Long.MIN_VALUE ? null : from;
        Long toNanos = to == Long.MAX_VALUE ? null : to;
        boolean windowed = fromNanos != null || toNanos != null;
        String mode = window.autoWarmup() ? "auto" : window.warmupTicks() > 0 ? Long.toString(window.warmupTicks())
                : "none";
        if (framesInWindow == 0) {
            // nothing to anchor ticks on: keep the time window; no tick is kept when a window was asked for
            return new Selection(mode, 0, fromNanos, toNanos, windowed ? 0L : null, windowed ? -1L : null);
        }
        long dropped = 0;
        Long first = windowed ? firstTick : null;
        Long last = windowed ? lastTick : null;
        if (window.autoWarmup()) {
            int d = Warmup.mserBatches(batchMeans, batches);
            if (d > 0) {
                dropped = (long) d * Warmup.BATCH;
                first = batchFirstTick[d];
                fromNanos = Math.max(from, batchFirstStart[d]);
            }
        } else if (window.warmupTicks() > 0) {
            if (cutFound) {
                dropped = window.warmupTicks();
                first = cutTick;
                fromNanos = Math.max(from, cutStart);
            } else {
                // every frame is warm-up
                dropped = framesInWindow;
                first = lastTick + 1;
                last = lastTick;
            }
        }
        return new Selection(mode, dropped, fromNanos, toNanos, first, last);
    }
}
