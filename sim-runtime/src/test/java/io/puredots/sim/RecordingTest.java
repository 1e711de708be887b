package io.puredots.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puredots.budgets.Budgets;
import io.puredots.events.EventNames;
import io.puredots.sim.systems.SystemGroup;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short run recorded in-process with puredots.jfc holds every catalog event, consistently. */
class RecordingTest {
    private static final int TICKS = 40;
    private static List<RecordedEvent> events;
    private static RunSummary summary;
    private static String testThread;

    @TempDir
    static Path dir;

    @BeforeAll
    static void record() throws Exception {
        Configuration jfc;
        try (Reader r = new InputStreamReader(
                RecordingTest.class.getResourceAsStream("/io/puredots/events/puredots.jfc"), StandardCharsets.UTF_8)) {
            jfc = Configuration.create(r);
        }
        // a group budget every frame exceeds, so that a Budget Violation is recorded
        Budgets budgets = Budgets.parse("test", new StringReader("group.TimeSystemGroup = 1 ns\nstreak.frames = 2\n"));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        testThread = Thread.currentThread().getName();
        Path file = dir.resolve("run.jfr");
        try (Recording rec = new Recording(jfc)) {
            rec.start();
            try (Simulation sim = new Simulation(SimConfig.builder().entities(4000).ticks(TICKS).workers(1)
                    .budgets(budgets).log(quiet).build())) {
                summary = sim.run();
            }
            rec.stop();
            rec.dump(file);
        }
        events = RecordingFile.readAllEvents(file);
        Files.delete(file);
    }

