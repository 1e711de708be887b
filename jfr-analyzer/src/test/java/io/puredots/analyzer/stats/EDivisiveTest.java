package io.puredots.analyzer.stats;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EDivisiveTest {
    private static final EDivisive.Settings SETTINGS = EDivisive.Settings.DEFAULT;

    /** Gaussian noise of relative size {@code noise} around {@code level}. */
    private static double[] noisy(Random r, int n, double level, double noise) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = level * (1 + noise * r.nextGaussian());
        }
        return x;
    }

    private static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] all = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static List<Integer> indexes(List<EDivisive.Split> splits) {
        return splits.stream().map(EDivisive.Split::index).toList();
    }

    @Test
    void findsOneStepAtTheStep() {
        Random r = new Random(42);
        double[] x = concat(noisy(r, 15, 10, 0.02), noisy(r, 15, 12, 0.02));
        List<EDivisive.Split> found = EDivisive.changePoints(x, SETTINGS);
        assertEquals(List.of(15), indexes(found));
        assertTrue(found.get(0).pValue() <= SETTINGS.significance(), "p = " + found.get(0).pValue());
    }

    @Test
    void findsNothingInAFlatNoisyHistory() {
        double[] x = noisy(new Random(1), 40, 10, 0.05);
        assertEquals(List.of(), indexes(EDivisive.changePoints(x, SETTINGS)));
    }

    @Test
    void findsAChangeInFlatNoiseAboutAsOftenAsTheSignificanceLevelSays() {
        int histories = 200;
        int withChange = 0;
        for (long seed = 1; seed <= histories; seed++) {
            double[] x = noisy(new Random(seed), 30, 10, 0.05);
            if (!EDivisive.changePoints(x, SETTINGS).isEmpty()) {
                withChange++;
            }
        }
        // expected: histories * significance = 2; 6 or more has probability below 2% for a test at its level
        assertTrue(withChange <= 5, withChange + " of " + histories + " flat histories with a change point");
    }

    @Test
    void findsTwoStepsAtTheirRuns() {
        Random r = new Random(7);
        double[] x = concat(noisy(r, 12, 10, 0.02), noisy(r, 10, 13, 0.02), noisy(r, 12, 11, 0.02));
        assertEquals(List.of(12, 22), indexes(EDivisive.changePoints(x, SETTINGS)));
    }

    @Test
    void findsAStepOfFewRunsAtTheEndOnlyOnceItHoldsForMinSizeRuns() {
        Random r = new Random(3);
        double[] flat = noisy(r, 20, 10, 0.01);
        assertEquals(List.of(), indexes(EDivisive.changePoints(concat(flat, new double[] {15, 15}), SETTINGS)));
        assertEquals(List.of(20), indexes(EDivisive.changePoints(concat(flat, new double[] {15, 15, 15}), SETTINGS)));
    }

    @Test
    void findsNothingInAConstantOrShortSeries() {
        assertEquals(List.of(), EDivisive.changePoints(new double[30], SETTINGS));
        assertEquals(List.of(), EDivisive.changePoints(new double[] {1, 1, 9, 9, 9}, SETTINGS));
        assertEquals(List.of(), EDivisive.changePoints(new double[0], SETTINGS));
    }

    @Test
    void givesTheSameAnswerForTheSameInputAndSeed() {
        Random r = new Random(11);
        double[] x = concat(noisy(r, 10, 10, 0.05), noisy(r, 10, 11, 0.05));
        assertEquals(EDivisive.changePoints(x, SETTINGS), EDivisive.changePoints(x.clone(), SETTINGS));
    }

    @Test
    void bestSplitMatchesTheStatisticComputedFromItsDefinition() {
        Random r = new Random(5);
        for (int round = 0; round < 20; round++) {
            int n = 6 + r.nextInt(15);
            double[] z = noisy(r, n + 4, 10, 0.3);
            int minSize = 2 + r.nextInt(2);
            EDivisive.Candidate fast = EDivisive.bestSplit(z, 2, n + 2, minSize);
            assertNotNull(fast);
            double bestQ = Double.NEGATIVE_INFINITY;
            int bestTau = -1;
            for (int tau = 2 + minSize; tau <= n + 2 - minSize; tau++) {
                for (int kappa = tau + minSize; kappa <= n + 2; kappa++) {
                    double q = q(z, 2, tau, kappa);
                    if (q > bestQ) {
                        bestQ = q;
                        bestTau = tau;
                    }
                }
            }
            assertEquals(bestTau, fast.index(), "round " + round);
            assertEquals(bestQ, fast.q(), 1e-9 * Math.abs(bestQ), "round " + round);
        }
    }

    /** Q of X = z[from, tau), Y = z[tau, kappa), straight from the definition. */
    private static double q(double[] z, int from, int tau, int kappa) {
        int m = tau - from;
        int k = kappa - tau;
        double cross = 0;
        double xx = 0;
        double yy = 0;
        for (int i = from; i < tau; i++) {
            for (int j = tau; j < kappa; j++) {
                cross += Math.abs(z[i] - z[j]);
            }
            for (int l = i + 1; l < tau; l++) {
                xx += Math.abs(z[i] - z[l]);
            }
        }
        for (int j = tau; j < kappa; j++) {
            for (int l = j + 1; l < kappa; l++) {
                yy += Math.abs(z[j] - z[l]);
            }
        }
        double e = 2 * cross / (m * k) - xx / (m * (m - 1) / 2.0) - yy / (k * (k - 1) / 2.0);
        return (double) m * k / (m + k) * e;
    }

    @Test
    void refusesSettingsOutOfRangeAndValuesThatAreNotFinite() {
        assertThrows(IllegalArgumentException.class, () -> new EDivisive.Settings(0, 99, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> new EDivisive.Settings(0.05, 0, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> new EDivisive.Settings(0.05, 99, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> EDivisive.changePoints(new double[] {1, Double.NaN, 2}, SETTINGS));
    }
}
