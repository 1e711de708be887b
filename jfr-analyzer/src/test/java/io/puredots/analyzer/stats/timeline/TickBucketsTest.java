package io.puredots.analyzer.stats.timeline;

import io.puredots.analyzer.model.timeline.FrameBucket;
import io.puredots.analyzer.model.timeline.GroupSeries;
import io.puredots.analyzer.model.timeline.WorkerSeries;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TickBucketsTest {
    private static final long BUDGET = 16_000_000;

    @Test
    void aMillionFramesFitTheBucketsAndKeepTheirSpike() {
        TickBuckets b = new TickBuckets(2000, BUDGET);
        Random r = new Random(1);
        long globalMin = Long.MAX_VALUE;
        long over = 0;
        for (long tick = 0; tick < 1_000_000; tick++) {
            long d = tick == 777_777 ? 900_000_000 : 1_000_000 + r.nextInt(10_000_000);
            globalMin = Math.min(globalMin, d);
            over += d > BUDGET ? 1 : 0;
            b.frame(tick, tick * 16_000_000, d);
        }
        List<FrameBucket> f = b.frameBuckets(0);
        // 2^9 ticks per bucket: 1954 buckets; 2^8 would need 3907
        assertEquals(1954, f.size());
        assertEquals(1_000_000, f.stream().mapToLong(FrameBucket::frames).sum());
        assertTrue(f.stream().allMatch(x -> x.lastTick() - x.firstTick() < 512 && x.firstTick() % 512 == 0));
        FrameBucket spike = f.stream().max((x, y) -> Long.compare(x.maxNanos(), y.maxNanos())).orElseThrow();
        assertEquals(900_000_000, spike.maxNanos());
        assertEquals(777_777, spike.maxTick());
        assertEquals(over, f.stream().mapToLong(FrameBucket::overBudget).sum());
        assertEquals(globalMin, f.stream().mapToLong(FrameBucket::minNanos).min().orElseThrow());
    }

    @Test
    void groupsAndJobsJoinTheirFrameBucketByTick() {
        TickBuckets b = new TickBuckets(2, 0);
        // ticks 0..3 in two buckets of two ticks; events before and after their frame
        b.group("G", 3, 40);
        b.job("worker-1", 0, 5);
        for (long t = 0; t < 4; t++) {
            b.frame(t, 1000 + 100 * t, 100);
        }
        b.group("G", 0, 10);
        b.group("G", 1, 30);
        b.group("G", 2, 20);
        b.job("worker-1", 1, 15);
        b.job("worker-0", 2, 50);
        List<FrameBucket> f = b.frameBuckets(1000);
        assertEquals(List.of(new FrameBucket(0, 1, 2, 0, 200, 100, 100, 100.0, 0, 0),
                new FrameBucket(2, 3, 2, 200, 400, 100, 100, 100.0, 2, 0)), f);
        assertEquals(List.of(new GroupSeries("G", List.of(20.0, 30.0), List.of(30L, 40L))), b.groupSeries());
        assertEquals(List.of(new WorkerSeries("worker-0", List.of(0.0, 0.25)),
                new WorkerSeries("worker-1", List.of(0.1, 0.0))), b.workerSeries());
    }

    @Test
    void anySplitAndOrderGivesTheBucketsOfOnePass() {
        int ticks = 10_000;
        List<long[]> events = new ArrayList<>(); // {kind, tick, value}: 0 frame, 1 group, 2 job
        Random r = new Random(7);
        for (long t = 5; t < ticks + 5; t++) {
            events.add(new long[] {0, t, 1_000 + r.nextInt(50_000)});
            events.add(new long[] {1, t, r.nextInt(20_000)});
            events.add(new long[] {2, t, r.nextInt(9_000)});
        }
        TickBuckets single = new TickBuckets(300, 30_000);
        events.forEach(e -> feed(single, e));

        // three chunks, each in its own shuffled order; the second boundary splits a tick's events
        int[] cuts = {0, 4_000 * 3, 7_000 * 3 + 1, events.size()};
        TickBuckets total = new TickBuckets(300, 30_000);
        for (int c = 0; c < 3; c++) {
            List<long[]> chunk = new ArrayList<>(events.subList(cuts[c], cuts[c + 1]));
            Collections.shuffle(chunk, r);
            TickBuckets partial = new TickBuckets(300, 30_000);
            chunk.forEach(e -> feed(partial, e));
            total.merge(partial);
        }
        assertEquals(single.frameBuckets(0), total.frameBuckets(0));
        assertEquals(single.groupSeries(), total.groupSeries());
        assertEquals(single.workerSeries(), total.workerSeries());
        assertTrue(single.frameBuckets(0).size() <= 300);
    }

    private static void feed(TickBuckets b, long[] e) {
        switch ((int) e[0]) {
            case 0 -> b.frame(e[1], e[1] * 100_000, e[2]);
            case 1 -> b.group("G", e[1], e[2]);
            default -> b.job("w", e[1], e[2]);
        }
    }
}
