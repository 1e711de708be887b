package io.puredots.analyzer.model;

import java.util.List;

/**
 * Frame ({@code puredots.Frame}) statistics. Immutable.
 *
 * @param count                 frames
 * @param framesPerSecond       frames divided by the time from the first frame's start to the last one's end
 * @param timeNanos             frame time distribution
 * @param budgetNanos           frame budget; {@code null} if the budget file sets none
 * @param overBudget            frames longer than the budget
 * @param overBudgetPercent     {@code 100 * overBudget / count}
 * @param longestOverBudgetStreak longest run of consecutive (by tick) over-budget frames
 * @param maxEntities           largest {@code entityCount} of any frame
 * @param histogram             frame-time histogram; buckets relative to the budget (16.6 ms when none)
 */
public record Frames(long count, double framesPerSecond, Distribution timeNanos, Long budgetNanos, long overBudget,
                     double overBudgetPercent, long longestOverBudgetStreak, long maxEntities,
                     List<Bucket> histogram) {

    public Frames {
        histogram = List.copyOf(histogram);
    }

    /**
     * One histogram bucket: frames with {@code lowerNanos <= time < upperNanos}.
     * The last bucket has {@code upperNanos == Long.MAX_VALUE}.
     */
    public record Bucket(long lowerNanos, long upperNanos, long count) {
    }
}
