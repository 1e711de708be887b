package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Selection;
import io.puredots.analyzer.read.ChunkInfo;
import io.puredots.analyzer.read.EventHandler;

import java.util.Arrays;
import java.util.List;

/**
 * The first pass for {@code --from/--to/--warmup}: turns the requested {@link Window} into a
 * {@link Selection} (a tick range plus a time range) for the main pass, from every frame's tick,
 * start and duration.
 *
 * <p>Rules: a frame is in the window when its start is in {@code [from, to)}; offsets count from
 * the recording start (the start of its first chunk). The warm-up is the first N frames of the
 * window in tick order (or the MSER-5 truncation, see {@link Warmup}). Events with a tick are kept
 * when their tick lies between the first kept frame's tick and the last one's; events without a
 * tick when their start is in {@code [max(from, start of the first kept frame), to)}.
 *
 * <p>Memory is bounded whatever the file size: a {@link Chunk} holds one chunk's frames (24 bytes
 * a frame) until the {@link Collector} has folded it, in chunk order, into counters and at most
 * {@value #MAX_BATCHES} warm-up batches. Frames are taken in tick order within a chunk and in
 * chunk order across chunks (a tick's frame lies in one chunk, and ticks do not go back from
 * one chunk to the next).
 *
 * <pre>{@code
 * Collector c = new Collector(window);
 * RecordingReader.read(files, FramePass.Chunk::new, options, c::add);   // chunk order
 * Selection s = c.selection();
 * }</pre>
 */
public final class FramePass {
    /**
     * Batches kept for the automatic warm-up (24 bytes each: at most 6 MB). Past this many,
     * neighbouring batches are merged (the batch doubles from 5 frames to 10, 20, ...), and MSER
     * runs on the means of the larger batches: exactly MSER-5 up to {@code 5 * MAX_BATCHES}
     * frames (1.3 M frames, about 6 hours at 60 fps); beyond, MSER-10, MSER-20, ..., whose
     * truncation point can differ from MSER-5's by more than a batch on a gradual warm-up.
     */
    static final int MAX_BATCHES = 1 << 18;

    private FramePass() {
    }

    /** The frames of one chunk, in arrival order. */
    public static final class Chunk implements EventHandler {
        long[] ticks = new long[64];
        long[] starts = new long[64];
        long[] durations = new long[64];
        int n;
        long chunkStart = Long.MIN_VALUE;
        long chunkEnd = Long.MIN_VALUE;

        @Override
        public void chunkStart(ChunkInfo chunk) {
            chunkStart = chunk.startNanos();
            chunkEnd = chunk.startNanos() + chunk.durationNanos();
        }

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

    /** Folds chunks, in chunk order, into what the selection needs. Not thread-safe. */
    public static final class Collector {
        private final Window window;
        private boolean resolved;
        private long from;
        private long to;

        private long spanStart = Long.MIN_VALUE;  // the offsets' origin: the first chunk's start
        private long spanEnd = Long.MIN_VALUE;    // the latest chunk end so far

        private long m;                       // frames in the window so far
        private long minTick = Long.MAX_VALUE;
        private long maxTick = Long.MIN_VALUE;

        // --warmup N: the N-th frame (0-based) in order, and the earliest start from it on
        private long fixedFirstTick;
        private long fixedFirstStart = Long.MAX_VALUE;

        // --warmup auto: complete batches of `batch` frames, and the batch being filled
        private int batch = Warmup.BATCH;
        private double[] batchSum = new double[64];
        private long[] batchMinStart = new long[64];
        private long[] batchFirstTick = new long[64];
        private int batches;
        private int partN;
        private double partSum;
        private long partMinStart = Long.MAX_VALUE;
        private long partFirstTick;

        public Collector(Window window) {
            this.window = window;
        }

        /** Starts the offsets of {@code --from/--to} at {@code recordingStart} (else: the first chunk's start). */
        public Collector(Window window, long recordingStart) {
            this(window);
            resolve(recordingStart);
        }

        private void resolve(long recordingStart) {
            spanStart = recordingStart;
            from = window.from() == null ? Long.MIN_VALUE : window.from().resolve(recordingStart);
            to = window.to() == null ? Long.MAX_VALUE : window.to().resolve(recordingStart);
            resolved = true;
        }

        /** Folds in the next chunk's frames; {@code c} is not used afterwards. */
        public void add(Chunk c) {
            if (!resolved) {
                if (c.chunkStart == Long.MIN_VALUE && c.n == 0) {
                    return;
                }
                resolve(c.chunkStart != Long.MIN_VALUE ? c.chunkStart : c.starts[0]);
            }
            spanEnd = Math.max(spanEnd, c.chunkEnd);
            for (int i : IndexSort.ascending(c.ticks, c.n)) {
                long start = c.starts[i];
                if (start >= from && start < to) {
                    frame(c.ticks[i], start, c.durations[i]);
                }
            }
        }

