package io.puredots.analyzer.compare;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeltaStatisticsTest {
    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, DeltaStatistics.median(new double[] {3, 1, 2}));
        assertEquals(2.5, DeltaStatistics.median(new double[] {4, 1, 3, 2}));
        assertTrue(Double.isNaN(DeltaStatistics.median(new double[0])));
    }

    @Test
    void deltaPercentAgainstZeroIsNotANumber() {
        assertEquals(25.0, DeltaStatistics.deltaPercent(4, 5), 1e-12);
        assertEquals(0.0, DeltaStatistics.deltaPercent(0, 0));
        assertTrue(Double.isNaN(DeltaStatistics.deltaPercent(0, 1)));
    }

    @Test
    void theIntervalIsDeterministicAndHoldsTheChange() {
        List<double[]> a = List.of(Sides.ar1(1, 40, 100, 0.5, 5));
        List<double[]> b = List.of(Sides.ar1(2, 40, 150, 0.5, 5));
        double[] ci = DeltaStatistics.bootstrapInterval(a, b, 42);
        assertArrayEquals(ci, DeltaStatistics.bootstrapInterval(a, b, 42));
        double delta = DeltaStatistics.deltaPercent(DeltaStatistics.median(a.get(0)), DeltaStatistics.median(b.get(0)));
        assertTrue(ci[0] < delta && delta < ci[1], ci[0] + " " + delta + " " + ci[1]);
    }

    @Test
    void mannWhitneySeparatesShiftedSamplesOnly() {
        double[] a = Sides.ar1(3, 30, 100, 0, 5);
        assertTrue(DeltaStatistics.mannWhitneyP(a, Sides.ar1(4, 30, 130, 0, 5)) < 1e-6);
        assertTrue(DeltaStatistics.mannWhitneyP(a, Sides.ar1(5, 30, 100, 0, 5)) > 0.01);
    }
}
