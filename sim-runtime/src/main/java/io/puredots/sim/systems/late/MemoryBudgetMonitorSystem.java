package io.puredots.sim.systems.late;

import io.puredots.events.BudgetViolationEvent;
import io.puredots.sim.memory.BudgetMonitor;
import io.puredots.sim.memory.NativeAllocator;
import io.puredots.sim.systems.SimContext;
import io.puredots.sim.systems.SimSystem;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Checks the budgets every tick: the last completed frame's frame, group and system times, and
 * the native memory now. A violation is logged as a warning and emitted as
 * {@code puredots.BudgetViolation}; a CRITICAL one pauses the simulation when so configured.
 * Every {@link #POOL_CHECK_INTERVAL} ticks the allocator's total is cross-checked against the
 * JVM's direct buffer pool (which must hold at least what the allocator accounts).
 */
public final class MemoryBudgetMonitorSystem extends SimSystem {
    public static final int POOL_CHECK_INTERVAL = 60;
    /** Warnings logged per run; later violations are still emitted as events and counted. */
    public static final int MAX_LOGGED = 20;
    private static final BudgetViolationEvent VIOLATION = new BudgetViolationEvent();

    private final BudgetMonitor monitor;
    private final FrameTimes frames;
    private final PrintStream log;
    private final boolean pauseOnCritical;
    private SimContext ctx;
    private boolean poolWarned;
    private int logged;

    /** Timings of the last completed frame, filled by the simulation loop. */
    public static final class FrameTimes {
        public long tick = -1;
        public long frameNanos;
        public long[] groupNanos;
        public long[] systemNanos;
    }

    public MemoryBudgetMonitorSystem(io.puredots.budgets.Budgets budgets, java.util.List<String> groups,
                                     java.util.List<String> systems, FrameTimes frames, PrintStream log,
                                     boolean pauseOnCritical) {
        this.monitor = new BudgetMonitor(budgets, groups, systems, this::onViolation);
        this.frames = frames;
        this.log = log;
        this.pauseOnCritical = pauseOnCritical;
    }

    public BudgetMonitor monitor() {
        return monitor;
    }

    @Override
    public int update(SimContext ctx) {
        this.ctx = ctx;
        checkCompletedFrame();
        monitor.checkMemory(ctx.tick, ctx.allocator.bytesReserved(), ctx.world.entityCount());
        if (ctx.tick % POOL_CHECK_INTERVAL == 0 && !poolWarned) {
            long pool = NativeAllocator.directPoolBytes();
            long mine = ctx.allocator.bytesReserved();
            if (pool >= 0 && mine > pool) {
                poolWarned = true;
                log.println("sim-runtime: warning: native allocator accounts " + mine
                        + " bytes but the JVM direct buffer pool holds only " + pool);
            }
        }
        return 0;
    }

    /** Judges the last completed frame, if not judged yet. */
    public void checkCompletedFrame() {
        if (frames.tick >= 0) {
            monitor.checkFrame(frames.tick, frames.frameNanos, frames.groupNanos, frames.systemNanos);
            frames.tick = -1;
        }
    }

    private void onViolation(BudgetMonitor.Violation v) {
        if (logged < MAX_LOGGED) {
            logViolation(v);
        } else if (logged == MAX_LOGGED) {
            log.println("sim-runtime: warning: more budget violations; not logged, still recorded as "
                    + io.puredots.events.EventNames.BUDGET_VIOLATION + " events and counted in the summary");
        }
        logged++;
        emit(v);
        pauseIfCritical(v);
    }

    private void logViolation(BudgetMonitor.Violation v) {
        log.println(String.format(Locale.ROOT,
                "sim-runtime: warning: budget %s exceeded at tick %d: %.3f %s > %.3f %s%s (%s)",
                v.budgetId(), v.tick(), v.measured(), v.unit(), v.limit(), v.unit(),
                v.consecutiveFrames() > 1 ? " for " + v.consecutiveFrames() + " consecutive frames" : "",
                v.severity()));
    }

    private void emit(BudgetMonitor.Violation v) {
        if (VIOLATION.isEnabled()) {
            BudgetViolationEvent ev = new BudgetViolationEvent();
            if (ev.shouldCommit()) {
                ev.budgetId = v.budgetId();
                ev.measured = v.measured();
                ev.limit = v.limit();
                ev.unit = v.unit();
                ev.consecutiveFrames = v.consecutiveFrames();
                ev.severity = v.severity();
                ev.tick = v.tick();
                ev.commit();
            }
        }
    }

    private void pauseIfCritical(BudgetMonitor.Violation v) {
        if (pauseOnCritical && v.critical() && ctx != null) {
            ctx.pauseRequested = true;
            log.println("sim-runtime: pausing: critical breach of " + v.budgetId());
        }
    }
}