        private void frame(long tick, long start, long duration) {
            minTick = Math.min(minTick, tick);
            maxTick = Math.max(maxTick, tick);
            if (m == window.warmupTicks()) {
                fixedFirstTick = tick;
            }
            if (m >= window.warmupTicks()) {
                fixedFirstStart = Math.min(fixedFirstStart, start);
            }
            m++;
            if (window.autoWarmup()) {
                if (partN == 0) {
                    partFirstTick = tick;
                }
                partN++;
                partSum += duration;
                partMinStart = Math.min(partMinStart, start);
                if (partN == batch) {
                    closeBatch();
                }
            }
        }

        private void closeBatch() {
            if (batches == batchSum.length) {
                if (batches == MAX_BATCHES) {
                    doubleBatch();
                } else {
                    batchSum = Arrays.copyOf(batchSum, batches * 2);
                    batchMinStart = Arrays.copyOf(batchMinStart, batches * 2);
                    batchFirstTick = Arrays.copyOf(batchFirstTick, batches * 2);
                }
            }
            if (partN < batch) {
                return; // doubleBatch made the batch being filled a half-full one of twice the size
            }
            batchSum[batches] = partSum;
            batchMinStart[batches] = partMinStart;
            batchFirstTick[batches] = partFirstTick;
            batches++;
            partN = 0;
            partSum = 0;
            partMinStart = Long.MAX_VALUE;
        }

        /** Merges neighbouring batches: MAX_BATCHES batches of b frames become half as many of 2b. */
        private void doubleBatch() {
            int half = batches / 2;
            for (int k = 0; k < half; k++) {
                batchSum[k] = batchSum[2 * k] + batchSum[2 * k + 1];
                batchMinStart[k] = Math.min(batchMinStart[2 * k], batchMinStart[2 * k + 1]);
                batchFirstTick[k] = batchFirstTick[2 * k];
            }
            batches = half;
            batch *= 2;
            // the batch being filled (full, b frames) starts a batch of 2b
        }

        /** Whether a chunk has been folded in: only then do {@link #spanStart} and {@link #spanEnd} hold. */
        public boolean sawChunk() {
            return resolved && spanEnd != Long.MIN_VALUE;
        }

        /** Where the offsets of {@code --from/--to} count from: the recording start, epoch ns. */
        public long spanStart() {
            return spanStart;
        }

        /** The end of the latest chunk folded in, epoch ns. */
        public long spanEnd() {
            return spanEnd;
        }

        /** The selection for the frames folded so far. */
        public Selection selection() {
            Long fromNanos = !resolved || from == Long.MIN_VALUE ? null : from;
            Long toNanos = !resolved || to == Long.MAX_VALUE ? null : to;
            boolean windowed = window.from() != null || window.to() != null;
            String mode = window.autoWarmup() ? "auto" : window.warmupTicks() > 0
                    ? Long.toString(window.warmupTicks()) : "none";
            if (m == 0) {
                // no frame to anchor ticks on: keep the time window; keep no tick when a window was asked for
                return new Selection(mode, 0, fromNanos, toNanos, windowed ? 0L : null, windowed ? -1L : null);
            }
            long drop;
            long firstKeptTick;
            long firstKeptStart;
            if (window.autoWarmup()) {
                double[] means = new double[batches];
                for (int b = 0; b < batches; b++) {
                    means[b] = batchSum[b] / batch;
                }
                int d = Warmup.mserBatches(means, batches);
                drop = (long) d * batch;
                firstKeptTick = d < batches ? batchFirstTick[d] : partFirstTick;
                firstKeptStart = partN > 0 ? partMinStart : Long.MAX_VALUE;
                for (int b = d; b < batches; b++) {
                    firstKeptStart = Math.min(firstKeptStart, batchMinStart[b]);
                }
            } else {
                drop = Math.min(window.warmupTicks(), m);
                firstKeptTick = fixedFirstTick;
                firstKeptStart = fixedFirstStart;
            }
            Long first = windowed ? minTick : null;
            Long last = windowed ? maxTick : null;
            if (drop == m) {
                first = maxTick + 1;   // every frame is warm-up: keep no tick
                last = maxTick;
            } else if (drop > 0) {
                first = firstKeptTick;
                fromNanos = Math.max(from, firstKeptStart);
            }
            return new Selection(mode, drop, fromNanos, toNanos, first, last);
        }
    }

    /**
     * The selection for the frames of {@code chunks}, in chunk order.
     *
     * @param recordingStart start of the first chunk, epoch ns (for offsets)
     */
    public static Selection selection(Window window, List<Chunk> chunks, long recordingStart) {
        Collector c = new Collector(window, recordingStart);
        chunks.forEach(c::add);
        return c.selection();
    }
}
