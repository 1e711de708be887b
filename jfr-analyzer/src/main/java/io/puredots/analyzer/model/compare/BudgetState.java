package io.puredots.analyzer.model.compare;

import java.util.List;
import java.util.Objects;

/**
 * One budget's verdicts on one side, per run. Immutable.
 *
 * @param id            budget id as in the budget file ({@code frame}, {@code group.X}, ...)
 * @param statuses      per run: {@code OK}, {@code VIOLATED} or {@code NO_DATA}
 * @param longestStreak the longest run of consecutive over-budget frames in any run (0 for memory)
 */
public record BudgetState(String id, List<String> statuses, long longestStreak) {

    public BudgetState {
        Objects.requireNonNull(id);
        statuses = List.copyOf(statuses);
    }

    /** Violated in every run: with the budget's verdict flipping between runs of one build, only this is a change. */
    public boolean violatedInEveryRun() {
        return !statuses.isEmpty() && statuses.stream().allMatch("VIOLATED"::equals);
    }

    /** Violated in no run. */
    public boolean violatedInNoRun() {
        return statuses.stream().noneMatch("VIOLATED"::equals);
    }

    /** VIOLATED when violated in at least half the runs, else OK when judged in any run, else NO_DATA. */
    public String status() {
        long violated = statuses.stream().filter("VIOLATED"::equals).count();
        if (violated > 0 && violated * 2 >= statuses.size()) {
            return "VIOLATED";
        }
        return statuses.stream().anyMatch(s -> !s.equals("NO_DATA")) ? "OK" : "NO_DATA";
    }
}
