package io.puredots.events;

import static io.puredots.events.Recordings.record;
import static io.puredots.events.Recordings.spin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import io.puredots.events.testing.GameEvents;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every puredots event, recorded in-process, written to a file and read back with
 * {@code RecordingFile}: name, every field value, duration and thread survive the round trip.
 */
class EventRoundTripTest {
    private static final long SPAN = Duration.ofMillis(2).toNanos();

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("events.jfr");
    }

    /** Asserts the duration covers the spun span and not more than the wall time around it. */
    private static void assertDurationBetween(RecordedEvent e, long minNanos, long maxNanos) {
        long d = e.getDuration().toNanos();
        assertTrue(d >= minNanos && d <= maxNanos,
                "duration " + d + " ns not within [" + minNanos + ", " + maxNanos + "] ns");
    }

    /** Records {@code emit} with only {@code type} enabled; asserts one event came back, named {@code name}. */
    private RecordedEvent recordOne(Class<? extends Event> type, String name, Recordings.Emitter emit) throws Exception {
        List<RecordedEvent> events = record(type, file(), emit);
        assertEquals(1, events.size());
        RecordedEvent e = events.get(0);
        assertEquals(name, e.getEventType().getName());
        return e;
    }

    @Test
    void frameKeepsTickEntityCountAndDuration() throws Exception {
        long[] wall = new long[1];
        RecordedEvent e = recordOne(FrameEvent.class, EventNames.FRAME, () -> {
            long t0 = System.nanoTime();
            FrameEvent ev = new FrameEvent();
            ev.begin();
            spin(SPAN);
            ev.end();
            wall[0] = System.nanoTime() - t0;
            ev.tick = 41L;
            ev.entityCount = 20_000;
            ev.commit();
        });
        assertEquals(41L, e.getLong("tick"));
        assertEquals(20_000, e.getInt("entityCount"));
        assertDurationBetween(e, SPAN, wall[0] + Duration.ofMillis(1).toNanos());
        assertEquals(Thread.currentThread().getName(), e.getThread().getJavaName());
        assertNull(e.getStackTrace(), "@StackTrace(false): Frame is recorded without stack trace by default");
    }

    @Test
    void systemGroupTickKeepsGroupAndTick() throws Exception {
        RecordedEvent e = recordOne(SystemGroupTickEvent.class, EventNames.SYSTEM_GROUP_TICK,
                () -> GameEvents.groupTick("SpatialSystemGroup", 7L, () -> spin(SPAN)));
        assertEquals("SpatialSystemGroup", e.getString("group"));
        assertEquals(7L, e.getLong("tick"));
        assertTrue(e.getDuration().toNanos() >= SPAN, "commit() without end() ends the event");
    }

    @Test
    void systemTickKeepsSystemGroupTickAndEntities() throws Exception {
        RecordedEvent e = recordOne(SystemTickEvent.class, EventNames.SYSTEM_TICK,
                () -> GameEvents.systemTick("SpatialGridBuildSystem", "SpatialSystemGroup", 8L, 12_345, () -> { }));
        assertEquals("SpatialGridBuildSystem", e.getString("system"));
        assertEquals("SpatialSystemGroup", e.getString("group"));
        assertEquals(8L, e.getLong("tick"));
        assertEquals(12_345, e.getInt("entitiesProcessed"));
    }

    @Test
    void jobScheduleKeepsDependenciesAndBatches() throws Exception {
        RecordedEvent e = recordOne(JobScheduleEvent.class, EventNames.JOB_SCHEDULE,
                () -> GameEvents.jobSchedule(9_000_000_001L, "VillagerMovementJob", "VillagerMovementSystem", 2, 3, 16, 9L));
        assertEquals(9_000_000_001L, e.getLong("jobId"));
        assertEquals("VillagerMovementJob", e.getString("jobName"));
        assertEquals("VillagerMovementSystem", e.getString("system"));
        assertEquals(2, e.getInt("dependencyCount"));
        assertEquals(3, e.getInt("chainDepth"));
        assertEquals(16, e.getInt("batchCount"));
        assertEquals(9L, e.getLong("tick"));
    }

    @Test
    void jobRunKeepsFieldsAndTheWorkerThread() throws Exception {
        long[] wall = new long[1];
        RecordedEvent e = recordOne(JobRunEvent.class, EventNames.JOB_RUN, () -> {
            Thread worker = new Thread(() -> {
                long t0 = System.nanoTime();
                JobRunEvent ev = new JobRunEvent();
                ev.begin();
                spin(SPAN);
                ev.end();
                wall[0] = System.nanoTime() - t0;
                ev.jobId = 77L;
                ev.jobName = "VillagerMovementJob";
                ev.batchIndex = 5;
                ev.tick = 10L;
                ev.queueWait = 1_500L;
                ev.commit();
            }, "puredots-worker-3");
            worker.start();
            worker.join();
        });
        assertEquals(77L, e.getLong("jobId"));
        assertEquals("VillagerMovementJob", e.getString("jobName"));
        assertEquals(5, e.getInt("batchIndex"));
        assertEquals(10L, e.getLong("tick"));
        assertEquals(Duration.ofNanos(1_500), e.getDuration("queueWait"), "queueWait is a Timespan in ns");
        assertEquals("puredots-worker-3", e.getThread().getJavaName());
        assertDurationBetween(e, SPAN, wall[0] + Duration.ofMillis(1).toNanos());
    }

    @Test
    void registryUpdateKeepsCounts() throws Exception {
        RecordedEvent e = recordOne(RegistryUpdateEvent.class, EventNames.REGISTRY_UPDATE,
                () -> GameEvents.registryUpdate("ResourceRegistry", 11L, 5_000, 12, 10, 300, 0));
        assertEquals("ResourceRegistry", e.getString("registry"));
        assertEquals(11L, e.getLong("tick"));
        assertEquals(5_000, e.getInt("entryCount"));
        assertEquals(12, e.getInt("adds"));
        assertEquals(10, e.getInt("removes"));
        assertEquals(300, e.getInt("updates"));
    }

    @Test
    void spatialGridRebuildKeepsGridShape() throws Exception {
        RecordedEvent e = recordOne(SpatialGridRebuildEvent.class, EventNames.SPATIAL_GRID_REBUILD,
                () -> GameEvents.gridRebuild(12L, 4096, 50_000, 37, 0));
        assertEquals(12L, e.getLong("tick"));
        assertEquals(4096, e.getInt("cellCount"));
        assertEquals(50_000, e.getInt("entityCount"));
        assertEquals(37, e.getInt("maxCellOccupancy"));
    }

    @Test
    void entityCountKeepsArchetypeAndCount() throws Exception {
        RecordedEvent e = recordOne(EntityCountEvent.class, EventNames.ENTITY_COUNT,
                () -> GameEvents.entityCount("Villager", 123_456L));
        assertEquals("Villager", e.getString("archetype"));
        assertEquals(123_456L, e.getLong("count"));
    }

    @Test
    void entityCountIsEmittedByAPeriodicHook() throws Exception {
        Runnable hook = () -> GameEvents.entityCount("Tree", 900L);
        FlightRecorder.addPeriodicEvent(EntityCountEvent.class, hook);
        try (Recording r = new Recording()) {
            // endChunk: the hook runs once when the recording stops, no waiting for a period
            r.enable(EntityCountEvent.class).with("period", "endChunk");
            r.start();
            r.stop();
            r.dump(file());
        } finally {
            FlightRecorder.removePeriodicEvent(hook);
        }
        List<RecordedEvent> events = Recordings.eventsNamed(file(), EventNames.ENTITY_COUNT);
        assertFalse(events.isEmpty(), "the periodic hook emitted nothing");
        assertEquals("Tree", events.get(0).getString("archetype"));
        assertEquals(900L, events.get(0).getLong("count"));
    }

    @Test
    void nativeMemoryKeepsOwnerKindAndBytes() throws Exception {
        RecordedEvent e = recordOne(NativeMemoryEvent.class, EventNames.NATIVE_MEMORY,
                () -> GameEvents.nativeMemory("Villager", "Column", 6L * 1024 * 1024 * 1024, 5_000_000_000L));
        assertEquals("Villager", e.getString("owner"));
        assertEquals("Column", e.getString("containerKind"));
        assertEquals(6L * 1024 * 1024 * 1024, e.getLong("bytesReserved"));
        assertEquals(5_000_000_000L, e.getLong("bytesUsed"));
    }

    @Test
    void budgetViolationKeepsMeasurementAndSeverity() throws Exception {
        RecordedEvent e = recordOne(BudgetViolationEvent.class, EventNames.BUDGET_VIOLATION,
                () -> GameEvents.budgetViolation("group.SpatialSystemGroup", 1.75, 1.0, "ms", 6, "CRITICAL", 600L));
        assertEquals("group.SpatialSystemGroup", e.getString("budgetId"));
        assertEquals(1.75, e.getDouble("measured"));
        assertEquals(1.0, e.getDouble("limit"));
        assertEquals("ms", e.getString("unit"));
        assertEquals(6, e.getInt("consecutiveFrames"));
        assertEquals("CRITICAL", e.getString("severity"));
        assertEquals(600L, e.getLong("tick"));
        assertNotNull(e.getStackTrace(), "Budget Violation is rare: the class allows stack traces");
    }

    @Test
    void mainThreadWaitKeepsTickSystemAndDuration() throws Exception {
        RecordedEvent e = recordOne(MainThreadWaitEvent.class, EventNames.MAIN_THREAD_WAIT,
                () -> GameEvents.mainThreadWait(13L, "VillagerMovementSystem", () -> spin(SPAN)));
        assertEquals(13L, e.getLong("tick"));
        assertEquals("VillagerMovementSystem", e.getString("system"));
        assertTrue(e.getDuration().toNanos() >= SPAN);
    }

    @Test
    void nothingIsWrittenWhenTheEventIsNotEnabled() throws Exception {
        FrameEvent probe = new FrameEvent();
        try (Recording r = new Recording()) {
            r.enable(SystemTickEvent.class);
            r.disable(FrameEvent.class);
            r.start();
            assertFalse(probe.isEnabled(), "Frame disabled in the only recording");
            FrameEvent e = new FrameEvent();
            e.begin();
            e.tick = 1L;
            assertFalse(e.shouldCommit());
            e.commit();
            r.stop();
            r.dump(file());
        }
        assertTrue(Recordings.eventsNamed(file(), EventNames.FRAME).isEmpty());
    }
}
