package io.puredots.analyzer.stats.trace;

/**
 * Which events a trace keeps: those overlapping a time range, and with {@code --ticks} the ones
 * carrying a tick by their tick instead. Immutable.
 *
 * <p>An event is kept by time when it overlaps {@code [fromNanos, toNanos)}: it starts before
 * {@code toNanos} and ends after {@code fromNanos}, or, with no duration, lies in the range. With
 * a tick range, events that carry a tick (frames, groups, systems, jobs, waits, budget
 * violations) are kept when their tick lies in {@code [firstTick, lastTick]}; the others by
 * time, the range being from the first kept frame's start to the last one's end.
 *
 * @param fromNanos epoch ns, {@link Long#MIN_VALUE} for open
 * @param toNanos   epoch ns (exclusive), {@link Long#MAX_VALUE} for open
 * @param firstTick first tick kept, with {@code ticks}
 * @param lastTick  last tick kept (inclusive), with {@code ticks}
 * @param ticks     whether ticked events are kept by tick
 */
public record TraceWindow(long fromNanos, long toNanos, long firstTick, long lastTick, boolean ticks) {
    /** Everything. */
    public static final TraceWindow ALL = new TraceWindow(Long.MIN_VALUE, Long.MAX_VALUE, 0, 0, false);

    /** Events overlapping {@code [fromNanos, toNanos)}. */
    public static TraceWindow time(long fromNanos, long toNanos) {
        return new TraceWindow(fromNanos, toNanos, 0, 0, false);
    }

    /** Ticked events of ticks {@code first..last}, the others overlapping {@code [fromNanos, toNanos)}. */
    public static TraceWindow ticks(long first, long last, long fromNanos, long toNanos) {
        return new TraceWindow(fromNanos, toNanos, first, last, true);
    }

    /** Whether the trace keeps an event of this kind, tick and time. */
    boolean keeps(TraceKind kind, long tick, long startNanos, long durationNanos) {
        if (ticks && kind.ticked) {
            return tick >= firstTick && tick <= lastTick;
        }
        return overlaps(startNanos, durationNanos);
    }

    boolean overlaps(long startNanos, long durationNanos) {
        if (startNanos >= toNanos) {
            return false;
        }
        return durationNanos <= 0 ? startNanos >= fromNanos : startNanos + durationNanos > fromNanos;
    }
}
