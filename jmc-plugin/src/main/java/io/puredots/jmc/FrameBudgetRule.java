package io.puredots.jmc;

import io.puredots.budgets.Budgets;
import io.puredots.events.EventNames;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.JfrAttributes;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IResultValueProvider;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.ResultBuilder;
import org.openjdk.jmc.flightrecorder.rules.Severity;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit.EventAvailability;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableFuture;

/**
 * The PureDOTS frame-budget check as a JMC automated-analysis rule, so that JMC's own
 * automated analysis page shows it next to the JDK rules (registered through
 * {@code META-INF/services/org.openjdk.jmc.flightrecorder.rules.IRule}).
 *
 * <p>Reads the {@code puredots.Frame} events (their duration is the frame time) in start-time
 * order and judges them against the frame budget:
 * <ul>
 *   <li>OK: no frame over budget;</li>
 *   <li>INFO: some frames over budget, but no streak of more than {@code streak.frames}
 *       consecutive ones and less than the warning share;</li>
 *   <li>WARNING: a streak longer than {@code streak.frames} (a budget violation, as
 *       {@code jfr-analyzer report} defines it) or at least the warning share over budget;</li>
 *   <li>NA: no frame events.</li>
 * </ul>
 * Preferences (JMC's rule configuration) default to {@link Budgets#defaults()}. The score follows
 * JMC's bands ({@link Severity#get}): OK below 25, INFO 25 to 74, WARNING 75 and above.
 *
 * <p>Also a JMC plugin on its own: this module's {@code puredots-jmc-plugin.jar} holds the rule and
 * jfr-events' budget classes, nothing of JMC, with an OSGi manifest that attaches it to JMC's
 * rules bundle (whose {@code RuleRegistry} finds rules with a {@code ServiceLoader}).
 *
 * <p>Stateless; thread-safe; each evaluation is independent.
 */
public final class FrameBudgetRule implements IRule {
    /** Stable rule id. */
    public static final String ID = "puredots.framebudget";
    /** The topic JMC groups the rule under. */
    public static final String TOPIC = "PureDOTS";

    private static final Budgets DEFAULTS = Budgets.defaults();

    public static final TypedPreference<IQuantity> FRAME_BUDGET = new TypedPreference<>(
            "puredots.framebudget.frame", "Frame budget", "Longest acceptable frame time (budget key 'frame')",
            UnitLookup.TIMESPAN, UnitLookup.NANOSECOND.quantity(DEFAULTS.frameNanos().orElse(16_600_000L)));
    public static final TypedPreference<IQuantity> STREAK_FRAMES = new TypedPreference<>(
            "puredots.framebudget.streak", "Streak frames",
            "Over budget for more than this many consecutive frames is a violation (budget key 'streak.frames')",
            UnitLookup.NUMBER, UnitLookup.NUMBER_UNITY.quantity(DEFAULTS.streakFrames()));
    public static final TypedPreference<IQuantity> WARNING_SHARE = new TypedPreference<>(
            "puredots.framebudget.share", "Warning share",
            "Share of frames over budget from which the rule warns even without a streak",
            UnitLookup.PERCENTAGE, UnitLookup.PERCENT.quantity(5));

    private static final List<TypedPreference<?>> PREFERENCES = List.of(FRAME_BUDGET, STREAK_FRAMES, WARNING_SHARE);

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getTopic() {
        return TOPIC;
    }

    @Override
    public String getName() {
        return "Frame Budget";
    }

    @Override
    public Map<String, EventAvailability> getRequiredEvents() {
        return Map.of(EventNames.FRAME, EventAvailability.AVAILABLE);
    }

    @Override
    public Collection<TypedPreference<?>> getConfigurationAttributes() {
        return PREFERENCES;
    }

    @Override
    public Collection<TypedResult<?>> getResults() {
        return List.of(TypedResult.SCORE);
    }

