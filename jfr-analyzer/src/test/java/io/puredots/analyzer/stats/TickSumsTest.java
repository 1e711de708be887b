package io.puredots.analyzer.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link TickSums} against a sorted map of sums, on dense, shuffled and sparse ticks. */
class TickSumsTest {

    private static void check(long[] ticks, long[] values) {
        TickSums dense = new TickSums();
        Map<Long, Long> map = new TreeMap<>();
        for (int i = 0; i < ticks.length; i++) {
            dense.add(ticks[i], values[i]);
            map.merge(ticks[i], values[i], Long::sum);
        }
        List<Long> k = new ArrayList<>();
        List<Long> s = new ArrayList<>();
        dense.forEach((t, sum) -> {
            k.add(t);
            s.add(sum);
        });
        assertEquals(map.size(), dense.size());
        assertArrayEquals(map.keySet().stream().mapToLong(Long::longValue).toArray(),
                k.stream().mapToLong(Long::longValue).toArray());
        assertArrayEquals(map.values().stream().mapToLong(Long::longValue).toArray(),
                s.stream().mapToLong(Long::longValue).toArray());
    }

    @Test
    void denseTicksInAnyOrderSumLikeAMap() {
        Random r = new Random(7);
        int n = 50_000;
        long[] ticks = new long[n];
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            // mostly ascending from 10^9, some ticks arriving late, some values 0
            ticks[i] = 1_000_000_000L + i / 3 - (r.nextInt(10) == 0 ? r.nextInt(500) : 0);
            values[i] = r.nextInt(4) == 0 ? 0 : r.nextInt(1000);
        }
        check(ticks, values);
    }

    @Test
    void descendingTicksGrowDownwards() {
        int n = 10_000;
        long[] ticks = new long[n];
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            ticks[i] = 5000 - i;
            values[i] = i;
        }
        check(ticks, values);
    }

    @Test
    void sparseTicksFallBackToAMap() {
        check(new long[] {5, 1L << 40, -3, 5, Long.MAX_VALUE, -(1L << 50), 6, 1L << 40},
                new long[] {1, 2, 3, 4, 5, 6, 7, 8});
    }

    @Test
    void aTickWhoseValuesSumToZeroIsStillATick() {
        check(new long[] {3, 3, 4}, new long[] {0, 0, 0});
    }
}
