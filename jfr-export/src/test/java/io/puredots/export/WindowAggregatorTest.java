package io.puredots.export;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WindowAggregatorTest {
    static final long S = 1_000_000_000L;
    static final long T0 = 1_700_000_000L * S;

    static final class Collect implements PointWriter {
        final List<Point> points = new ArrayList<>();

        @Override
        public void write(Point p) {
            points.add(p);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void secondWindowsMatchAnExactReference() {
        Collect out = new Collect();
        WindowAggregator w = new WindowAggregator(Resolution.SECONDS_1, out);
        Random rnd = new Random(7);
        long[] values = new long[1000];
        String[] tags = Point.tags("level", "group", "group", "G");
        for (int i = 0; i < values.length; i++) {
            values[i] = 1_000_000 + rnd.nextInt(9_000_000);
            long ts = T0 + i * (S / 1000); // all in the first second
            w.sample(Metric.FRAME_TIME, ts, i, tags, values[i]);
            w.advance(ts + values[i]);
        }
        w.finish();
        assertEquals(1, out.points.size());
        Point p = out.points.get(0);
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(values).average().orElseThrow() / 1e6;
        assertEquals(T0, p.timestampNanos());
        assertEquals(mean, p.number(p.field("mean")), 1e-9);
        assertEquals(sorted[sorted.length - 1] / 1e6, p.number(p.field("max")), 0);
        assertEquals(1000, (long) p.number(p.field("count")));
        double exactP95 = sorted[(int) Math.ceil(0.95 * sorted.length) - 1] / 1e6;
        assertEquals(exactP95, p.number(p.field("p95")), exactP95 * 0.001); // HdrHistogram, 3 significant digits
    }

    @Test
    void windowIsWrittenOnceTheStreamIsPastItAndLateSamplesAreCounted() {
        Collect out = new Collect();
        WindowAggregator w = new WindowAggregator(Resolution.SECONDS_1, out);
        String[] tags = Point.tags("registry", "R");
        w.sample(Metric.REGISTRY_UPDATE_TIME, T0 + 10, 0, tags, 1000);
        w.advance(T0 + 1010);
        w.advance(T0 + S + WindowAggregator.LAG_NANOS - 1);
        assertEquals(0, out.points.size());
        w.advance(T0 + S + WindowAggregator.LAG_NANOS);
        assertEquals(2, out.points.size()); // the window and its update frequency
        assertEquals("registry_update_frequency", out.points.get(1).metric());
        assertEquals(1.0, out.points.get(1).number(0)); // one update in one second
        w.sample(Metric.REGISTRY_UPDATE_TIME, T0 + 20, 0, tags, 1000);
        assertEquals(1, w.late());
        w.finish();
        assertEquals(2, out.points.size());
    }

    @Test
    void busyTimeIsSplitAcrossWindowBoundaries() {
        Collect out = new Collect();
        WindowAggregator w = new WindowAggregator(Resolution.SECONDS_1, out);
        w.busy("worker-1", 0, T0 + S / 2, T0 + 2 * S); // half of window 0, all of window 1
        w.finish();
        assertEquals(2, out.points.size());
        assertEquals(50.0, out.points.get(0).number(0), 1e-9);
        assertEquals(T0, out.points.get(0).timestampNanos());
        assertEquals(100.0, out.points.get(1).number(0), 1e-9);
        assertEquals("worker-1", out.points.get(1).tag("worker"));
    }

    @Test
    void sampledMetricsPassThroughUnaggregated() {
        Collect out = new Collect();
        WindowAggregator w = new WindowAggregator(Resolution.SECONDS_10, out);
        w.sample(Metric.ENTITY_COUNT, T0 + 5, -1, Point.tags("archetype", "A"), 7);
        assertEquals(1, out.points.size());
        assertEquals("entity_count,archetype=A value=7i " + (T0 + 5), LineProtocol.line(out.points.get(0)));
    }

    @Test
    void frameWindowsJoinByTickAndUseTheFrameStart() {
        Collect out = new Collect();
        WindowAggregator w = new WindowAggregator(Resolution.FRAME, out);
        String[] job = Point.tags("job", "J", "worker", "w");
        for (long tick = 0; tick < 5; tick++) {
            long start = T0 + tick * 16_000_000;
            w.sample(Metric.JOB_RUN_TIME, start + 100, tick, job, 2_000_000);
            w.sample(Metric.JOB_RUN_TIME, start + 200, tick, job, 4_000_000);
            w.busy("w", tick, start + 100, start + 100 + 6_000_000);
            w.frame(tick, start, start + 12_000_000);
        }
        // ticks 0..2 are written when frame 4 ends; 3 and 4 stay open for stragglers
        assertTrue(out.points.size() >= 6, out.points.toString());
        w.finish();
        List<Point> jobs = out.points.stream().filter(p -> p.metric().equals("job_run_time")).toList();
        assertEquals(5, jobs.size());
        assertEquals(T0 + 16_000_000, jobs.get(1).timestampNanos());
        assertEquals(3.0, jobs.get(1).number(jobs.get(1).field("mean")), 1e-9);
        assertEquals(2, (long) jobs.get(1).number(jobs.get(1).field("count")));
        Point util = out.points.stream().filter(p -> p.metric().equals("worker_utilization")).findFirst().orElseThrow();
        assertEquals(50.0, util.number(0), 1e-9);
    }
}
