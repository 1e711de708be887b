package io.puredots.analyzer.budget;

import io.puredots.analyzer.model.BudgetCheck;
import io.puredots.analyzer.model.BudgetCheck.Status;
import io.puredots.analyzer.model.BudgetResult;
import io.puredots.analyzer.model.Memory;
import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.Series;
import io.puredots.analyzer.text.Units;
import io.puredots.budgets.Budgets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Judges a {@link Report} against {@link Budgets}.
 *
 * <p>Rules:
 * <ul>
 *   <li>{@code frame}, {@code group.X}, {@code system.X}: a frame is over when its time (for a
 *       group or system: its time summed within the tick) is greater than the budget; the budget
 *       is VIOLATED when more than {@code streak.frames} consecutive frames are over (one slow frame
 *       is a hitch, a run of them is a budget problem). {@code measured} is the longest per-frame
 *       time.</li>
 *   <li>{@code memory.native}: the peak native total of a sample round against
 *       {@code Budgets.nativeBudgetFor(maxEntities)}; VIOLATED when greater.</li>
 *   <li>{@code memory.native.per-entity}: {@code peak native total / max entities} against
 *       {@code memory.native.per-entity}; VIOLATED when greater.</li>
 *   <li>{@code memory.heap}: the largest heap used after a GC; VIOLATED when greater.</li>
 * </ul>
 * A budget the recording has no data for is NO_DATA, which is not a violation. Severity of a
 * violation is CRITICAL when {@code measured >= critical.ratio * limit}, else WARNING.
 *
 * <p>Stateless and thread-safe.
 */
public final class BudgetJudge {
    private BudgetJudge() {
    }

    public static BudgetResult judge(Report report, Budgets budgets) {
        List<BudgetCheck> checks = new ArrayList<>();
        int streak = budgets.streakFrames();
        double ratio = budgets.criticalRatio();
        if (budgets.frameNanos().isPresent()) {
            long limit = budgets.frameNanos().getAsLong();
            if (report.frames() == null) {
                checks.add(noData("frame", "ns", limit, "no puredots.Frame events"));
            } else {
                checks.add(time("frame", limit, report.frames().timeNanos().max(), report.frames().overBudget(),
                        report.frames().longestOverBudgetStreak(), streak, ratio));
            }
        }
        seriesChecks("group.", budgets.groupNanos(), report.groups(), streak, ratio, checks);
        seriesChecks("system.", budgets.systemNanos(), report.systems(), streak, ratio, checks);

        Memory.NativeMemory nat = report.memory() == null ? null : report.memory().nativeMemory();
        if (!budgets.nativeTiers().isEmpty()) {
            if (nat == null || nat.maxEntities() == 0) {
                checks.add(noData("memory.native", "B", 0,
                        nat == null ? "no puredots.NativeMemory events" : "no entity count to pick a tier"));
            } else {
                OptionalLong limit = budgets.nativeBudgetFor(nat.maxEntities());
                checks.add(memory("memory.native", "B", limit.getAsLong(), nat.peakReservedBytes(), ratio,
                        String.format(Locale.ROOT, "peak native reserved %s for %d entities, budget %s",
                                Units.bytes(nat.peakReservedBytes()), nat.maxEntities(),
                                Units.bytes(limit.getAsLong()))));
            }
        }
        if (budgets.nativePerEntityBytes().isPresent()) {
            long limit = budgets.nativePerEntityBytes().getAsLong();
            if (nat == null || nat.maxEntities() == 0) {
                checks.add(noData("memory.native.per-entity", "B/entity", limit,
                        nat == null ? "no puredots.NativeMemory events" : "no entity count"));
            } else {
                checks.add(memory("memory.native.per-entity", "B/entity", limit, nat.bytesPerEntity(), ratio,
                        String.format(Locale.ROOT, "%.0f B per entity (peak %s / %d entities), budget %s",
                                nat.bytesPerEntity(), Units.bytes(nat.peakReservedBytes()), nat.maxEntities(),
                                Units.bytes(limit))));
            }
        }
        if (budgets.heapBytes().isPresent()) {
            long limit = budgets.heapBytes().getAsLong();
            if (report.memory() == null || report.memory().heapAfterGcBytes().count() == 0) {
                checks.add(noData("memory.heap", "B", limit, "no jdk.GCHeapSummary after a GC"));
            } else {
                long peak = report.memory().heapAfterGcBytes().max();
                checks.add(memory("memory.heap", "B", limit, peak, ratio,
                        String.format(Locale.ROOT, "largest heap after GC %s, budget %s", Units.bytes(peak),
                                Units.bytes(limit))));
            }
        }
        boolean violated = checks.stream().anyMatch(c -> c.status() == Status.VIOLATED);
        return new BudgetResult(budgets.source(), streak, checks, violated);
    }

    private static void seriesChecks(String prefix, Map<String, Long> limits, List<Series> series, int streak,
                                     double ratio, List<BudgetCheck> checks) {
        for (Map.Entry<String, Long> e : limits.entrySet()) {
            Series s = series.stream().filter(x -> x.name().equals(e.getKey())).findFirst().orElse(null);
            String id = prefix + e.getKey();
            if (s == null) {
                checks.add(noData(id, "ns", e.getValue(), "not in the recording"));
            } else {
                checks.add(time(id, e.getValue(), s.perFrameNanos().max(), s.framesOverBudget(),
                        s.longestOverBudgetStreak(), streak, ratio));
            }
        }
    }

    private static BudgetCheck time(String id, long limit, long worst, long over, long longest, int streak,
                                    double ratio) {
        boolean violated = longest > streak;
        String detail = String.format(Locale.ROOT, "%d frames over %s, longest streak %d (violation above %d)",
                over, Units.msUnit(limit), longest, streak);
        return new BudgetCheck(id, violated ? Status.VIOLATED : Status.OK, violated ? severity(worst, limit, ratio) : "",
                "ns", limit, worst, over, longest, detail);
    }

    private static BudgetCheck memory(String id, String unit, long limit, double measured, double ratio,
                                      String detail) {
        boolean violated = measured > limit;
        return new BudgetCheck(id, violated ? Status.VIOLATED : Status.OK,
                violated ? severity(measured, limit, ratio) : "", unit, limit, measured, 0, 0, detail);
    }

    private static BudgetCheck noData(String id, String unit, long limit, String why) {
        return new BudgetCheck(id, Status.NO_DATA, "", unit, limit, 0, 0, 0, why);
    }

    private static String severity(double measured, double limit, double ratio) {
        return measured >= ratio * limit ? "CRITICAL" : "WARNING";
    }
}
