package io.puredots.analyzer.stats;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatestSumTest {

    @Test
    void totalIsTheSumOfEachKeysLatestSample() {
        LatestSum s = new LatestSum();
        s.add("a", 10, 1);
        s.add("b", 5, 1);    // 15
        s.add("a", 1, 1);    // 6
        s.add("b", 20, 2);   // 21
        s.add("a", 2, 2);    // 22
        assertEquals(22, s.peak0());
        assertEquals(22, s.last0());
        assertEquals(4, s.last1());
        assertEquals(5, s.samples());
    }

    @Test
    void keysNotYetSeenInAChunkKeepTheirEarlierValue() {
        LatestSum total = new LatestSum();
        LatestSum a = new LatestSum();
        a.add("a", 100, 0);
        a.add("b", 100, 0);          // 200
        LatestSum b = new LatestSum();
        b.add("a", 150, 0);          // 150 + b's 100 from chunk a = 250
        b.add("b", 1, 0);            // 151
        total.merge(a);
        total.merge(b);
        assertEquals(250, total.peak0());
        assertEquals(151, total.last0());
    }

    @RepeatedTest(300)
    void mergingRandomSplitsEqualsBruteForce(RepetitionInfo info) {
        Random rnd = new Random(info.getCurrentRepetition());
        String[] keys = {"a", "b", "c", "d"};
        int n = 1 + rnd.nextInt(50);
        String[] k = new String[n];
        long[] v = new long[n];
        Map<String, Long> latest = new HashMap<>();
        long peak = Long.MIN_VALUE;
        long last = 0;
        for (int i = 0; i < n; i++) {
            k[i] = keys[rnd.nextInt(keys.length)];
            v[i] = rnd.nextInt(1000);
            latest.put(k[i], v[i]);
            last = latest.values().stream().mapToLong(Long::longValue).sum();
            peak = Math.max(peak, last);
        }
        LatestSum total = new LatestSum();
        LatestSum chunk = new LatestSum();
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(4) == 0) {
                total.merge(chunk);
                chunk = new LatestSum();
            }
            chunk.add(k[i], v[i], 3 * v[i]);
        }
        total.merge(chunk);
        assertEquals(peak, total.peak0(), "peak");
        assertEquals(3 * peak, total.peak1(), "peak of the second value");
        assertEquals(last, total.last0(), "last");
        assertEquals(n, total.samples(), "samples");
    }
}
