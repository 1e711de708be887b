package io.puredots.analyzer.stats.timeline;

import io.puredots.analyzer.model.timeline.MemorySeries.Point;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeBucketsTest {

    @Test
    void keepsTheFirstTimeTheExtremesAndTheLatestSamplePerBucket() {
        TimeBuckets b = new TimeBuckets(2);
        b.add(1_003, 7);
        b.add(1_000, 5);
        b.add(1_001, 9);
        b.add(1_100, 1); // the span outgrows two buckets of 1 ns, ..., until buckets of 64 ns fit it
        b.add(1_101, 4);
        assertEquals(List.of(new Point(0, 5, 9, 7), new Point(100, 1, 4, 4)), b.points(1_000));
    }

    @Test
    void ofEqualTimesTheLaterChunkIsTheLatest() {
        TimeBuckets total = new TimeBuckets(4);
        TimeBuckets a = new TimeBuckets(4);
        a.add(10, 1);
        TimeBuckets b = new TimeBuckets(4);
        b.add(10, 2);
        total.merge(a);
        total.merge(b);
        assertEquals(List.of(new Point(10, 1, 2, 2)), total.points(0));
    }

    @Test
    void chunksInAnyOrderWithinGiveTheBucketsOfOnePass() {
        Random r = new Random(3);
        List<long[]> samples = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            samples.add(new long[] {1_700_000_000_000_000_000L + i * 333_333L + r.nextInt(1000), r.nextInt(1 << 20)});
        }
        TimeBuckets single = new TimeBuckets(500);
        samples.forEach(s -> single.add(s[0], s[1]));
        TimeBuckets total = new TimeBuckets(500);
        for (int c = 0; c < 4; c++) {
            List<long[]> chunk = new ArrayList<>(samples.subList(c * 5_000, (c + 1) * 5_000));
            Collections.shuffle(chunk, r);
            TimeBuckets partial = new TimeBuckets(500);
            chunk.forEach(s -> partial.add(s[0], s[1]));
            total.merge(partial);
        }
        List<Point> points = single.points(0);
        assertEquals(points, total.points(0));
        assertTrue(points.size() <= 500 && points.size() > 250, points.size() + " points");
        assertEquals(samples.stream().mapToLong(s -> s[1]).max().orElseThrow(),
                points.stream().mapToLong(Point::max).max().orElseThrow());
    }
}
