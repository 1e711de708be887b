package io.puredots.analyzer.compare;

import io.puredots.analyzer.model.compare.BudgetState;
import io.puredots.analyzer.model.compare.Environment;
import io.puredots.analyzer.model.compare.MetricRun;
import io.puredots.analyzer.model.compare.Side;
import io.puredots.analyzer.model.compare.SideMetric;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Synthetic sides for judge and writer tests: batch values from a seeded AR(1) process. */
public final class Sides {
    public static final Environment ENV = new Environment("17.0.15+6", "OpenJDK 64-Bit Server VM", "-Xmx1g", 2, 2,
            "x86", "Debian GNU/Linux 12 (bookworm)", "G1New/G1Old", 1L << 30);

    private Sides() {
    }

    /**
     * Batch p95s of one run: mean {@code level} ns, AR(1) noise with coefficient {@code phi} and
     * innovations of {@code sd} ns, so consecutive batches are correlated as game frames are.
     */
    public static double[] ar1(long seed, int n, double level, double phi, double sd) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] out = new double[n];
        double e = 0;
        for (int i = 0; i < n; i++) {
            e = phi * e + sd * gaussian(r);
            out[i] = level == 0 ? e : Math.max(1, level + e);
        }
        return out;
    }

    /**
     * One run's frame-time batch p95s, through the real batching ({@link RunSampler}, batches of
     * 1000 frames): {@code frames} frame times of mean {@code level} ns with AR(1) noise, coefficient
     * {@code phi} from frame to frame, so neighbouring frames are correlated as a game's are.
     */
    public static double[] framesAr1(long seed, int frames, double level, double phi, double sd) {
        io.puredots.analyzer.stats.RunSampler total = new io.puredots.analyzer.stats.RunSampler(1000);
        io.puredots.analyzer.stats.RunSampler part = total.partial();
        double[] noise = ar1(seed, frames, 0, phi, sd);
        for (int t = 0; t < frames; t++) {
            part.frame(0, (long) Math.max(1, level + noise[t]), t, 0);
        }
        total.merge(part);
        return total.metrics().get(0).batches();
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller; StrictMath, so that the golden output is the same on every JVM
        double u = Math.max(1e-12, r.nextDouble());
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * r.nextDouble());
    }

    /** A side with the given metrics (id -> runs of values, in map order) and budget statuses (by id). */
    public static Side side(Map<String, List<double[]>> metrics, Map<String, List<String>> budgets) {
        List<SideMetric> ms = new ArrayList<>();
        int runs = 0;
        for (Map.Entry<String, List<double[]>> e : metrics.entrySet()) {
            List<MetricRun> rs = new ArrayList<>();
            for (double[] v : e.getValue()) {
                rs.add(new MetricRun(e.getKey(), v, "", v.length));
            }
            ms.add(SideBuilder.merge(e.getKey(), rs));
            runs = Math.max(runs, e.getValue().size());
        }
        List<BudgetState> bs = new ArrayList<>();
        new java.util.TreeMap<>(budgets).forEach((id, s) -> bs.add(new BudgetState(id, s, s.contains("VIOLATED") ? 9 : 2)));
        List<String> inputs = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            inputs.add("run-" + i + ".jfr");
        }
        return new Side(inputs, runs, 1000, ENV, List.of(), ms, bs, "default.budgets", 5, "", "");
    }
}
