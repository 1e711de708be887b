package io.puredots.analyzer.model;

/**
 * The part of the run the statistics cover. Events that carry a tick are kept when their tick is
 * in {@code [firstTick, lastTick]}; events without a tick (memory samples) when their start is in
 * {@code [fromNanos, toNanos)}. A {@code null} bound is open. Immutable.
 *
 * @param warmup        "none", "auto" or the number of ticks asked for
 * @param warmupTicks   ticks dropped as warm-up (0 when none)
 * @param fromNanos     window start, epoch ns; {@code null} when open
 * @param toNanos       window end (exclusive), epoch ns; {@code null} when open
 * @param firstTick     first tick kept; {@code null} when open
 * @param lastTick      last tick kept; {@code null} when open
 */
public record Selection(String warmup, long warmupTicks, Long fromNanos, Long toNanos, Long firstTick,
                        Long lastTick) {

    /** Everything. */
    public static final Selection ALL = new Selection("none", 0, null, null, null, null);

    /** Whether nothing is filtered out. */
    public boolean keepsEverything() {
        return fromNanos == null && toNanos == null && firstTick == null && lastTick == null;
    }
}
