package io.puredots.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** The summary line the benchmark tools print per measure: median, min and max of the rounds. */
final class MedianLine {
    private MedianLine() {
    }

    /** Prints {@code median <what> M (min A, max B)} to stdout. */
    static void print(String what, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        System.out.printf(Locale.ROOT, "median %s %.4f (min %.4f, max %.4f)%n", what, median, sorted[0],
                sorted[sorted.length - 1]);
    }
}
