package io.puredots.analyzer.compare;

import io.puredots.analyzer.model.compare.Comparison;
import io.puredots.analyzer.model.compare.MetricComparison;
import io.puredots.analyzer.model.compare.MetricKind;
import io.puredots.analyzer.model.compare.Side;
import io.puredots.analyzer.model.compare.Verdict;
import io.puredots.budgets.Budgets;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The judge on synthetic batch values: autocorrelated noise is not a regression, a real shift is. */
class RegressionJudgeTest {
    private static final double LEVEL = 4_000_000; // 4 ms batch p95

    private static MetricComparison judgeFrame(double[] base, double[] cur) {
        Side b = Sides.side(Map.of("frame.time", List.of(base)), Map.of());
        Side c = Sides.side(Map.of("frame.time", List.of(cur)), Map.of());
        return RegressionJudge.judge(b, c, Budgets.defaults()).metrics().get(0);
    }

    @Test
    void autocorrelatedFramesOfOneBuildAreNeverARegression() {
        int flagged = 0;
        for (long seed = 0; seed < 100; seed += 2) {
            double[] a = Sides.framesAr1(seed, 50_000, LEVEL, 0.9, 400_000);
            double[] b = Sides.framesAr1(seed + 1, 50_000, LEVEL, 0.9, 400_000);
            assertEquals(50, a.length, "batches of 1000 frames");
            flagged += judgeFrame(a, b).verdict() == Verdict.REGRESSION ? 1 : 0;
        }
        assertEquals(0, flagged, "A/A pairs flagged");
    }

    @Test
    void aQuarterMoreOverThreeRunsASideIsARegressionWithItsInterval() {
        List<double[]> a = List.of(Sides.framesAr1(1, 30_000, LEVEL, 0.9, 400_000),
                Sides.framesAr1(2, 30_000, LEVEL, 0.9, 400_000), Sides.framesAr1(21, 30_000, LEVEL, 0.9, 400_000));
        List<double[]> b = List.of(Sides.framesAr1(3, 30_000, LEVEL * 1.25, 0.9, 400_000 * 1.25),
                Sides.framesAr1(4, 30_000, LEVEL * 1.25, 0.9, 400_000 * 1.25),
                Sides.framesAr1(22, 30_000, LEVEL * 1.25, 0.9, 400_000 * 1.25));
        MetricComparison m = RegressionJudge.judge(Sides.side(Map.of("frame.time", a), Map.of()),
                Sides.side(Map.of("frame.time", b), Map.of()), Budgets.defaults()).metrics().get(0);
        assertEquals(Verdict.REGRESSION, m.verdict(), m.toString());
        assertTrue(m.deltaPercent() > 20 && m.deltaPercent() < 32, m.toString());
        assertTrue(m.ciLowPercent() > 0 && m.ciLowPercent() < m.deltaPercent() && m.ciHighPercent() > m.deltaPercent(),
                m.toString());
        assertTrue(m.pValue() < RegressionJudge.ALPHA, m.toString());
    }

    @Test
    void withFewerThanThreeRunsASideTheIntervalMustClearTheThreshold() {
        double[] a = Sides.framesAr1(5, 50_000, LEVEL, 0.9, 400_000);
        MetricComparison half = judgeFrame(a, Sides.framesAr1(6, 50_000, LEVEL * 1.5, 0.9, 600_000));
        assertEquals(Verdict.REGRESSION, half.verdict(), half.toString());
        assertTrue(half.ciLowPercent() >= 20, half.toString());
        // a change just past the threshold whose interval reaches below it is not one
        MetricComparison near = judgeFrame(a, Sides.framesAr1(7, 50_000, LEVEL * 1.21, 0.9, 480_000));
        assertTrue(near.ciLowPercent() < 20 && near.deltaPercent() >= 20, near.toString());
        assertEquals(Verdict.NO_SIGNIFICANT_CHANGE, near.verdict(), near.toString());
        assertEquals("the interval does not clear the threshold", near.note());
    }

    @Test
    void fortyPercentLessIsAnImprovementAndATenthMoreIsBelowTheThreshold() {
        double[] a = Sides.framesAr1(3, 50_000, LEVEL, 0.9, 400_000);
        assertEquals(Verdict.IMPROVEMENT, judgeFrame(a, Sides.framesAr1(4, 50_000, LEVEL * 0.6, 0.9, 240_000))
                .verdict());
        MetricComparison small = judgeFrame(a, Sides.framesAr1(5, 50_000, LEVEL * 1.10, 0.9, 440_000));
        assertEquals(Verdict.NO_SIGNIFICANT_CHANGE, small.verdict(), small.toString());
    }

