package io.puredots.analyzer.stats;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LongestOverRunTest {

    /**
     * {@link LongestOverRun#next} leaves the state {@link LongestOverRun#add} leaves: the same
     * longest run, alone, after a prefix, and before a suffix (which reads its first, last, lead
     * and trail).
     */
    @RepeatedTest(300)
    void nextIsAddWithoutBranches(RepetitionInfo info) {
        Random rnd = new Random(info.getCurrentRepetition());
        int n = 1 + rnd.nextInt(40);
        long[] ticks = new long[n];
        boolean[] over = new boolean[n];
        long tick = rnd.nextInt(5);
        int overPercent = rnd.nextInt(101);
        for (int i = 0; i < n; i++) {
            tick += rnd.nextInt(6) == 0 ? 2 + rnd.nextInt(3) : 1;
            ticks[i] = tick;
            over[i] = rnd.nextInt(100) < overPercent;
        }
        LongestOverRun added = new LongestOverRun();
        LongestOverRun nexted = new LongestOverRun();
        for (int i = 0; i < n; i++) {
            added.add(ticks[i], over[i]);
            if (i == 0) {
                nexted.add(ticks[i], over[i]);
            } else {
                nexted.next(ticks[i], over[i] ? 1 : 0);
            }
        }
        assertEquals(added.longest(), nexted.longest(), "alone");
        for (long gap = 1; gap <= 2; gap++) {
            assertEquals(withPrefix(added, ticks[0] - gap).longest(), withPrefix(nexted, ticks[0] - gap).longest(),
                    "after a prefix ending " + gap + " before");
            assertEquals(withSuffix(added, ticks[n - 1] + gap).longest(),
                    withSuffix(nexted, ticks[n - 1] + gap).longest(), "before a suffix starting " + gap + " after");
        }
    }

    private static LongestOverRun withPrefix(LongestOverRun r, long lastPrefixTick) {
        LongestOverRun p = new LongestOverRun();
        for (long t = lastPrefixTick - 3; t <= lastPrefixTick; t++) {
            p.add(t, true);
        }
        p.append(r);
        return p;
    }

    private static LongestOverRun withSuffix(LongestOverRun r, long firstSuffixTick) {
        LongestOverRun copy = new LongestOverRun();
        copy.append(r);
        LongestOverRun s = new LongestOverRun();
        for (long t = firstSuffixTick; t < firstSuffixTick + 4; t++) {
            s.add(t, true);
        }
        copy.append(s);
        return copy;
    }
}
