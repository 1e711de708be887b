package io.puredots.analyzer.model.compare;

/**
 * One budget's status on both sides. Immutable.
 *
 * @param id              budget id
 * @param baseline        status on the baseline side ({@link BudgetState#status()}), NO_DATA when absent
 * @param current         status on the current side
 * @param baselineStreak  longest over-budget streak on the baseline side, frames
 * @param currentStreak   on the current side
 * @param newlyViolated   violated now (for more than {@code streak.frames} frames), not in the baseline:
 *                        a regression
 */
public record BudgetComparison(String id, String baseline, String current, long baselineStreak, long currentStreak,
                               boolean newlyViolated) {
}
