package io.puredots.sim.systems;

/**
 * One system: per tick, reads and writes component columns, usually through jobs it schedules
 * and completes within {@link #update}. The system name used in events and budgets is the class
 * simple name.
 *
 * <p>Threading: {@link #update} runs on the main thread; the jobs it schedules run anywhere and
 * must be complete when it returns (so its time includes waiting for them).
 */
public abstract class SimSystem {
    private final String name = getClass().getSimpleName();

    /** Class simple name, for example {@code SpatialGridBuildSystem}. */
    public final String name() {
        return name;
    }

    /**
     * Runs the system for the context's current tick.
     *
     * @return entities the system visited (for the System Tick event)
     */
    public abstract int update(SimContext ctx);
}
