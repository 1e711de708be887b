package io.puredots.analyzer.model.attribution;

import java.util.List;

/**
 * Which system groups and systems take the time inside over-budget frames, next to their share
 * of all frames: the group that causes the spikes stands out from the one that is merely big.
 * Shares are of the summed time of all groups (or all systems) in those frames, joined to their
 * frame by tick. Immutable.
 *
 * @param overBudgetFrames      frames over the frame budget in the selection
 * @param groupNanosOverBudget  time of all groups summed over those frames, ns
 * @param systemNanosOverBudget time of all systems summed over those frames, ns
 * @param groups                per group, the largest lag share first (ties: by name)
 * @param systems               per system, the largest lag share first (ties: by name)
 */
public record LagShare(long overBudgetFrames, long groupNanosOverBudget, long systemNanosOverBudget,
                       List<Entry> groups, List<Entry> systems) {
    public LagShare {
        groups = List.copyOf(groups);
        systems = List.copyOf(systems);
    }

    /**
     * One group or system.
     *
     * @param name             its name
     * @param group            for a system, its group; "" for a group
     * @param overBudgetNanos  its time summed over the over-budget frames, ns
     * @param lagShare         {@code overBudgetNanos} over all groups' (systems') time in those frames, 0..1
     * @param totalNanos       its time summed over all frames of the selection, ns
     * @param share            {@code totalNanos} over all groups' (systems') time, 0..1
     */
    public record Entry(String name, String group, long overBudgetNanos, double lagShare, long totalNanos,
                        double share) {
    }
}
