package io.puredots.analyzer.stats;

/**
 * Warm-up detection with MSER-5 (White, 1997: the Marginal Standard Error Rule on batch means of
 * 5). The frame times are grouped in consecutive batches of 5 frames; for each candidate
 * truncation {@code d} (in batches, {@code 0 <= d <= m/2} of the {@code m} batches) the rule
 * computes
 * <pre>{@code
 * MSER(d) = sum_{i=d+1..m} (Y_i - mean(Y_{d+1..m}))^2 / (m - d)^2
 * }</pre>
 * and keeps the smallest {@code d} that minimises it: dropping more batches no longer makes
 * the mean of the rest more certain. The warm-up is {@code 5 * d} frames. With fewer than 4
 * batches (20 frames) nothing is dropped.
 *
 * <p>Stateless and thread-safe.
 */
public final class Warmup {
    /** Frames per batch. */
    public static final int BATCH = 5;

    private Warmup() {
    }

    /**
     * @param batchMeans mean frame time of each batch of 5, in frame order (a partial last batch excluded)
     * @param m          number of batches used from {@code batchMeans}
     * @return the number of batches to drop
     */
    public static int mserBatches(double[] batchMeans, int m) {
        if (m < 4) {
            return 0;
        }
        // suffix sums: s1[d] = sum of Y_{d..m-1}, s2[d] = sum of squares
        double[] s1 = new double[m + 1];
        double[] s2 = new double[m + 1];
        for (int i = m - 1; i >= 0; i--) {
            s1[i] = s1[i + 1] + batchMeans[i];
            s2[i] = s2[i + 1] + batchMeans[i] * batchMeans[i];
        }
        int best = 0;
        double bestValue = Double.MAX_VALUE;
        for (int d = 0; d <= m / 2; d++) {
            int n = m - d;
            double sse = Math.max(0, s2[d] - s1[d] * s1[d] / n);
            double v = sse / ((double) n * n);
            if (v < bestValue) {
                bestValue = v;
                best = d;
            }
        }
        return best;
    }
}
