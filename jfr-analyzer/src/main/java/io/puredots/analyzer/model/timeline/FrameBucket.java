package io.puredots.analyzer.model.timeline;

/**
 * The frames of consecutive ticks {@code firstTick..lastTick} (those the selection covers).
 *
 * @param firstTick         first tick in the bucket
 * @param lastTick          last tick in the bucket
 * @param frames            frames in the bucket
 * @param startOffsetNanos  start of its first frame (the earliest start), from the recording's start
 * @param endOffsetNanos    end of its last frame (the latest end), from the recording's start
 * @param minNanos          shortest frame time
 * @param maxNanos          longest frame time
 * @param meanNanos         mean frame time
 * @param maxTick           tick of the longest frame (lowest tick on ties)
 * @param overBudget        frames over the frame budget (0 without one)
 */
public record FrameBucket(long firstTick, long lastTick, long frames, long startOffsetNanos, long endOffsetNanos,
                          long minNanos, long maxNanos, double meanNanos, long maxTick, long overBudget) {
}
