package io.puredots.analyzer.stats;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TickSeriesTest {
    private static final long LIMIT = 100;

    @Test
    void sumsValuesOfOneTickBeforeJudgingIt() {
        TickSeries s = new TickSeries(LIMIT);
        s.add(1, 60);
        s.add(1, 60);   // tick 1: 120, over
        s.add(2, 50);   // tick 2: 50
        s.add(3, 101);  // over
        s.add(4, 101);  // over
        s.finish();
        assertEquals(3, s.overCount());
        assertEquals(2, s.longestOverRun());
        assertEquals(4, s.perTick().count());
        assertEquals(120, s.perTick().max());
    }

    @Test
    void tickMissingBreaksTheStreak() {
        TickSeries s = new TickSeries(LIMIT);
        s.add(1, 200);
        s.add(2, 200);
        s.add(4, 200);
        s.finish();
        assertEquals(2, s.longestOverRun());
    }

    @Test
    void tickSplitAcrossChunksIsOneTick() {
        TickSeries a = new TickSeries(LIMIT);
        a.add(7, 10);
        a.add(8, 60);
        TickSeries b = new TickSeries(LIMIT);
        b.add(8, 60);   // same tick as a's last: 120 in total, over
        b.add(9, 10);
        a.merge(b);
        a.finish();
        assertEquals(3, a.perTick().count());
        assertEquals(1, a.overCount());
        assertEquals(120, a.perTick().max());
    }

    private static TickSeries shuffled(List<long[]> values, Random rnd) {
        List<long[]> copy = new ArrayList<>(values);
        java.util.Collections.shuffle(copy, rnd);
        TickSeries s = new TickSeries(LIMIT);
        for (long[] v : copy) {
            s.add(v[0], v[1]);
        }
        return s;
    }

    @Test
    void ticksInAnyOrderWithinAChunk() {
        TickSeries s = new TickSeries(LIMIT);
        s.add(3, 200);
        s.add(1, 200);
        s.add(2, 200);
        s.add(0, 1);
        s.finish();
        assertEquals(3, s.longestOverRun());
        assertEquals(4, s.perTick().count());
    }

    /** Any split of a tick-ordered sequence into chunks, in any order within each chunk, gives the result of no split. */
    @RepeatedTest(200)
    void mergingRandomSplitsEqualsBruteForce(org.junit.jupiter.api.RepetitionInfo info) {
        Random rnd = new Random(info.getCurrentRepetition());
        List<long[]> values = new ArrayList<>();
        long tick = rnd.nextInt(3);
        int n = 1 + rnd.nextInt(60);
        for (int i = 0; i < n; i++) {
            int r = rnd.nextInt(10);
            if (r < 6) {
                tick += 1;
            } else if (r < 7) {
                tick += 2 + rnd.nextInt(3);
            } // else same tick again
            values.add(new long[] {tick, rnd.nextInt(3) == 0 ? 30 + rnd.nextInt(100) : rnd.nextInt(60)});
        }
        TreeMap<Long, Long> perTick = new TreeMap<>();
        for (long[] v : values) {
            perTick.merge(v[0], v[1], Long::sum);
        }
        long over = perTick.values().stream().filter(v -> v > LIMIT).count();
        long best = 0;
        long run = 0;
        long prev = Long.MIN_VALUE;
        for (var e : perTick.entrySet()) {
            run = e.getValue() > LIMIT ? (run > 0 && e.getKey() == prev + 1 ? run + 1 : 1) : 0;
            best = Math.max(best, run);
            prev = e.getKey();
        }

        // split into chunks (a boundary may fall inside a tick), shuffle the order within each chunk
        TickSeries total = new TickSeries(LIMIT);
        List<long[]> chunk = new ArrayList<>();
        for (long[] v : values) {
            if (rnd.nextInt(5) == 0) {
                total.merge(shuffled(chunk, rnd));
                chunk.clear();
            }
            chunk.add(v);
        }
        total.merge(shuffled(chunk, rnd));
        total.finish();
        assertEquals(perTick.size(), total.perTick().count(), "ticks");
        assertEquals(perTick.values().stream().mapToLong(Long::longValue).sum(), total.perTick().sum(), "sum");
        assertEquals(over, total.overCount(), "over");
        assertEquals(best, total.longestOverRun(), "longest run");
    }
}
