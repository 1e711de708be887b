package io.puredots.analyzer.stats.trace;

import io.puredots.analyzer.read.EventHandler;

/**
 * The first pass of {@code trace --ticks A..B}: when the frames of those ticks ran, so that events
 * without a tick (GC, safepoints, counters) are cut to the same time. One instance per chunk,
 * folded in chunk order with {@link #add}; not thread-safe.
 */
public final class TickSpan implements EventHandler {
    private final long first;
    private final long last;
    private long start = Long.MAX_VALUE;
    private long end = Long.MIN_VALUE;
    private long frames;
    private long minTick = Long.MAX_VALUE;
    private long maxTick = Long.MIN_VALUE;

    /** Looks for the frames of ticks {@code first..last} (inclusive). */
    public TickSpan(long first, long last) {
        this.first = first;
        this.last = last;
    }

    @Override
    public void frame(long startNanos, long durationNanos, long tick, int entityCount) {
        minTick = Math.min(minTick, tick);
        maxTick = Math.max(maxTick, tick);
        if (tick >= first && tick <= last) {
            frames++;
            start = Math.min(start, startNanos);
            end = Math.max(end, startNanos + Math.max(0, durationNanos));
        }
    }

    /** Folds another chunk's span into this one. */
    public void add(TickSpan other) {
        frames += other.frames;
        start = Math.min(start, other.start);
        end = Math.max(end, other.end);
        minTick = Math.min(minTick, other.minTick);
        maxTick = Math.max(maxTick, other.maxTick);
    }

    /** Frames of the ticks asked for. */
    public long frames() {
        return frames;
    }

    /** The earliest start of those frames, epoch ns; only when {@link #frames()} {@code > 0}. */
    public long start() {
        return start;
    }

    /** The latest end of those frames, epoch ns; only when {@link #frames()} {@code > 0}. */
    public long end() {
        return end;
    }

    /** Whether the recording has any frame at all. */
    public boolean anyFrame() {
        return minTick <= maxTick;
    }

    /** The smallest tick of any frame; only when {@link #anyFrame()}. */
    public long minTick() {
        return minTick;
    }

    /** The largest tick of any frame; only when {@link #anyFrame()}. */
    public long maxTick() {
        return maxTick;
    }
}