    @Test
    void fewBatchesAreNotJudged() {
        MetricComparison m = judgeFrame(new double[] {1e6, 1e6, 1e6}, new double[] {3e6, 3e6, 3e6});
        assertEquals(Verdict.NOT_COMPARED, m.verdict());
        assertEquals("too few batches (3 < 5)", m.note());
    }

    @Test
    void aSubMillisecondSystemBelowTheSmallestChangeIsNotARegression() {
        double[] a = Sides.ar1(6, 50, 10_000, 0.5, 500);
        double[] b = Sides.ar1(7, 50, 20_000, 0.5, 500);
        Side base = Sides.side(Map.of("system.Tiny.frame", List.of(a)), Map.of());
        Side cur = Sides.side(Map.of("system.Tiny.frame", List.of(b)), Map.of());
        MetricComparison m = RegressionJudge.judge(base, cur, Budgets.defaults()).metrics().get(0);
        assertEquals(Verdict.NO_SIGNIFICANT_CHANGE, m.verdict(), m.toString());
        assertEquals("below the smallest change that counts (0.05 ms)", m.note());
    }

    @Test
    void memoryFortyPercentHigherIsARegressionTenPercentIsNot() {
        Side base = Sides.side(Map.of("memory.native.peak", List.of(new double[] {100e6})), Map.of());
        Side more = Sides.side(Map.of("memory.native.peak", List.of(new double[] {140e6})), Map.of());
        Side bit = Sides.side(Map.of("memory.native.peak", List.of(new double[] {110e6})), Map.of());
        MetricComparison m = RegressionJudge.judge(base, more, Budgets.defaults()).metrics().get(0);
        assertEquals(Verdict.REGRESSION, m.verdict(), m.toString());
        assertEquals(40.0, m.deltaPercent(), 1e-9);
        assertEquals(30.0, m.thresholdPercent());
        assertEquals(Verdict.NO_SIGNIFICANT_CHANGE,
                RegressionJudge.judge(base, bit, Budgets.defaults()).metrics().get(0).verdict());
    }

    @Test
    void aPerRunMetricMissingFromSomeRunsIsNotCompared() {
        // heap after GC: only one run of three had a GC on each side
        double[] peak = {100e6};
        Side base = Sides.side(Map.of("memory.native.peak", List.of(peak, peak, peak),
                "memory.heap.after-gc", List.of(new double[] {7.26e6})), Map.of());
        Side cur = Sides.side(Map.of("memory.native.peak", List.of(peak, peak, peak),
                "memory.heap.after-gc", List.of(new double[] {10.5e6})), Map.of());
        Comparison c = RegressionJudge.judge(base, cur, Budgets.defaults());
        MetricComparison heap = c.metrics().stream().filter(m -> m.metric().equals("memory.heap.after-gc")).findFirst().orElseThrow();
        assertEquals(Verdict.NOT_COMPARED, heap.verdict(), heap.toString());
        assertEquals("not in every run (baseline 1 of 3, current 1 of 3)", heap.note());
        MetricComparison native_ = c.metrics().stream().filter(m -> m.metric().equals("memory.native.peak")).findFirst().orElseThrow();
        assertEquals(Verdict.NO_SIGNIFICANT_CHANGE, native_.verdict());
        assertFalse(c.regressed());
    }

    @Test
    void severalRunsASideWidenTheIntervalByTheSpreadBetweenRuns() {
        // within each run the batches agree; the runs of one build differ by 30%
        List<double[]> base = List.of(Sides.ar1(8, 30, LEVEL, 0.5, 50_000), Sides.ar1(9, 30, LEVEL * 1.3, 0.5, 50_000));
        List<double[]> cur = List.of(Sides.ar1(10, 30, LEVEL * 1.3, 0.5, 50_000), Sides.ar1(11, 30, LEVEL * 1.6, 0.5,
                50_000));
        Side b = Sides.side(Map.of("frame.time", base), Map.of());
        Side c = Sides.side(Map.of("frame.time", cur), Map.of());
        MetricComparison m = RegressionJudge.judge(b, c, Budgets.defaults()).metrics().get(0);
        assertTrue(m.ciLowPercent() <= 0, "run spread reaches the interval: " + m);
        assertFalse(m.verdict() == Verdict.REGRESSION, m.toString());
    }

    @Test
    void aBudgetViolatedOnlyNowIsARegression() {
        double[] v = Sides.ar1(12, 20, LEVEL, 0.5, 10_000);
        Side base = Sides.side(Map.of("frame.time", List.of(v)), Map.of("group.A", List.of("OK"), "group.B",
                List.of("VIOLATED")));
        Side cur = Sides.side(Map.of("frame.time", List.of(v)), Map.of("group.A", List.of("VIOLATED"), "group.B",
                List.of("VIOLATED")));
        Comparison c = RegressionJudge.judge(base, cur, Budgets.defaults());
        assertTrue(c.regressed());
        assertEquals(List.of("group.A"), c.newlyViolated().stream().map(x -> x.id()).toList());
    }

