package io.puredots.analyzer.trend;

import io.puredots.analyzer.model.trend.ChangePoint;
import io.puredots.analyzer.model.trend.MetricTrend;
import io.puredots.analyzer.model.trend.Trend;
import io.puredots.analyzer.read.results.HarnessRun;
import io.puredots.analyzer.read.results.MetricLine;
import io.puredots.analyzer.stats.EDivisive;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrendJudgeTest {

    private static HarnessRun run(int i, List<String> gameArgs, MetricLine... metrics) {
        return new HarnessRun(Path.of("r" + i), Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i), "c" + i, "c" + i,
                false, "soak", gameArgs, List.of(metrics));
    }

    private static MetricLine line(String metric, double median) {
        return new MetricLine(metric, "ms", median, median * 2, median * 3, median * 4, 3, 100);
    }

    /** 0.5% alternating noise around 10, then 12 from {@code step} on. */
    private static double level(int i, int step) {
        return (i < step ? 10 : 12) * (1 + (i % 2 == 0 ? 0.005 : -0.005) * (1 + i % 3));
    }

    @Test
    void namesTheRunAtWhichAMetricShiftedWithMeansAroundIt() {
        List<HarnessRun> runs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            runs.add(run(i, List.of(), line("frame.time", level(i, 8)), line("system.Move.call", 1 + (i % 2) * 0.01)));
        }
        Trend t = TrendJudge.judge(runs, List.of(), TrendJudge.Statistic.MEDIAN, m -> true,
                EDivisive.Settings.DEFAULT, 0);

        MetricTrend frame = t.metrics().get(0);
        assertEquals("frame.time", frame.metric());
        assertEquals(1, frame.changePoints().size());
        ChangePoint c = frame.changePoints().get(0);
        assertEquals(9, c.run());
        assertEquals(10, c.before(), 0.05);
        assertEquals(12, c.after(), 0.05);
        assertEquals(20, c.changePercent(), 0.5);
        assertEquals(List.of(), t.metrics().get(1).changePoints());
        assertEquals(16, t.runs().size());
        assertEquals("c8", t.runs().get(c.run() - 1).commit());
    }

    @Test
    void judgesTheStatisticAskedFor() {
        List<HarnessRun> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runs.add(run(i, List.of(), line("frame.time", i)));
        }
        Trend t = TrendJudge.judge(runs, List.of(), TrendJudge.Statistic.P99, m -> true, EDivisive.Settings.DEFAULT, 0);
        assertEquals(List.of(0.0, 3.0, 6.0, 9.0, 12.0, 15.0), t.metrics().get(0).values());
        assertEquals("p99", t.statistic());
    }

    @Test
    void aMetricThatAppearsLaterIsJudgedOverTheRunsThatHaveIt() {
        List<HarnessRun> runs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            runs.add(i < 4 ? run(i, List.of(), line("frame.time", 10))
                    : run(i, List.of(), line("frame.time", 10), line("system.New.call", level(i, 12))));
        }
        Trend t = TrendJudge.judge(runs, List.of(), TrendJudge.Statistic.MEDIAN, m -> true,
                EDivisive.Settings.DEFAULT, 0);
        MetricTrend added = t.metrics().get(1);
        assertTrue(Double.isNaN(added.values().get(3)));
        assertEquals(List.of(13), added.changePoints().stream().map(ChangePoint::run).toList());
    }

    @Test
    void leavesOutShiftsSmallerThanMinChangeAndMetricsNotAskedFor() {
        List<HarnessRun> runs = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            runs.add(run(i, List.of(), line("frame.time", level(i, 8)), line("system.Move.call", 1)));
        }
        Trend t = TrendJudge.judge(runs, List.of("kept"), TrendJudge.Statistic.MEDIAN, "frame.time"::equals,
                EDivisive.Settings.DEFAULT, 25);
        assertEquals(List.of("frame.time"), t.metrics().stream().map(MetricTrend::metric).toList());
        assertEquals(0, t.changePointCount());
        assertEquals(List.of("kept"), t.warnings());
    }

    @Test
    void warnsWhenTheRunsDifferInTheGamesArguments() {
        List<HarnessRun> runs = List.of(run(0, List.of("--entities", "100"), line("frame.time", 1)),
                run(1, List.of("--entities", "200"), line("frame.time", 1)),
                run(2, List.of("--entities", "200"), line("frame.time", 1)));
        Trend t = TrendJudge.judge(runs, List.of(), TrendJudge.Statistic.MEDIAN, m -> true,
                EDivisive.Settings.DEFAULT, 0);
        assertEquals(List.of("the runs differ in the game's arguments: '--entities 100' (1 run), '--entities 200'"
                + " (2 runs); a shift may come from that (--scenario keeps one scenario)"), t.warnings());
    }
}
