package io.puredots.analyzer.stats.timeline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PendingRunsTest {

    private static List<Long> starts(PendingRuns p, PendingRuns.Tick t) {
        List<Long> out = new ArrayList<>();
        p.forEach(t, (thread, job, batch, start, duration) -> out.add(start));
        return out;
    }

    @Test
    void keepsEachTicksRunsInOrderThroughCompaction() {
        PendingRuns p = new PendingRuns();
        Map<Long, List<Long>> expected = new HashMap<>();
        // ticks 0..999 get three runs each, interleaved; every tick but each tenth is removed two
        // ticks later, so the arrays fill with garbage and are compacted many times
        for (long tick = 0; tick < 1_000; tick++) {
            for (int k = 0; k < 3; k++) {
                p.add(p.tick(tick), "w", "J", k, tick * 10 + k, 1, 100);
                expected.computeIfAbsent(tick, x -> new ArrayList<>()).add(tick * 10 + k);
                if (tick > 0) {
                    p.add(p.tick(tick - 1), "w", "J", 9, (tick - 1) * 10 + 5 + k, 1, 100);
                    expected.get(tick - 1).add((tick - 1) * 10 + 5 + k);
                }
            }
            if (tick >= 2 && (tick - 2) % 10 != 0) {
                p.remove(tick - 2);
                expected.remove(tick - 2);
            }
        }
        int live = 0;
        for (Map.Entry<Long, List<Long>> e : expected.entrySet()) {
            assertEquals(e.getValue(), starts(p, p.tick(e.getKey())), "tick " + e.getKey());
            live += e.getValue().size();
        }
        assertEquals(live, p.live());
        assertTrue(live < 1_000, live + " live runs");
    }

    @Test
    void countsRunsBeyondTheCapAndAfterEviction() {
        PendingRuns p = new PendingRuns();
        for (int i = 0; i < 5; i++) {
            p.add(p.tick(7), "w", "J", i, i, 1, 3);
        }
        p.add(p.tick(9), "w", "J", 0, 90, 1, 3);
        assertEquals(4, p.live());
        PendingRuns.Tick seven = p.tick(7);
        assertEquals(3, seven.count());
        assertEquals(2, seven.dropped);

        p.evictLowest();
        assertEquals(1, p.live());
        assertEquals(5, seven.dropped);
        p.add(seven, "w", "J", 0, 8, 1, 3);
        assertEquals(6, seven.dropped);
        assertEquals(List.of(), starts(p, seven));
        assertEquals(List.of(90L), starts(p, p.remove(9)));
        assertNull(p.remove(9));
        assertEquals(0, p.live());
    }
}
