package io.puredots.analyzer.model;

/**
 * One budget judged. Immutable.
 *
 * @param id              budget id as in the budget file: {@code frame}, {@code group.X}, {@code system.X},
 *                        {@code memory.native}, {@code memory.native.per-entity}, {@code memory.heap}
 * @param status          {@link Status}
 * @param severity        "WARNING" or "CRITICAL" when violated ({@code measured >= critical.ratio * limit}
 *                        is CRITICAL), else ""
 * @param unit            unit of {@code limit} and {@code measured}: "ns", "B" or "B/entity"
 * @param limit           the budget
 * @param measured        time budgets: the longest frame time; memory: the peak value judged
 * @param framesOver      time budgets: frames over the limit; memory: 0
 * @param longestStreak   time budgets: longest run of consecutive over-limit frames; memory: 0
 * @param detail          one human sentence
 */
public record BudgetCheck(String id, Status status, String severity, String unit, double limit, double measured,
                          long framesOver, long longestStreak, String detail) {

    /** Outcome of one check. */
    public enum Status {
        /** Within budget. */
        OK,
        /** Over budget: a time budget for more than {@code streak.frames} consecutive frames, or memory above its limit. */
        VIOLATED,
        /** The recording holds nothing to judge this budget with. */
        NO_DATA
    }
}
