package io.puredots.sim.memory;

import io.puredots.budgets.Budgets;
import java.util.List;
import java.util.OptionalLong;

/**
 * Judges completed frames and the native memory against {@link Budgets}, with the plan's rules:
 *
 * <ul>
 *   <li>frame ({@code frame}), group ({@code group.<Group>}) and system ({@code system.<System>})
 *       time: a violation when over budget for more than {@code streak.frames} consecutive
 *       frames; reported once per streak, on the first frame beyond the streak, with the
 *       streak length;</li>
 *   <li>native memory ({@code memory.native.total} against the tier for the live entity count,
 *       and {@code memory.native.per-entity}): reported when it goes over, once per excursion.</li>
 * </ul>
 * Severity is CRITICAL when the measured value is at least {@code critical.ratio} times the
 * limit, else WARNING. "Over" means strictly greater than the limit.
 *
 * <p>Not thread-safe: one thread (the main thread) calls the checks.
 */
public final class BudgetMonitor {
    /** One budget violation, in the units of the budget file (ms, bytes, bytes/entity). */
    public record Violation(String budgetId, double measured, double limit, String unit,
                            int consecutiveFrames, String severity, long tick) {
        public boolean critical() {
            return "CRITICAL".equals(severity);
        }
    }

    /** Receives violations as they are detected. */
    @FunctionalInterface
    public interface Listener {
        void onViolation(Violation v);
    }

    private final Budgets budgets;
    private final Listener listener;
    private final String[] groupIds;
    private final long[] groupLimits;
    private final int[] groupStreaks;
    private final String[] systemIds;
    private final long[] systemLimits;
    private final int[] systemStreaks;
    private int frameStreak;
    private int memoryStreak;
    private int perEntityStreak;
    private long violations;
    private long cachedEntities = -1;
    private long cachedTotalLimit = -1;

    /**
     * @param groups  group names in tick order, as in the {@code groupNanos} passed to
     *                {@link #checkFrame}
     * @param systems system names in tick order, as in {@code systemNanos}
     */
    public BudgetMonitor(Budgets budgets, List<String> groups, List<String> systems, Listener listener) {
        this.budgets = budgets;
        this.listener = listener;
        this.groupIds = new String[groups.size()];
        this.groupLimits = new long[groups.size()];
        this.groupStreaks = new int[groups.size()];
        for (int i = 0; i < groups.size(); i++) {
            groupIds[i] = "group." + groups.get(i);
            Long l = budgets.groupNanos().get(groups.get(i));
            groupLimits[i] = l == null ? -1 : l;
        }
        this.systemIds = new String[systems.size()];
        this.systemLimits = new long[systems.size()];
        this.systemStreaks = new int[systems.size()];
        for (int i = 0; i < systems.size(); i++) {
            systemIds[i] = "system." + systems.get(i);
            Long l = budgets.systemNanos().get(systems.get(i));
            systemLimits[i] = l == null ? -1 : l;
        }
    }

    /** Violations reported so far. */
    public long violationCount() {
        return violations;
    }

    /**
     * Judges one completed frame.
     *
     * @param tick        the frame's tick
     * @param frameNanos  whole frame time, ns
     * @param groupNanos  per group time, ns, in the constructor's group order
     * @param systemNanos per system time, ns, in the constructor's system order (may be null)
     */
    public void checkFrame(long tick, long frameNanos, long[] groupNanos, long[] systemNanos) {
        OptionalLong frame = budgets.frameNanos();
        if (frame.isPresent()) {
            frameStreak = judgeTime("frame", frameNanos, frame.getAsLong(), frameStreak, tick);
        }
        for (int i = 0; i < groupIds.length; i++) {
            if (groupLimits[i] > 0) {
                groupStreaks[i] = judgeTime(groupIds[i], groupNanos[i], groupLimits[i], groupStreaks[i], tick);
            }
        }
        if (systemNanos != null) {
            for (int i = 0; i < systemIds.length; i++) {
                if (systemLimits[i] > 0) {
                    systemStreaks[i] = judgeTime(systemIds[i], systemNanos[i], systemLimits[i], systemStreaks[i], tick);
                }
            }
        }
    }

    private int judgeTime(String id, long measured, long limit, int streak, long tick) {
        if (measured <= limit) {
            return 0;
        }
        streak++;
        if (streak == budgets.streakFrames() + 1) {
            report(id, measured / 1e6, limit / 1e6, "ms", streak, tick);
        }
        return streak;
    }

    /**
     * Judges native memory.
     *
     * @param nativeBytes bytes reserved by native containers
     * @param entities    live entities
     */
    public void checkMemory(long tick, long nativeBytes, long entities) {
        if (entities != cachedEntities) {
            OptionalLong total = budgets.nativeBudgetFor(entities);
            cachedTotalLimit = total.isPresent() ? total.getAsLong() : -1;
            cachedEntities = entities;
        }
        if (cachedTotalLimit >= 0) {
            memoryStreak = judgeMemory("memory.native.total", nativeBytes, cachedTotalLimit, "bytes", memoryStreak, tick);
        }
        OptionalLong per = budgets.nativePerEntityBytes();
        if (per.isPresent() && entities > 0) {
            perEntityStreak = judgeMemory("memory.native.per-entity", (double) nativeBytes / entities,
                    per.getAsLong(), "bytes/entity", perEntityStreak, tick);
        }
    }

    private int judgeMemory(String id, double measured, double limit, String unit, int streak, long tick) {
        if (measured <= limit) {
            return 0;
        }
        streak++;
        if (streak == 1) {
            report(id, measured, limit, unit, 1, tick);
        }
        return streak;
    }

    private void report(String id, double measured, double limit, String unit, int frames, long tick) {
        violations++;
        String severity = measured >= budgets.criticalRatio() * limit ? "CRITICAL" : "WARNING";
        listener.onViolation(new Violation(id, measured, limit, unit, frames, severity, tick));
    }
}
