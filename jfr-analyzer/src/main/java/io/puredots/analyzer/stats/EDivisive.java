package io.puredots.analyzer.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Change points of a series by E-divisive means (Matteson and James, "A Nonparametric Approach
 * for Multiple Change Point Analysis of Multivariate Data", JASA 2014; the method of R's
 * {@code ecp::e.divisive} and of Apache Otava, formerly Hunter). It assumes nothing about the
 * distribution: a change point is where the data before and after differ in distribution, as
 * measured by the energy distance with exponent 1.
 *
 * <p>For a segment {@code Z}, every split {@code tau} and end {@code kappa} (each part at least
 * {@code minSize} points) gives {@code X = Z[0, tau)}, {@code Y = Z[tau, kappa)} and
 * <pre>{@code
 * E(X, Y) = 2/(m k) sum |X_i - Y_j| - 1/C(m,2) sum_{i<l} |X_i - X_l| - 1/C(k,2) sum_{j<l} |Y_j - Y_l|
 * Q(tau, kappa) = m k / (m + k) * E(X, Y)        m = |X|, k = |Y|
 * }</pre>
 * The split of largest {@code Q} over all current segments is a candidate; it is kept when a
 * permutation test finds it significant: the points are shuffled within each segment
 * {@code permutations} times, the largest {@code Q} recomputed each time, and the p-value is
 * {@code (1 + #{Q_perm >= Q}) / (1 + permutations)}. Kept: {@code p <= significance}; then the
 * segments are split and the search repeats; the first candidate not kept ends it.
 *
 * <p>The shuffles come from {@link Random} seeded with {@link Settings#seed()}, whose sequence
 * the JDK specifies, so one input gives one answer on every JVM. Cost per candidate: O(n^2)
 * time and memory for the best split, times {@code 1 + permutations}.
 *
 * <p>Stateless and thread-safe.
 */
public final class EDivisive {

    /**
     * @param significance largest p-value of a kept change point, in (0, 1)
     * @param permutations shuffles per permutation test, at least 1
     * @param minSize      fewest points on either side of a change point, at least 2
     * @param seed         seed of the shuffles
     */
    public record Settings(double significance, int permutations, int minSize, long seed) {
        /** p <= 0.01, 999 permutations, segments of at least 3 points, seed 1. */
        public static final Settings DEFAULT = new Settings(0.01, 999, 3, 1);

        public Settings {
            if (!(significance > 0 && significance < 1)) {
                throw new IllegalArgumentException("significance must be in (0, 1), got " + significance);
            }
            if (permutations < 1) {
                throw new IllegalArgumentException("permutations must be at least 1, got " + permutations);
            }
            if (minSize < 2) {
                throw new IllegalArgumentException("minSize must be at least 2, got " + minSize);
            }
        }
    }

    /**
     * A change point: the series differs from {@code index} on.
     *
     * @param index  first index of the new segment, {@code minSize <= index <= n - minSize}
     * @param pValue the permutation test's p-value when it was found
     */
    public record Split(int index, double pValue) {
    }

    private EDivisive() {
    }

    /**
     * The change points of {@code series}, in index order; none when it has fewer than
     * {@code 2 * minSize} points.
     *
     * @param series finite values in order (e.g. one metric over runs, oldest first); not modified
     */
    public static List<Split> changePoints(double[] series, Settings settings) {
        for (double v : series) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("series must be finite, got " + v);
            }
        }
        Random random = new Random(settings.seed());
        List<Integer> bounds = new ArrayList<>(List.of(0, series.length));   // segment i: [bounds[i], bounds[i+1])
        List<Split> found = new ArrayList<>();
        double[] shuffled = new double[series.length];
        while (true) {
            Candidate best = best(series, bounds, settings.minSize());
            if (best == null || !(best.q > 0)) {
                break;
            }
            int atLeast = 0;
            for (int r = 0; r < settings.permutations(); r++) {
                System.arraycopy(series, 0, shuffled, 0, series.length);
                for (int s = 0; s + 1 < bounds.size(); s++) {
                    shuffle(shuffled, bounds.get(s), bounds.get(s + 1), random);
                }
                Candidate c = best(shuffled, bounds, settings.minSize());
                if (c != null && c.q >= best.q) {
                    atLeast++;
                }
            }
            double p = (1.0 + atLeast) / (1.0 + settings.permutations());
            if (p > settings.significance()) {
                break;
            }
            found.add(new Split(best.index, p));
            int at = 0;
            while (bounds.get(at) < best.index) {
                at++;
            }
            bounds.add(at, best.index);
        }
        found.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return List.copyOf(found);
    }

    /** A split and its statistic Q; package-private for the reference test. */
    record Candidate(int index, double q) {
    }

    /** The best split over all segments, or null when no segment is long enough for one. */
    private static Candidate best(double[] z, List<Integer> bounds, int minSize) {
        Candidate best = null;
        for (int s = 0; s + 1 < bounds.size(); s++) {
            Candidate c = bestSplit(z, bounds.get(s), bounds.get(s + 1), minSize);
            if (c != null && (best == null || c.q > best.q)) {
                best = c;
            }
        }
        return best;
    }

    /**
     * The split {@code tau} of {@code z[from, to)} maximising Q over {@code kappa}, by running sums:
     * {@code row[i][j]} is the sum of {@code |z_i - z_t|} over {@code from <= t < from + j}.
     */
    static Candidate bestSplit(double[] z, int from, int to, int minSize) {
        int n = to - from;
        if (n < 2 * minSize) {
            return null;
        }
        double[][] row = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            double zi = z[from + i];
            double[] r = row[i];
            for (int j = 0; j < n; j++) {
                r[j + 1] = r[j] + Math.abs(zi - z[from + j]);
            }
        }
        Candidate best = null;
        double withinX = 0;   // sum over i < l < tau of |z_i - z_l|
        for (int tau = 1; tau <= n - minSize; tau++) {
            withinX += row[tau - 1][tau - 1];
            if (tau < minSize) {
                continue;
            }
            double cross = 0;     // sum over i < tau <= j < kappa of |z_i - z_j|
            double withinY = 0;   // sum over tau <= j < l < kappa
            for (int kappa = tau + 1; kappa <= n; kappa++) {
                double[] r = row[kappa - 1];
                cross += r[tau];
                withinY += r[kappa - 1] - r[tau];
                int m = tau;
                int k = kappa - tau;
                if (k < minSize) {
                    continue;
                }
                double e = 2 * cross / ((double) m * k)
                        - withinX / (m * (m - 1) / 2.0)
                        - withinY / (k * (k - 1) / 2.0);
                double q = (double) m * k / (m + k) * e;
                if (best == null || q > best.q) {
                    best = new Candidate(from + tau, q);
                }
            }
        }
        return best;
    }

    /** Fisher-Yates shuffle of {@code a[from, to)}. */
    private static void shuffle(double[] a, int from, int to, Random random) {
        for (int i = to - 1; i > from; i--) {
            int j = from + random.nextInt(i - from + 1);
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
