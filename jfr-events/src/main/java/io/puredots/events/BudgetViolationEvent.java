package io.puredots.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * A budget exceeded at run time, as detected by the game's budget monitor.
 *
 * <p>Not thread-safe: committed on the thread that checked the budget.
 */
@Name(EventNames.BUDGET_VIOLATION)
@Label("Budget Violation")
@Description("A frame, group or memory budget exceeded while the game ran")
@Category({"PureDOTS", "Budgets"})
public final class BudgetViolationEvent extends Event {
    @Label("Budget Id")
    @Description("Stable dotted budget id, for example memory.native.total")
    public String budgetId;

    @Label("Measured Value")
    @Description("Measured value, in the unit named by Unit")
    public double measured;

    @Label("Limit")
    @Description("Budget limit, in the unit named by Unit")
    public double limit;

    @Label("Unit")
    @Description("Unit of Measured Value and Limit: ms, bytes or bytes/entity")
    public String unit;

    @Label("Consecutive Frames")
    @Description("Consecutive frames the budget has been exceeded, including this one")
    public int consecutiveFrames;

    @Label("Severity")
    @Description("WARNING or CRITICAL")
    public String severity;

    @Label("Tick")
    @Description("Simulation tick number when the violation was detected")
    public long tick;
}
