package io.puredots.analyzer.model.compare;

import java.util.List;
import java.util.Objects;

/**
 * One side of a comparison, or a baseline file's content: the runs' metrics, budget verdicts and
 * environment. Immutable.
 *
 * @param inputs       what was read: the recordings of each run, or the baseline file
 * @param runs         how many runs (recordings) it covers
 * @param batchFrames  frames per batch of its batch statistics
 * @param environment  the first run's environment
 * @param envNotes     how the other runs' environments differ from the first, one phrase each
 * @param metrics      per metric, frame first
 * @param budgets      the budget verdicts of each run, by budget id in budget-file order
 * @param budgetSource the budget file the verdicts were judged against
 * @param streakFrames the budget file's {@code streak.frames}
 * @param commit       the commit it was built from, "" when not known
 * @param created      when the baseline was written (ISO-8601 UTC), "" for recordings
 */
public record Side(List<String> inputs, int runs, int batchFrames, Environment environment, List<String> envNotes,
                   List<SideMetric> metrics, List<BudgetState> budgets, String budgetSource, int streakFrames,
                   String commit, String created) {

    public Side {
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(environment);
        envNotes = List.copyOf(envNotes);
        metrics = List.copyOf(metrics);
        budgets = List.copyOf(budgets);
        Objects.requireNonNull(budgetSource);
        Objects.requireNonNull(commit);
        Objects.requireNonNull(created);
    }

    /** The metric with this id, or null. */
    public SideMetric metric(String id) {
        for (SideMetric m : metrics) {
            if (m.metric().equals(id)) {
                return m;
            }
        }
        return null;
    }

    /** Whether any run has frames (the frame metric has samples). */
    public boolean hasFrames() {
        SideMetric f = metric("frame.time");
        return f != null && f.summary().samples() > 0;
    }
}