    @Override
    public RunnableFuture<IResult> createEvaluation(IItemCollection items, IPreferenceValueProvider preferences,
                                                    IResultValueProvider dependencyResults) {
        return new FutureTask<>(() -> evaluate(items, preferences));
    }

    private IResult evaluate(IItemCollection items, IPreferenceValueProvider prefs) {
        long budget = prefs.getPreferenceValue(FRAME_BUDGET).clampedLongValueIn(UnitLookup.NANOSECOND);
        long streakFrames = prefs.getPreferenceValue(STREAK_FRAMES).clampedLongValueIn(UnitLookup.NUMBER_UNITY);
        double warnShare = prefs.getPreferenceValue(WARNING_SHARE).doubleValueIn(UnitLookup.PERCENT) / 100.0;

        long[][] frames = frames(items.apply(ItemFilters.type(EventNames.FRAME)));
        ResultBuilder b = ResultBuilder.createFor(this, prefs);
        if (frames.length == 0) {
            return b.setSeverity(Severity.NA).setSummary("The recording has no " + EventNames.FRAME + " events.")
                    .setExplanation("Record with puredots.jfc (jfr-events/jfc) so that the game's frame events are"
                            + " enabled.").build();
        }
        Arrays.sort(frames, (x, y) -> Long.compare(x[0], y[0]));
        long over = 0;
        long worst = 0;
        int run = 0;
        int longest = 0;
        for (long[] f : frames) {
            worst = Math.max(worst, f[1]);
            if (f[1] > budget) {
                over++;
                longest = Math.max(longest, ++run);
            } else {
                run = 0;
            }
        }
        double share = (double) over / frames.length;
        boolean streak = longest > streakFrames;
        Severity severity = over == 0 ? Severity.OK : streak || share >= warnShare ? Severity.WARNING : Severity.INFO;
        double score = severity == Severity.OK ? 0
                : severity == Severity.INFO ? 25 + 49 * Math.min(1, share / warnShare)
                : Math.min(100, 75 + 25 * Math.max(share, streak ? (double) (longest - streakFrames) / longest : 0));
        String summary = String.format(Locale.ROOT,
                "%d of %d frames (%.1f%%) over the %s ms frame budget; longest streak %d frames%s.", over,
                frames.length, share * 100, ms(budget), longest,
                streak ? " (more than " + streakFrames + " is a violation)" : "");
        String explanation = String.format(Locale.ROOT,
                "Frame time is the duration of %s. The slowest frame took %s ms. Over budget for more than %d"
                        + " consecutive frames is a budget violation; %.1f%% or more frames over budget is a warning"
                        + " as well.", EventNames.FRAME, ms(worst), streakFrames, warnShare * 100);
        return b.setSeverity(severity).setSummary(summary).setExplanation(explanation)
                .setSolution(over == 0 ? null : "Run 'jfr-analyzer report' on the recording: it names the GC pauses,"
                        + " safepoints, compilations, waits and CPU contention that overlapped the slow frames.")
                .addResult(TypedResult.SCORE, UnitLookup.NUMBER_UNITY.quantity(score)).build();
    }

    /** {start ns, duration ns} of every frame event. */
    private static long[][] frames(IItemCollection frames) {
        int n = 0;
        long[][] out = new long[64][];
        for (IItemIterable it : frames) {
            IMemberAccessor<IQuantity, IItem> start = JfrAttributes.START_TIME.getAccessor(it.getType());
            IMemberAccessor<IQuantity, IItem> duration = JfrAttributes.DURATION.getAccessor(it.getType());
            if (start == null || duration == null) {
                continue;
            }
            for (IItem item : it) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = new long[] {start.getMember(item).clampedLongValueIn(UnitLookup.EPOCH_NS),
                    duration.getMember(item).clampedLongValueIn(UnitLookup.NANOSECOND)};
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Nanoseconds as milliseconds with one decimal, as the analyzer's report writes them. */
    private static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