    @Test
    void aBudgetViolatedInSomeRunsOfEachSideIsNotNewlyViolated() {
        // a budget the game runs close to: violated in one baseline run, two current runs
        double[] v = Sides.ar1(13, 20, LEVEL, 0.5, 10_000);
        List<double[]> runs = List.of(v, v, v);
        Side base = Sides.side(Map.of("frame.time", runs), Map.of("group.A", List.of("OK", "VIOLATED", "OK"),
                "group.B", List.of("OK", "OK", "OK")));
        Side cur = Sides.side(Map.of("frame.time", runs), Map.of("group.A", List.of("VIOLATED", "VIOLATED", "OK"),
                "group.B", List.of("VIOLATED", "VIOLATED", "VIOLATED")));
        Comparison c = RegressionJudge.judge(base, cur, Budgets.defaults());
        assertEquals(List.of("group.B"), c.newlyViolated().stream().map(x -> x.id()).toList());
    }

    @Test
    void thresholdsComeFromTheBudgetFile() throws Exception {
        Budgets b = Budgets.parse("t", new StringReader("regression.frame.p95 = 50%\n"
                + "regression.memory.native.peak = 5%\n"));
        assertEquals(50.0, RegressionJudge.threshold(b, "frame.time"));
        assertEquals(5.0, RegressionJudge.threshold(b, "memory.native.peak"));
        assertEquals(MetricKind.SUB_FRAME_THRESHOLD_PERCENT, RegressionJudge.threshold(b, "system.X.call"));
        assertEquals(10.0, RegressionJudge.threshold(b, "group.X.frame"));
        double[] a = Sides.framesAr1(1, 50_000, LEVEL, 0.9, 400_000);
        double[] c = Sides.framesAr1(2, 50_000, LEVEL * 1.4, 0.9, 400_000 * 1.4);
        Comparison judged = RegressionJudge.judge(Sides.side(Map.of("frame.time", List.of(a)), Map.of()),
                Sides.side(Map.of("frame.time", List.of(c)), Map.of()), b);
        assertEquals(Verdict.NO_SIGNIFICANT_CHANGE, judged.metrics().get(0).verdict());
    }

    @Test
    void aMachineBusierWithOtherProcessesOnOneSideIsAWarning() {
        Side quiet = Sides.side(Map.of("machine.other-cpu", List.of(new double[] {0.05})), Map.of());
        Side busy = Sides.side(Map.of("machine.other-cpu", List.of(new double[] {0.45})), Map.of());
        Side alike = Sides.side(Map.of("machine.other-cpu", List.of(new double[] {0.12})), Map.of());
        Comparison c = RegressionJudge.judge(quiet, busy, Budgets.defaults());
        assertEquals(List.of("other processes used 45% of the machine's CPU during the current run(s) and 5% during"
                + " the baseline; timings may not be comparable"), c.warnings());
        assertEquals(Verdict.CHANGED, c.metrics().get(0).verdict());
        assertFalse(c.regressed());
        assertEquals(List.of(), RegressionJudge.judge(quiet, alike, Budgets.defaults()).warnings());
    }

    @Test
    void budgetsJudgedAgainstAnotherFileAreAWarning() {
        Side b = Sides.side(Map.of(), Map.of());
        Side c = new Side(List.of("x.jfr"), 1, 1000, Sides.ENV, List.of(), List.of(), List.of(), "strict.budgets", 5,
                "", "");
        assertEquals(List.of("the baseline's budgets were judged against 'default.budgets', the current runs' against"
                + " 'strict.budgets'"), RegressionJudge.judge(b, c, Budgets.defaults()).warnings());
    }

    @Test
    void differentEnvironmentsAreAWarning() {
        Side b = Sides.side(Map.of(), Map.of());
        Side c = new Side(List.of("x.jfr"), 1, 1000, new io.puredots.analyzer.model.compare.Environment("21.0.1",
                "", "", 8, 16, "", "", "G1New/G1Old", 1L << 30), List.of(), List.of(), List.of(), "default.budgets", 5,
                "", "");
        Comparison judged = RegressionJudge.judge(b, c, Budgets.defaults());
        assertEquals(List.of("the environments differ (baseline vs current): JDK '17.0.15+6' vs '21.0.1'; cores 2/2 vs"
                + " 8/16 (cores/hardware threads); timings may not be comparable"), judged.warnings());
    }
}
