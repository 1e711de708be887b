package io.puredots.analyzer.compare;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The statistics behind one metric's verdict, on the values of its units (batches, or runs): the
 * change of the median in %, a percentile-bootstrap 95% interval of that change, and a two-sided
 * Mann-Whitney U p-value (commons-math3). When both sides hold two runs or more, the bootstrap
 * resamples runs and then batches within each drawn run, so the spread between runs (JIT
 * decisions, memory placement) widens the interval as it should; with one run on a side only its
 * batches are resampled.
 *
 * <p>Deterministic: the bootstrap's random numbers come from a fixed seed per call. Stateless and
 * thread-safe.
 */
public final class DeltaStatistics {
    /** Bootstrap resamples per interval. */
    static final int RESAMPLES = 2000;

    private DeltaStatistics() {
    }

    /** The median of {@code values} (mean of the middle two for an even count); NaN when empty. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** {@code 100 * (current / baseline - 1)}; NaN when the baseline is 0 or either is NaN. */
    public static double deltaPercent(double baseline, double current) {
        if (!(baseline > 0) || Double.isNaN(current)) {
            return baseline == 0 && current == 0 ? 0 : Double.NaN;
        }
        return 100 * (current / baseline - 1);
    }

    /** Every run's values in one array, in run order. */
    public static double[] pooled(List<double[]> runs) {
        int n = 0;
        for (double[] r : runs) {
            n += r.length;
        }
        double[] out = new double[n];
        int i = 0;
        for (double[] r : runs) {
            System.arraycopy(r, 0, out, i, r.length);
            i += r.length;
        }
        return out;
    }

    /**
     * Two-sided Mann-Whitney U p-value of the pooled values (normal approximation with the tie
     * correction, as commons-math3 computes it); NaN when a side is empty.
     */
    public static double mannWhitneyP(double[] baseline, double[] current) {
        if (baseline.length == 0 || current.length == 0) {
            return Double.NaN;
        }
        return new MannWhitneyUTest().mannWhitneyUTest(baseline, current);
    }

    /**
     * The 2.5th and 97.5th percentiles of the bootstrap distribution of {@link #deltaPercent} of
     * the medians; {@code {NaN, NaN}} when a side is empty.
     *
     * @param seed fixes the resamples, so the same inputs give the same interval
     */
    public static double[] bootstrapInterval(List<double[]> baseline, List<double[]> current, long seed) {
        if (pooled(baseline).length == 0 || pooled(current).length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        boolean byRun = nonEmpty(baseline) >= 2 && nonEmpty(current) >= 2;
        SplittableRandom random = new SplittableRandom(seed);
        double[] deltas = new double[RESAMPLES];
        int n = 0;
        for (int i = 0; i < RESAMPLES; i++) {
            double d = deltaPercent(median(resample(baseline, byRun, random)), median(resample(current, byRun, random)));
            if (!Double.isNaN(d)) {
                deltas[n++] = d;
            }
        }
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] d = Arrays.copyOf(deltas, n);
        Arrays.sort(d);
        return new double[] {d[(int) Math.floor(0.025 * (n - 1))], d[(int) Math.ceil(0.975 * (n - 1))]};
    }

    private static int nonEmpty(List<double[]> runs) {
        int n = 0;
        for (double[] r : runs) {
            n += r.length > 0 ? 1 : 0;
        }
        return n;
    }

    /** One bootstrap sample: runs drawn with replacement then each one's values, or all values pooled. */
    private static double[] resample(List<double[]> runs, boolean byRun, SplittableRandom random) {
        if (!byRun) {
            double[] all = pooled(runs);
            double[] out = new double[all.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = all[random.nextInt(all.length)];
            }
            return out;
        }
        List<double[]> present = runs.stream().filter(r -> r.length > 0).toList();
        double[][] drawn = new double[present.size()][];
        int total = 0;
        for (int r = 0; r < drawn.length; r++) {
            double[] run = present.get(random.nextInt(present.size()));
            double[] values = new double[run.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = run[random.nextInt(run.length)];
            }
            drawn[r] = values;
            total += values.length;
        }
        double[] out = new double[total];
        int i = 0;
        for (double[] v : drawn) {
            System.arraycopy(v, 0, out, i, v.length);
            i += v.length;
        }
        return out;
    }
}
