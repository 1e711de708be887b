package io.puredots.analyzer.model;

/**
 * One system group or one system: its events ("calls") and its time per frame. Immutable.
 *
 * @param name              group or system name
 * @param group             for a system, its group; "" for a group
 * @param perCallNanos      duration of each event
 * @param perFrameNanos     time summed per frame (tick) in which it ran
 * @param shareOfFrame      total time divided by the total frame time (0..1; 0 without frames)
 * @param budgetNanos       per-frame budget; {@code null} when the budget file sets none
 * @param framesOverBudget  frames whose summed time is over the budget
 * @param longestOverBudgetStreak longest run of consecutive (by tick) over-budget frames
 */
public record Series(String name, String group, Distribution perCallNanos, Distribution perFrameNanos,
                     double shareOfFrame, Long budgetNanos, long framesOverBudget, long longestOverBudgetStreak) {
}
