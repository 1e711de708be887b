package io.puredots.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puredots.budgets.Budgets;
import io.puredots.sim.memory.NativeAllocator;
import io.puredots.sim.systems.VillagerColumns;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SimulationTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private static RunSummary run(SimConfig c) {
        try (Simulation s = new Simulation(c)) {
            return s.run();
        }
    }

    private static SimConfig.Builder base() {
        return SimConfig.builder().entities(6000).ticks(160).seed(42).scenario(Scenario.SPIKES).log(QUIET);
    }

    @Test
    void checksumIsTheSameWithOneAndThreeWorkers() {
        RunSummary one = run(base().workers(1).build());
        RunSummary three = run(base().workers(3).build());
        assertEquals(one.checksum(), three.checksum());
        assertEquals(one.entities(), three.entities());
        assertEquals(160, one.ticks());
    }

    @Test
    void checksumDependsOnSeedAndTicks() {
        long a = run(base().workers(2).ticks(40).build()).checksum();
        long b = run(base().workers(2).ticks(40).seed(43).build()).checksum();
        long c = run(base().workers(2).ticks(41).build()).checksum();
        assertNotEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void villagersGatherAndSpikesChangeTheWorld() {
        try (Simulation s = new Simulation(base().workers(2).build())) {
            int start = s.context().villagers.count();
            long miraclesSeen = 0;
            int maxEntities = start;
            long[] states = new long[5];
            for (int i = 0; i < 160; i++) {
                s.tick();
                miraclesSeen += s.context().miracles.count();
                maxEntities = Math.max(maxEntities, s.context().villagers.count());
                for (int r = 0; r < s.context().villagers.count(); r++) {
                    states[s.context().villagers.getInt(r, VillagerColumns.STATE)]++;
                }
            }
            double delivered = 0;
            for (double d : s.context().stockpile) {
                delivered += d;
            }
            assertTrue(delivered > 0, "villagers delivered resources");
            assertTrue(miraclesSeen > 0, "miracles appeared");
            assertEquals(start + 6000 / 20, maxEntities, "the mass spawn added villagers, 1/20 of the initial entities");
            for (int st = VillagerColumns.SEEK; st <= VillagerColumns.REST; st++) {
                assertTrue(states[st] > 0, "some villager was in state " + st);
            }
            assertTrue(s.context().resourceRegistry.totalUpdates() > 0);
            assertTrue(s.context().villagerRegistry.totalAdds() >= 6000 - 6000 / 5);
        }
    }

    @Test
    void allocatorMatchesDirectPoolDuringARunAndIsEmptyAfter() {
        long before = NativeAllocator.directPoolBytes();
        Simulation s = new Simulation(base().workers(2).ticks(20).build());
        try {
            s.run();
            assertEquals(s.allocator().bytesReserved(), NativeAllocator.directPoolBytes() - before);
            long sum = 0;
            for (NativeAllocator.Usage u : s.allocator().usage()) {
                sum += u.bytesReserved();
            }
            assertEquals(s.allocator().bytesReserved(), sum);
        } finally {
            s.close();
        }
        assertEquals(0, s.allocator().bytesReserved());
        assertEquals(before, NativeAllocator.directPoolBytes());
    }

    @Test
    void pausesOnCriticalBreachWhenConfigured() throws Exception {
        Budgets tiny = Budgets.parse("tiny", new StringReader("memory.native.per-entity = 1 B\ncritical.ratio = 2\n"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(log, true, StandardCharsets.UTF_8);
        RunSummary paused = run(base().workers(1).ticks(50).budgets(tiny).pauseOnCritical(true).log(ps).build());
        assertTrue(paused.paused());
        assertEquals(1, paused.ticks(), "paused after the first frame's monitor");
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("budget memory.native.per-entity exceeded"), log.toString());
        RunSummary notPaused = run(base().workers(1).ticks(5).budgets(tiny).log(QUIET).build());
        assertEquals(5, notPaused.ticks());
        assertEquals(1, notPaused.violations());
    }

    @Test
    void slowdownKeepsTheChecksum() {
        long plain = run(base().workers(1).ticks(30).build()).checksum();
        long slowed = run(base().workers(1).ticks(30).slowdown("VillagerAISystem", 200).build()).checksum();
        assertEquals(plain, slowed);
    }
}
