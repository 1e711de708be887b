package io.puredots.junit;

import io.puredots.analyzer.model.Series;
import org.opentest4j.AssertionFailedError;

/**
 * One system group's recorded time per frame, against its budget (from the budget file) or a
 * bound. Immutable.
 */
public final class GroupAssert {
    private final Series group;
    private final RecordedFrames recorded;

    GroupAssert(Series group, RecordedFrames recorded) {
        this.group = group;
        this.recorded = recorded;
    }

    /**
     * Fails if the group was over its budget for more than {@code frames} consecutive frames (a
     * budget violation as {@code report} defines it for {@code frames} = {@code streak.frames}).
     */
    public GroupAssert neverOverBudgetFor(int frames) {
        if (group.budgetNanos() == null) {
            throw new AssertionFailedError("the budget file sets no budget for group." + group.name()
                    + FailureText.kept(recorded));
        }
        if (group.longestOverBudgetStreak() > frames) {
            throw new AssertionFailedError(group.name() + " was over its " + FailureText.ms(group.budgetNanos())
                    + " budget for " + group.longestOverBudgetStreak() + " consecutive frames (at most " + frames
                    + " allowed; " + group.framesOverBudget() + " of " + group.perFrameNanos().count()
                    + " frames over)" + FailureText.worstFrames(recorded) + FailureText.kept(recorded));
        }
        return this;
    }

    /** The group's time summed per frame. */
    public FrameTimeAssert perFrame() {
        return new FrameTimeAssert(group.name() + " time per frame", group.perFrameNanos(), recorded);
    }
}
