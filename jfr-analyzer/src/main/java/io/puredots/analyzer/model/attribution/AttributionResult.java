package io.puredots.analyzer.model.attribution;

import java.util.List;

/**
 * Why slow frames were slow: the worst frames and the over-budget streaks of a recording, each
 * with the JVM activity that overlapped it. Immutable; the one thing the writers render.
 *
 * @param frameBudgetNanos the frame budget used, ns; 0 if none (then there are no streaks)
 * @param streakFrames     a streak is more than this many consecutive over-budget frames
 * @param framesSeen       number of {@code puredots.Frame} events read
 * @param worstFrames      the slowest frames, slowest first (ties: lower tick first)
 * @param streaks          the longest streaks, in time order, at most the configured number
 * @param streaksTotal     how many streaks the recording has in all
 * @param normalFrameSamples execution samples of the simulation threads in normal frames (within
 *                         the budget; every frame without one): the profile hot methods are
 *                         compared against
 * @param lagShare         who takes the time in over-budget frames; {@code null} without a frame budget
 * @param notes            caveats for the user: what was capped or missing
 */
public record AttributionResult(long frameBudgetNanos, int streakFrames, long framesSeen,
                                List<FrameAttribution> worstFrames, List<StreakAttribution> streaks,
                                int streaksTotal, long normalFrameSamples, LagShare lagShare,
                                List<AttributionNote> notes) {
    public AttributionResult {
        worstFrames = List.copyOf(worstFrames);
        streaks = List.copyOf(streaks);
        notes = List.copyOf(notes);
    }
}
