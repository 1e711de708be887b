package io.puredots.sim.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puredots.budgets.Budgets;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetMonitorTest {
    private static final long MS = 1_000_000L;
    private final List<BudgetMonitor.Violation> seen = new ArrayList<>();

    private BudgetMonitor monitor(String text) throws Exception {
        Budgets b = Budgets.parse("test.budgets", new StringReader(text));
        return new BudgetMonitor(b, List.of("AGroup", "BGroup"), List.of("SysA"), seen::add);
    }

    @Test
    void groupViolationFiresOnTheFirstFrameBeyondTheStreak() throws Exception {
        BudgetMonitor m = monitor("group.AGroup = 1 ms\nstreak.frames = 3\ncritical.ratio = 2\n");
        long t = 0;
        // over for exactly 3 frames, then under: no violation
        for (int i = 0; i < 3; i++) {
            m.checkFrame(t++, 2 * MS, new long[] {(long) (1.5 * MS), 0}, null);
        }
        m.checkFrame(t++, 1 * MS, new long[] {MS, 0}, null); // exactly at the limit is not over
        assertEquals(List.of(), seen);
        // over for 4 frames: fires on the 4th, once
        for (int i = 0; i < 3; i++) {
            m.checkFrame(t++, 2 * MS, new long[] {(long) (1.5 * MS), 0}, null);
            assertEquals(0, seen.size());
        }
        m.checkFrame(t++, 2 * MS, new long[] {(long) (1.5 * MS), 0}, null);
        assertEquals(1, seen.size());
        BudgetMonitor.Violation v = seen.get(0);
        assertEquals("group.AGroup", v.budgetId());
        assertEquals(4, v.consecutiveFrames());
        assertEquals("WARNING", v.severity());
        assertEquals("ms", v.unit());
        assertEquals(1.5, v.measured(), 1e-9);
        assertEquals(1.0, v.limit(), 1e-9);
        assertEquals(t - 1, v.tick());
        for (int i = 0; i < 10; i++) {
            m.checkFrame(t++, 2 * MS, new long[] {(long) (1.5 * MS), 0}, null);
        }
        assertEquals(1, seen.size(), "one report per streak");
        m.checkFrame(t++, 2 * MS, new long[] {0, 0}, null);
        for (int i = 0; i < 4; i++) {
            m.checkFrame(t++, 2 * MS, new long[] {3 * MS, 0}, null);
        }
        assertEquals(2, seen.size(), "a new streak reports again");
        assertEquals("CRITICAL", seen.get(1).severity(), "3 ms >= 2 x 1 ms");
        assertEquals(2, m.violationCount());
    }

    @Test
    void frameAndSystemBudgetsUseTheSameRule() throws Exception {
        BudgetMonitor m = monitor("frame = 10 ms\nsystem.SysA = 2 ms\nstreak.frames = 0\n");
        m.checkFrame(0, 9 * MS, new long[] {100 * MS, 0}, new long[] {MS});
        assertEquals(0, seen.size(), "groups without a budget are not judged");
        m.checkFrame(1, 11 * MS, new long[] {0, 0}, new long[] {3 * MS});
        assertEquals(2, seen.size());
        assertEquals("frame", seen.get(0).budgetId());
        assertEquals(1, seen.get(0).consecutiveFrames());
        assertEquals("system.SysA", seen.get(1).budgetId());
    }

    @Test
    void memoryViolationFiresWhenTheTierIsExceededOncePerExcursion() throws Exception {
        BudgetMonitor m = monitor("memory.native.at.1000 = 1 MB\nmemory.native.at.2000 = 3 MB\n"
                + "memory.native.per-entity = 2 KB\ncritical.ratio = 1.5\n");
        m.checkMemory(0, 1024 * 1024, 1000);
        assertEquals(0, seen.size(), "exactly at the budget is fine");
        m.checkMemory(1, 1024 * 1024 + 1, 1000);
        assertEquals(1, seen.size());
        assertEquals("memory.native.total", seen.get(0).budgetId());
        assertEquals("bytes", seen.get(0).unit());
        assertEquals("WARNING", seen.get(0).severity());
        m.checkMemory(2, 1024 * 1024 + 1, 1000);
        assertEquals(1, seen.size(), "still over: not reported again");
        m.checkMemory(3, 2 * 1024 * 1024, 1500);
        assertEquals(1, seen.size(), "1500 entities fall in the 3 MB tier, and 2 MB / 1500 < 2 KB");
        m.checkMemory(4, 3 * 1024 * 1024, 1000);
        assertEquals(3, seen.size(), "back over after going under: total and per entity");
        assertEquals("CRITICAL", seen.get(1).severity(), "3 MB >= 1.5 x 1 MB");
        assertEquals("memory.native.per-entity", seen.get(2).budgetId());
        assertEquals("bytes/entity", seen.get(2).unit());
        assertEquals(3.0 * 1024 * 1024 / 1000, seen.get(2).measured(), 1e-6);
        assertTrue(seen.get(2).critical(), "3145 B/entity >= 1.5 x 2048");
    }
}
