package io.puredots.analyzer.model;

import java.util.List;

/**
 * The report judged against a budget file. Immutable.
 *
 * @param source        the budget file ("default.budgets" for the built-in one)
 * @param streakFrames  a time budget is violated when exceeded for more than this many consecutive frames
 * @param checks        one per budget in the file: frame, then groups and systems (in file order), then memory
 * @param violated      whether any check is violated
 */
public record BudgetResult(String source, int streakFrames, List<BudgetCheck> checks, boolean violated) {

    public BudgetResult {
        checks = List.copyOf(checks);
    }

    /** Whether there were budgets and none of them could be judged: every check is NO_DATA. */
    public boolean nothingJudged() {
        return !checks.isEmpty() && checks.stream().allMatch(c -> c.status() == BudgetCheck.Status.NO_DATA);
    }
}
