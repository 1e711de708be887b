package io.puredots.analyzer.output.compare;

import io.puredots.analyzer.compare.SideBuilder;
import io.puredots.analyzer.model.compare.BudgetState;
import io.puredots.analyzer.model.compare.MetricRun;
import io.puredots.analyzer.model.compare.Side;
import io.puredots.analyzer.model.compare.SideMetric;
import io.puredots.analyzer.stats.RunSampler;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselineJsonTest {

    /** One run of {@code frames} frames, 8 groups of 4 systems each, noisy times, through the real sampler. */
    private static List<MetricRun> soak(long seed, int frames) {
        RunSampler total = new RunSampler(1000);
        SplittableRandom r = new SplittableRandom(seed);
        RunSampler p = total.partial();
        for (int t = 0; t < frames; t++) {
            if (t % 10_000 == 0 && t > 0) {
                total.merge(p);
                p = total.partial();
            }
            for (int g = 0; g < 8; g++) {
                for (int s = 0; s < 4; s++) {
                    p.systemTick(0, 50_000 + r.nextInt(200_000), "System" + g + "_" + s, "Group" + g, t, 0);
                }
                p.systemGroupTick(0, 300_000 + r.nextInt(800_000), "Group" + g, t);
            }
            p.mainThreadWait(0, r.nextInt(100_000), 1, t, "System0_0");
            p.jobRun(0, r.nextInt(400_000), 2, "w", 0, "", 0, t, 0);
            p.frame(0, 8_000_000 + r.nextInt(8_000_000), t, 10_000);
        }
        total.merge(p);
        List<MetricRun> out = new ArrayList<>(total.metrics());
        out.add(new MetricRun("memory.native.peak", new double[] {1.5e8}, "", 1));
        return out;
    }

    private static Side side(int runs, int frames) {
        List<List<MetricRun>> perRun = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            perRun.add(soak(i, frames));
        }
        List<SideMetric> metrics = new ArrayList<>();
        for (int m = 0; m < perRun.get(0).size(); m++) {
            List<MetricRun> rs = new ArrayList<>();
            for (List<MetricRun> run : perRun) {
                rs.add(run.get(m));
            }
            metrics.add(SideBuilder.merge(rs.get(0).metric(), rs));
        }
        return new Side(List.of("a.jfr"), runs, 1000, io.puredots.analyzer.compare.Sides.ENV, List.of(), metrics,
                List.of(new BudgetState("frame", List.of("OK"), 3)), "default.budgets", 5, "abc1234",
                "2026-12-01T12:00:00Z");
    }

    @Test
    void aHundredThousandFrameSoakOfThreeRunsStaysUnderOneMegabyte() throws Exception {
        StringWriter out = new StringWriter();
        BaselineJson.write(side(3, 100_000), out);
        int bytes = out.toString().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 1 << 20, bytes + " bytes");
    }

    @Test
    void readBackItIsTheSameSide() throws Exception {
        Side s = side(2, 5_000);
        StringWriter out = new StringWriter();
        BaselineJson.write(s, out);
        Side back = BaselineJson.read("b.json", new StringReader(out.toString()));
        assertEquals(s.environment(), back.environment());
        assertEquals(s.budgets(), back.budgets());
        assertEquals("abc1234", back.commit());
        assertEquals(s.metrics().size(), back.metrics().size());
        for (int i = 0; i < s.metrics().size(); i++) {
            SideMetric a = s.metrics().get(i);
            SideMetric b = back.metrics().get(i);
            assertEquals(a.metric(), b.metric());
            assertEquals(a.summary(), b.summary());
            for (int r = 0; r < a.runs().size(); r++) {
                assertArrayEquals(a.runs().get(r), b.runs().get(r));
            }
        }
    }

    @Test
    void anotherSchemaIsRefusedInOneLine() {
        BaselineJson.BadBaselineException e = assertThrows(BaselineJson.BadBaselineException.class,
                () -> BaselineJson.read("old.json", new StringReader("{\"schema\": \"puredots-baseline/0\"}")));
        assertEquals("'old.json' has schema 'puredots-baseline/0'; this version reads only 'puredots-baseline/1':"
                + " write it again with jfr-analyzer baseline", e.getMessage());
        e = assertThrows(BaselineJson.BadBaselineException.class,
                () -> BaselineJson.read("r.json", new StringReader("{\"schema\": \"puredots-report/1\"}")));
        assertTrue(e.getMessage().startsWith("'r.json' has schema 'puredots-report/1'"), e.getMessage());
        e = assertThrows(BaselineJson.BadBaselineException.class,
                () -> BaselineJson.read("x.json", new StringReader("{\"metrics\": []}")));
        assertEquals("'x.json' is not a baseline: no \"schema\" (expected 'puredots-baseline/1')", e.getMessage());
        e = assertThrows(BaselineJson.BadBaselineException.class,
                () -> BaselineJson.read("t.json", new StringReader("{\"schema\": \"puredots-baseline/1\"")));
        assertTrue(e.getMessage().startsWith("'t.json' is not a baseline: not JSON (line "), e.getMessage());
        e = assertThrows(BaselineJson.BadBaselineException.class,
                () -> BaselineJson.read("m.json", new StringReader("{\"schema\": \"puredots-baseline/1\"}")));
        assertEquals("'m.json' is not a valid baseline: no \"environment\"", e.getMessage());
    }

    @Test
    void metricsLinesCarryTheKeysTrendReads() throws Exception {
        StringWriter out = new StringWriter();
        MetricsJsonl.write(side(1, 3_000), out);
        String first = out.toString().lines().findFirst().orElseThrow();
        assertTrue(first.matches("\\{\"schema\":\"puredots-metrics/1\",\"metric\":\"frame.time\",\"unit\":\"ms\","
                + "\"median\":[0-9.]+,\"p95\":[0-9.]+,\"p99\":[0-9.]+,\"mean\":[0-9.]+,\"runs\":1,\"samples\":3000}"),
                first);
        assertTrue(out.toString().contains("\"metric\":\"memory.native.peak\",\"unit\":\"B\",\"median\":1.5E8"),
                out.toString());
    }
}