    private static List<RecordedEvent> of(String name) {
        List<RecordedEvent> out = new ArrayList<>();
        for (RecordedEvent e : events) {
            if (e.getEventType().getName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void holdsEveryCatalogEvent() {
        Set<String> names = new HashSet<>();
        for (RecordedEvent e : events) {
            names.add(e.getEventType().getName());
        }
        for (String n : EventNames.ALL) {
            assertTrue(names.contains(n), "recording holds " + n);
        }
    }

    @Test
    void oneFramePerTickNumberedFromZero() {
        List<RecordedEvent> frames = of(EventNames.FRAME);
        assertEquals(TICKS, frames.size());
        Set<Long> ticks = new HashSet<>();
        for (RecordedEvent f : frames) {
            ticks.add(f.getLong("tick"));
            assertTrue(f.getInt("entityCount") >= 4000 - 10);
        }
        for (long t = 0; t < TICKS; t++) {
            assertTrue(ticks.contains(t), "tick " + t);
        }
        assertEquals(TICKS, summary.ticks());
    }

    @Test
    void groupsFitInTheirFrameAndSystemsInTheirGroup() {
        Map<Long, RecordedEvent> frames = new HashMap<>();
        for (RecordedEvent f : of(EventNames.FRAME)) {
            frames.put(f.getLong("tick"), f);
        }
        Map<Long, List<RecordedEvent>> groupsByTick = new TreeMap<>();
        for (RecordedEvent g : of(EventNames.SYSTEM_GROUP_TICK)) {
            groupsByTick.computeIfAbsent(g.getLong("tick"), k -> new ArrayList<>()).add(g);
        }
        assertEquals(TICKS, groupsByTick.size());
        Map<String, RecordedEvent> groupKey = new HashMap<>();
        for (Map.Entry<Long, List<RecordedEvent>> e : groupsByTick.entrySet()) {
            RecordedEvent frame = frames.get(e.getKey());
            List<RecordedEvent> gs = e.getValue();
            gs.sort((a, b) -> a.getStartTime().compareTo(b.getStartTime()));
            List<String> order = new ArrayList<>();
            for (RecordedEvent g : gs) {
                order.add(g.getString("group"));
                assertInside(g, frame, "group in frame");
                groupKey.put(e.getKey() + "/" + g.getString("group"), g);
            }
            assertEquals(SystemGroup.ORDER, order, "groups in tick order at tick " + e.getKey());
        }
        List<RecordedEvent> systems = of(EventNames.SYSTEM_TICK);
        assertTrue(systems.size() >= TICKS * 20);
        for (RecordedEvent s : systems) {
            RecordedEvent g = groupKey.get(s.getLong("tick") + "/" + s.getString("group"));
            assertTrue(g != null, "system " + s.getString("system") + " has its group tick");
            assertInside(s, g, "system in group");
            assertFalse(s.getString("system").isEmpty());
        }
    }

    private static void assertInside(RecordedEvent inner, RecordedEvent outer, String what) {
        Instant is = inner.getStartTime();
        Instant ie = inner.getEndTime();
        assertFalse(is.isBefore(outer.getStartTime()), what + ": starts inside");
        assertFalse(ie.isAfter(outer.getEndTime()), what + ": ends inside");
    }

    @Test
    void jobEventsAgree() {
        Map<Long, RecordedEvent> scheduled = new HashMap<>();
        for (RecordedEvent s : of(EventNames.JOB_SCHEDULE)) {
            scheduled.put(s.getLong("jobId"), s);
            assertTrue(s.getInt("chainDepth") >= 0);
            assertTrue(s.getLong("tick") >= 0 && s.getLong("tick") < TICKS);
        }
        Set<String> threads = new HashSet<>();
        List<RecordedEvent> runs = of(EventNames.JOB_RUN);
        assertFalse(runs.isEmpty());
        for (RecordedEvent r : runs) {
            RecordedEvent s = scheduled.get(r.getLong("jobId"));
            assertTrue(s != null, "job run " + r.getLong("jobId") + " was scheduled");
            assertEquals(s.getString("jobName"), r.getString("jobName"));
            assertEquals(s.getLong("tick"), r.getLong("tick"));
            assertTrue(r.getInt("batchIndex") < s.getInt("batchCount"));
            assertTrue(r.getLong("queueWait") >= 0);
            threads.add(r.getThread().getJavaName());
        }
        for (String t : threads) {
            assertTrue(t.equals("puredots-worker-0") || t.equals(testThread), "job ran on " + t);
        }
        assertTrue(threads.contains("puredots-worker-0"));
        for (RecordedEvent w : of(EventNames.MAIN_THREAD_WAIT)) {
            assertEquals(testThread, w.getThread().getJavaName());
        }
    }

    @Test
    void registriesGridsAndSamplesHaveConsistentValues() {
        Map<String, Integer> perRegistry = new HashMap<>();
        for (RecordedEvent r : of(EventNames.REGISTRY_UPDATE)) {
            perRegistry.merge(r.getString("registry"), 1, Integer::sum);
            if (r.getLong("tick") == 0) {
                assertEquals(r.getInt("entryCount"), r.getInt("adds"), "first update adds every entry");
            }
        }
        assertEquals(Map.of("ResourceRegistry", TICKS, "VillagerRegistry", TICKS), perRegistry);
        List<RecordedEvent> grids = of(EventNames.SPATIAL_GRID_REBUILD);
        assertEquals(TICKS, grids.size());
        for (RecordedEvent g : grids) {
            assertEquals(4000, g.getInt("entityCount"));
            assertTrue(g.getInt("maxCellOccupancy") >= 1);
        }
        Set<String> archetypes = new HashSet<>();
        for (RecordedEvent c : of(EventNames.ENTITY_COUNT)) {
            archetypes.add(c.getString("archetype"));
        }
        assertEquals(Set.of("Villager", "Resource", "Miracle"), archetypes);
        Set<String> owners = new HashSet<>();
        for (RecordedEvent m : of(EventNames.NATIVE_MEMORY)) {
            owners.add(m.getString("owner") + "/" + m.getString("containerKind"));
            assertTrue(m.getLong("bytesUsed") <= m.getLong("bytesReserved"));
        }
        assertTrue(owners.contains("Villager/Column"), owners.toString());
        assertTrue(owners.contains("VillagerGrid/Grid"), owners.toString());
        List<RecordedEvent> violations = of(EventNames.BUDGET_VIOLATION);
        assertEquals(1, violations.size(), "one streak of the 1 ns group budget");
        RecordedEvent v = violations.get(0);
        assertEquals("group.TimeSystemGroup", v.getString("budgetId"));
        assertEquals(3, v.getInt("consecutiveFrames"));
        assertEquals(2, v.getLong("tick"));
        assertEquals("CRITICAL", v.getString("severity"));
        assertEquals("ms", v.getString("unit"));
    }
}
