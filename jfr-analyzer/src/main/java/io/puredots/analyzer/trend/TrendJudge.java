package io.puredots.analyzer.trend;

import io.puredots.analyzer.model.trend.ChangePoint;
import io.puredots.analyzer.model.trend.MetricTrend;
import io.puredots.analyzer.model.trend.Trend;
import io.puredots.analyzer.model.trend.TrendRun;
import io.puredots.analyzer.read.results.HarnessRun;
import io.puredots.analyzer.read.results.MetricLine;
import io.puredots.analyzer.stats.EDivisive;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Judges many runs: lines up each metric's statistic across harness runs (oldest first) and
 * finds the runs at which it shifted with {@link EDivisive}. A run without a value for a metric
 * is left out of that metric's series, so a metric that appears later is judged over the runs
 * that have it.
 *
 * <p>Stateless and thread-safe.
 */
public final class TrendJudge {

    /** The statistic of each run that is trended. */
    public enum Statistic {
        MEDIAN(MetricLine::median), P95(MetricLine::p95), P99(MetricLine::p99), MEAN(MetricLine::mean);

        private final ToDoubleFunction<MetricLine> of;

        Statistic(ToDoubleFunction<MetricLine> of) {
            this.of = of;
        }

        /** Its name as on the command line: median, p95, p99 or mean. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private TrendJudge() {
    }

    /**
     * @param runs             oldest first
     * @param warnings         lines to pass on (e.g. runs skipped when reading)
     * @param metrics          which metric ids to keep
     * @param minChangePercent change points that move the mean by less than this (in %, >= 0) are not listed
     */
    public static Trend judge(List<HarnessRun> runs, List<String> warnings, Statistic statistic,
                              Predicate<String> metrics, EDivisive.Settings settings, double minChangePercent) {
        List<TrendRun> trendRuns = new ArrayList<>();
        List<String> notes = new ArrayList<>(warnings);
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, double[]> values = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            HarnessRun r = runs.get(i);
            trendRuns.add(new TrendRun(i + 1, r.dir().getFileName() == null ? r.dir().toString()
                    : r.dir().getFileName().toString(), r.time(), r.commit(), r.shortCommit(), r.dirty()));
            for (MetricLine m : r.metrics()) {
                if (!metrics.test(m.metric())) {
                    continue;
                }
                String unit = units.putIfAbsent(m.metric(), m.unit());
                if (unit != null && !unit.equals(m.unit())) {
                    notes.add("metric '" + m.metric() + "' is in " + unit + " before run " + (i + 1)
                            + " and in " + m.unit() + " there; its values are shown as they are");
                }
                values.computeIfAbsent(m.metric(), k -> {
                    double[] a = new double[runs.size()];
                    Arrays.fill(a, Double.NaN);
                    return a;
                })[i] = statistic.of.applyAsDouble(m);
            }
        }
        differingGames(runs, notes);
        List<MetricTrend> trends = new ArrayList<>();
        for (Map.Entry<String, double[]> e : values.entrySet()) {
            List<Double> list = new ArrayList<>();
            for (double v : e.getValue()) {
                list.add(v);
            }
            trends.add(new MetricTrend(e.getKey(), units.get(e.getKey()), list,
                    changePoints(e.getValue(), settings, minChangePercent)));
        }
        String method = String.format(Locale.ROOT,
                "E-divisive means (Matteson & James 2014), permutation test at p <= %s with %d permutations"
                        + " (seed %d), at least %d runs on each side",
                strip(settings.significance()), settings.permutations(), settings.seed(), settings.minSize());
        return new Trend(trendRuns, statistic.id(), method, minChangePercent, trends, notes);
    }

    /** Change points of one metric's values by run (NaN: no value), as runs of the trend. */
    static List<ChangePoint> changePoints(double[] byRun, EDivisive.Settings settings, double minChangePercent) {
        int[] runOf = new int[byRun.length];
        double[] series = new double[byRun.length];
        int n = 0;
        for (int i = 0; i < byRun.length; i++) {
            if (!Double.isNaN(byRun[i])) {
                runOf[n] = i;
                series[n++] = byRun[i];
            }
        }
        series = Arrays.copyOf(series, n);
        List<EDivisive.Split> splits = EDivisive.changePoints(series, settings);
        List<ChangePoint> out = new ArrayList<>();
        for (int s = 0; s < splits.size(); s++) {
            int at = splits.get(s).index();
            int from = s == 0 ? 0 : splits.get(s - 1).index();
            int to = s + 1 < splits.size() ? splits.get(s + 1).index() : n;
            double before = mean(series, from, at);
            double after = mean(series, at, to);
            double pct = before == 0 ? Double.NaN : (after - before) / Math.abs(before) * 100;
            if (Double.isNaN(pct) || Math.abs(pct) >= minChangePercent) {
                out.add(new ChangePoint(runOf[at] + 1, before, after, pct, splits.get(s).pValue()));
            }
        }
        return out;
    }

    private static double mean(double[] a, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += a[i];
        }
        return sum / (to - from);
    }

    /** One warning when the runs were made with different scenarios or game arguments. */
    private static void differingGames(List<HarnessRun> runs, List<String> notes) {
        Map<String, Integer> games = new LinkedHashMap<>();
        for (HarnessRun r : runs) {
            games.merge(String.join(" ", r.gameArgs()), 1, Integer::sum);
        }
        if (games.size() > 1) {
            StringBuilder b = new StringBuilder("the runs differ in the game's arguments:");
            String sep = " ";
            for (Map.Entry<String, Integer> g : games.entrySet()) {
                b.append(sep).append('\'').append(g.getKey().isEmpty() ? "(not recorded)" : g.getKey()).append("' (")
                        .append(g.getValue()).append(g.getValue() == 1 ? " run)" : " runs)");
                sep = ", ";
            }
            notes.add(b.append("; a shift may come from that (--scenario keeps one scenario)").toString());
        }
    }

    private static String strip(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
