package io.puredots.analyzer.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WarmupTest {

    @Test
    void dropsTheSlowBatchesAtTheStart() {
        double[] y = new double[40];
        for (int i = 0; i < y.length; i++) {
            y[i] = i < 6 ? 50 - i : 10 + (i % 2);   // 6 slow, decaying batches, then steady
        }
        assertEquals(6, Warmup.mserBatches(y, y.length));
    }

    @Test
    void dropsNothingFromASteadyRun() {
        double[] y = new double[40];
        for (int i = 0; i < y.length; i++) {
            y[i] = 10 + (i % 3);
        }
        assertEquals(0, Warmup.mserBatches(y, y.length));
    }

    @Test
    void dropsNothingFromFewerThanFourBatches() {
        assertEquals(0, Warmup.mserBatches(new double[] {100, 1, 1}, 3));
    }

    @Test
    void neverDropsMoreThanHalf() {
        double[] y = new double[10];
        for (int i = 0; i < y.length; i++) {
            y[i] = 100 - 10 * i;   // no steady state
        }
        assertEquals(true, Warmup.mserBatches(y, y.length) <= 5);
    }
}
