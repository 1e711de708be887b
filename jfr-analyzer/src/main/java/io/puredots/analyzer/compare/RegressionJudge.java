package io.puredots.analyzer.compare;

import io.puredots.analyzer.model.compare.BudgetComparison;
import io.puredots.analyzer.model.compare.BudgetState;
import io.puredots.analyzer.model.compare.Comparison;
import io.puredots.analyzer.model.compare.MetricComparison;
import io.puredots.analyzer.model.compare.MetricKind;
import io.puredots.analyzer.model.compare.Side;
import io.puredots.analyzer.model.compare.SideMetric;
import io.puredots.analyzer.model.compare.Summary;
import io.puredots.analyzer.model.compare.Verdict;
import io.puredots.budgets.Budgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges a current side against a baseline: per metric, a change is a regression when it is at
 * least the metric's threshold (the minimum effect size) and significant; per budget, a budget
 * violated in every current run and in no baseline run is a regression (one that the game runs
 * close to flips between runs of one build).
 *
 * <p>Significant, for a metric judged per batch: each side has at least {@value #MIN_BATCHES}
 * batches, the Mann-Whitney U p-value of the batch values is below {@value #ALPHA}, and the 95%
 * bootstrap interval of the change excludes 0. Runs of one build differ by more than their
 * batches vary (the machine's load, JIT decisions); with {@value #MIN_RUNS} runs a side or more
 * the bootstrap, which resamples runs, shows it, but with fewer it cannot, so there the whole
 * interval must lie beyond the threshold: a test against the minimum effect, not against no
 * change. For a per-run metric (memory), judged only when every run of each side has it (a run
 * without a GC has no heap after GC, and sides of unlike runs measure different things): the bootstrap
 * interval over the runs excludes 0 (one run a side: the change itself), since a run has one
 * value and memory varies little between runs of one build; the threshold does the rest.
 *
 * <p>A time change must also be at least {@link MetricKind#minimumChange()} in absolute terms.
 *
 * <p>Thresholds: {@code regression.<metric>} of the budget file ({@code regression.frame.p95}
 * also names {@code frame.time}), else {@link MetricKind#defaultThresholdPercent(String)}.
 *
 * <p>Stateless and thread-safe.
 */
public final class RegressionJudge {
    /** Fewest batch values per side for a per-batch metric to be tested. */
    public static final int MIN_BATCHES = 5;
    /** Largest Mann-Whitney p-value that counts as significant. */
    public static final double ALPHA = 0.01;
    /** Fewest runs a side for which an interval that excludes 0 suffices (see the class comment). */
    public static final int MIN_RUNS = 3;
    /** Seed of every bootstrap: the same inputs give the same output. */
    static final long BOOTSTRAP_SEED = 20_260_101L;

    private RegressionJudge() {
    }

    /** Judges {@code current} against {@code baseline} with the thresholds of {@code budgets}. */
    public static Comparison judge(Side baseline, Side current, Budgets budgets) {
        List<String> warnings = new ArrayList<>();
        List<String> env = baseline.environment().differences(current.environment());
        if (!env.isEmpty()) {
            warnings.add("the environments differ (baseline vs current): " + String.join("; ", env)
                    + "; timings may not be comparable");
        }
        if (!baseline.budgetSource().isEmpty() && !current.budgetSource().isEmpty()
                && !baseline.budgetSource().equals(current.budgetSource())) {
            warnings.add("the baseline's budgets were judged against '" + baseline.budgetSource()
                    + "', the current runs' against '" + current.budgetSource() + "'");
        }
        for (String n : baseline.envNotes()) {
            warnings.add("baseline runs differ: " + n);
        }
        for (String n : current.envNotes()) {
            warnings.add("current runs differ: " + n);
        }
        Set<String> ids = new LinkedHashSet<>();
        current.metrics().forEach(m -> ids.add(m.metric()));
        baseline.metrics().forEach(m -> ids.add(m.metric()));
        List<MetricComparison> metrics = new ArrayList<>();
        boolean fewBatches = false;
        for (String id : ids) {
            MetricComparison c = metric(id, baseline.metric(id), current.metric(id), threshold(budgets, id),
                    baseline.runs(), current.runs());
            metrics.add(c);
            fewBatches |= c.note().startsWith("too few batches");
        }
        busyMachine(baseline, current).ifPresent(warnings::add);
        if (fewBatches) {
            warnings.add("some metrics have fewer than " + MIN_BATCHES + " batches on a side and were not judged;"
                    + " record longer runs, or pass a smaller --batch-frames");
        }
        return new Comparison(baseline, current, metrics, budgets(baseline, current), current.streakFrames(),
                warnings);
    }

    /** Largest difference in other processes' CPU share (0..1) between the sides that is not warned about. */
    static final double OTHER_CPU_TOLERANCE = 0.10;

    /**
     * A warning when other processes took a share of the machine's CPU on one side that differs
     * from the other's by more than {@link #OTHER_CPU_TOLERANCE}: timings then differ for a reason
     * that is not the build.
     */
    private static java.util.Optional<String> busyMachine(Side baseline, Side current) {
        SideMetric b = baseline.metric("machine.other-cpu");
        SideMetric c = current.metric("machine.other-cpu");
        if (b == null || c == null || b.units() == 0 || c.units() == 0) {
            return java.util.Optional.empty();
        }
        double bm = DeltaStatistics.median(DeltaStatistics.pooled(b.runs()));
        double cm = DeltaStatistics.median(DeltaStatistics.pooled(c.runs()));
        if (Math.abs(cm - bm) <= OTHER_CPU_TOLERANCE) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(java.util.Locale.ROOT, "other processes used %.0f%% of the"
                + " machine's CPU during the current run(s) and %.0f%% during the baseline; timings may not be"
                + " comparable", cm * 100, bm * 100));
    }

    /** {@code regression.<id>} of the budget file, else the kind's default. */
    static double threshold(Budgets budgets, String id) {
        if (budgets.regressionPercent(id).isPresent()) {
            return budgets.regressionPercent(id).getAsDouble();
        }
        if (id.equals("frame.time") && budgets.regressionPercent("frame.p95").isPresent()) {
            return budgets.regressionPercent("frame.p95").getAsDouble();
        }
        return MetricKind.of(id).defaultThresholdPercent(id);
    }

    private static MetricComparison metric(String id, SideMetric base, SideMetric cur, double threshold,
                                           int baseRuns, int curRuns) {
        MetricKind kind = MetricKind.of(id);
        String unit = kind.unit(id);
        Summary bs = base == null ? Summary.EMPTY : base.summary();
        Summary cs = cur == null ? Summary.EMPTY : cur.summary();
        int bn = base == null ? 0 : base.units();
        int cn = cur == null ? 0 : cur.units();
        if (bn == 0 || cn == 0) {
            String note;
            if (bs.samples() > 0 && cs.samples() > 0) {
                note = "too few batches (" + Math.min(bn, cn) + " < " + MIN_BATCHES + ")";
            } else if (bs.samples() == 0 && cs.samples() == 0) {
                note = "no values on either side";
            } else {
                note = bs.samples() == 0 ? "only in the current run(s)" : "only in the baseline";
            }
            return new MetricComparison(id, unit, kind.statistic(id), bs, cs, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, threshold, bn, cn, Verdict.NOT_COMPARED, note);
        }
        if (kind.perRun() && (base.runs().size() < baseRuns || cur.runs().size() < curRuns)) {
            // a run without the value (no GC, so no heap after GC) leaves the sides measuring different things
            return new MetricComparison(id, unit, kind.statistic(id), bs, cs, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, threshold, bn, cn, Verdict.NOT_COMPARED, "not in every run (baseline "
                    + base.runs().size() + " of " + baseRuns + ", current " + cur.runs().size() + " of " + curRuns + ")");
        }
        double[] b = DeltaStatistics.pooled(base.runs());
        double[] c = DeltaStatistics.pooled(cur.runs());
        double baseMedian = DeltaStatistics.median(b);
        double curMedian = DeltaStatistics.median(c);
        double delta = DeltaStatistics.deltaPercent(baseMedian, curMedian);
        if (Double.isNaN(delta)) {
            return new MetricComparison(id, unit, kind.statistic(id), bs, cs, delta, Double.NaN, Double.NaN, Double.NaN,
                    threshold, bn, cn, Verdict.NOT_COMPARED, "the baseline's value is 0");
        }
        // one seed for every metric: metrics with as many batches get the same resamples, so a
        // system and its group (nearly the same values) get the same verdict
        double[] ci = DeltaStatistics.bootstrapInterval(base.runs(), cur.runs(), BOOTSTRAP_SEED);
        boolean excludesZero = ci[0] > 0 || ci[1] < 0;
        double p = Double.NaN;
        boolean significant;
        boolean clear = true;
        String note = "";
        if (kind.perRun()) {
            significant = excludesZero || (ci[0] == 0 && ci[1] == 0 && delta != 0);
        } else if (bn < MIN_BATCHES || cn < MIN_BATCHES) {
            return new MetricComparison(id, unit, kind.statistic(id), bs, cs, delta, ci[0], ci[1], Double.NaN,
                    threshold, bn, cn, Verdict.NOT_COMPARED,
                    "too few batches (" + Math.min(bn, cn) + " < " + MIN_BATCHES + ")");
        } else {
            p = DeltaStatistics.mannWhitneyP(b, c);
            significant = p < ALPHA && excludesZero;
            // with fewer runs the interval cannot show how far runs of one build spread: it must clear the threshold
            if (runs(base) < MIN_RUNS || runs(cur) < MIN_RUNS) {
                clear = delta > 0 ? ci[0] >= threshold : ci[1] <= -threshold;
            }
        }
        Verdict verdict = Verdict.NO_SIGNIFICANT_CHANGE;
        boolean large = Math.abs(curMedian - baseMedian) >= kind.minimumChange();
        if (significant && Math.abs(delta) >= threshold && !large) {
            note = "below the smallest change that counts (" + minimum(kind) + ")";
        } else if (significant && Math.abs(delta) >= threshold && !clear) {
            note = "the interval does not clear the threshold";
        } else if (significant && Math.abs(delta) >= threshold) {
            verdict = !kind.higherIsWorse() ? Verdict.CHANGED : delta > 0 ? Verdict.REGRESSION : Verdict.IMPROVEMENT;
        } else if (significant && !kind.perRun()) {
            note = "significant, below the threshold";
        }
        return new MetricComparison(id, unit, kind.statistic(id), bs, cs, delta, ci[0], ci[1], p, threshold, bn, cn,
                verdict, note);
    }

    /** Runs that have values of the metric. */
    private static int runs(SideMetric m) {
        int n = 0;
        for (double[] r : m.runs()) {
            n += r.length > 0 ? 1 : 0;
        }
        return n;
    }

    private static String minimum(MetricKind kind) {
        return String.format(java.util.Locale.ROOT, "%.2f %s", kind.minimumChange() * kind.scale(), kind.unit(""));
    }

    private static List<BudgetComparison> budgets(Side baseline, Side current) {
        Map<String, BudgetState> base = new LinkedHashMap<>();
        baseline.budgets().forEach(s -> base.put(s.id(), s));
        Map<String, BudgetState> cur = new LinkedHashMap<>();
        current.budgets().forEach(s -> cur.put(s.id(), s));
        Set<String> ids = new LinkedHashSet<>(cur.keySet());
        ids.addAll(base.keySet());
        List<BudgetComparison> out = new ArrayList<>();
        for (String id : ids) {
            BudgetState b = base.get(id);
            BudgetState c = cur.get(id);
            String bs = b == null ? "NO_DATA" : b.status();
            String cs = c == null ? "NO_DATA" : c.status();
            out.add(new BudgetComparison(id, bs, cs, b == null ? 0 : b.longestStreak(), c == null ? 0 : c.longestStreak(),
                    c != null && c.violatedInEveryRun() && (b == null || b.violatedInNoRun())));
        }
        return out;
    }
}
