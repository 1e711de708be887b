package io.puredots.analyzer.stats.attribution;

import io.puredots.budgets.Budgets;

/**
 * What slow-frame attribution looks for and how much it keeps. Immutable; safe to share.
 *
 * @param frameBudgetNanos       the frame budget in ns; {@code <= 0}: no budget (worst frames only,
 *                               no streaks)
 * @param streakFrames           a run of MORE than this many consecutive over-budget frames is a
 *                               streak (budget key {@code streak.frames})
 * @param worstFrames            how many of the slowest frames to explain, {@code >= 0}
 * @param maxStreaks             most streaks explained (the longest ones; the total is still counted)
 * @param compilationMinNanos    JIT compilations shorter than this are ignored
 * @param waitMinNanos           monitor-enter and park events on simulation threads shorter than
 *                               this are ignored
 * @param maxIntervalsPerKind    most JVM intervals of one kind kept per chunk while reading; more
 *                               are dropped (the shortest first) and the result says so; also the
 *                               most execution samples of the simulation threads per chunk (later
 *                               ones are dropped, and the result says so)
 * @param allocationWindowNanos  allocation rate around a frame is measured over at least this
 *                               window, centred on the frame (samples are throttled, ~150/s)
 * @param allocationSpikeRatio   a frame's allocation rate at least this times the recording's
 *                               mean rate is a spike
 * @param firstTick              frames before this tick are ignored (a report's window and warm-up);
 *                               {@code Long.MIN_VALUE}: no bound
 * @param lastTick               frames after this tick are ignored; {@code Long.MAX_VALUE}: no bound
 */
public record AttributionSettings(long frameBudgetNanos, int streakFrames, int worstFrames, int maxStreaks,
                                  long compilationMinNanos, long waitMinNanos, int maxIntervalsPerKind,
                                  long allocationWindowNanos, double allocationSpikeRatio, long firstTick,
                                  long lastTick) {

    /** Default number of worst frames explained. */
    public static final int DEFAULT_WORST_FRAMES = 10;
    /** Default number of streaks explained. */
    public static final int DEFAULT_MAX_STREAKS = 50;

    public AttributionSettings {
        if (streakFrames < 0 || worstFrames < 0 || maxStreaks < 0 || maxIntervalsPerKind < 1) {
            throw new IllegalArgumentException("counts must be >= 0 (maxIntervalsPerKind >= 1)");
        }
        if (compilationMinNanos < 0 || waitMinNanos < 0 || allocationWindowNanos < 0) {
            throw new IllegalArgumentException("thresholds must be >= 0");
        }
        if (!(allocationSpikeRatio > 0)) {
            throw new IllegalArgumentException("allocationSpikeRatio must be > 0");
        }
    }

    /** Settings with the frame budget and streak length of {@code budgets}, defaults otherwise. */
    public static AttributionSettings from(Budgets budgets) {
        return new AttributionSettings(budgets.frameNanos().orElse(0), budgets.streakFrames(),
                DEFAULT_WORST_FRAMES, DEFAULT_MAX_STREAKS, 1_000_000L, 0L, 100_000, 100_000_000L, 2.0, Long.MIN_VALUE,
                Long.MAX_VALUE);
    }

    /** Settings from {@link Budgets#defaults()}. */
    public static AttributionSettings defaults() {
        return from(Budgets.defaults());
    }

    public AttributionSettings withWorstFrames(int n) {
        return new AttributionSettings(frameBudgetNanos, streakFrames, n, maxStreaks, compilationMinNanos,
                waitMinNanos, maxIntervalsPerKind, allocationWindowNanos, allocationSpikeRatio, firstTick, lastTick);
    }

    public AttributionSettings withMaxIntervalsPerKind(int n) {
        return new AttributionSettings(frameBudgetNanos, streakFrames, worstFrames, maxStreaks, compilationMinNanos,
                waitMinNanos, n, allocationWindowNanos, allocationSpikeRatio, firstTick, lastTick);
    }

    /** Only frames with a tick in {@code [first, last]}; {@code null} is an open bound. */
    public AttributionSettings withTicks(Long first, Long last) {
        return new AttributionSettings(frameBudgetNanos, streakFrames, worstFrames, maxStreaks, compilationMinNanos,
                waitMinNanos, maxIntervalsPerKind, allocationWindowNanos, allocationSpikeRatio,
                first == null ? Long.MIN_VALUE : first, last == null ? Long.MAX_VALUE : last);
    }

    boolean hasBudget() {
        return frameBudgetNanos > 0;
    }
}
