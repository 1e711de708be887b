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

    @Test
    void frameKeepsTickEntityCountAndDuration() throws Exception {
        long[] wall = new long[1];
        List<RecordedEvent> events = record(FrameEvent.class, file(), () -> {
            long t0 = System.nanoTime();
            FrameEvent e = new FrameEvent();
            e.begin();
            spin(SPAN);
            e.end();
            wall[0] = System.nanoTime() - t0;
            e.tick = 41L;
            e.entityCount = 20_000;
            e.commit();
        });
        assertEquals(1, events.size());
        RecordedEvent e = events.get(0);
        assertEquals(EventNames.FRAME, e.getEventType().getName());
        assertEquals(41L, e.getLong("tick"));
        assertEquals(20_000, e.getInt("entityCount"));
        assertDurationBetween(e, SPAN, wall[0] + Duration.ofMillis(1).toNanos());
        assertEquals(Thread.currentThread().getName(), e.getThread().getJavaName());
        assertNull(e.getStackTrace(), "@StackTrace(false): Frame is recorded without stack trace by default");
    }

    @Test
    void systemGroupTickKeepsGroupAndTick() throws Exception {
        List<RecordedEvent> events = record(SystemGroupTickEvent.class, file(), () -> {
            SystemGroupTickEvent e = new SystemGroupTickEvent();
            e.begin();
            spin(SPAN);
            e.group = "SpatialSystemGroup";
            e.tick = 7L;
            e.commit();
        });
        assertEquals(1, events.size());
        RecordedEvent e = events.get(0);
        assertEquals(EventNames.SYSTEM_GROUP_TICK, e.getEventType().getName());
        assertEquals("SpatialSystemGroup", e.getString("group"));
        assertEquals(7L, e.getLong("tick"));
        assertTrue(e.getDuration().toNanos() >= SPAN, "commit() without end() ends the event");
    }

    @Test
    void systemTickKeepsSystemGroupTickAndEntities() throws Exception {
        List<RecordedEvent> events = record(SystemTickEvent.class, file(), () -> {
            SystemTickEvent e = new SystemTickEvent();
            e.begin();
            e.system = "SpatialGridBuildSystem";
            e.group = "SpatialSystemGroup";
            e.tick = 8L;
            e.entitiesProcessed = 12_345;
            e.commit();
        });
        assertEquals(1, events.size());
        RecordedEvent e = events.get(0);
        assertEquals(EventNames.SYSTEM_TICK, e.getEventType().getName());
        assertEquals("SpatialGridBuildSystem", e.getString("system"));
        assertEquals("SpatialSystemGroup", e.getString("group"));
        assertEquals(8L, e.getLong("tick"));
        assertEquals(12_345, e.getInt("entitiesProcessed"));
    }

    @Test
    void jobScheduleKeepsDependenciesAndBatches() throws Exception {
        List<RecordedEvent> events = record(JobScheduleEvent.class, file(), () -> {
            JobScheduleEvent e = new JobScheduleEvent();
            e.begin();
            e.jobId = 9_000_000_001L;
            e.jobName = "VillagerMovementJob";
            e.system = "VillagerMovementSystem";
            e.dependencyCount = 2;
            e.chainDepth = 3;
            e.batchCount = 16;
            e.tick = 9L;
            e.commit();
        });
        assertEquals(1, events.size());
        RecordedEvent e = events.get(0);
        assertEquals(EventNames.JOB_SCHEDULE, e.getEventType().getName());
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
        List<RecordedEvent> events = record(JobRunEvent.class, file(), () -> {
            Thread worker = new Thread(() -> {
                long t0 = System.nanoTime();
                JobRunEvent e = new JobRunEvent();
                e.begin();
                spin(SPAN);
                e.end();
                wall[0] = System.nanoTime() - t0;
                e.jobId = 77L;
                e.jobName = "VillagerMovementJob";
                e.batchIndex = 5;
                e.tick = 10L;
                e.queueWait = 1_500L;
                e.commit();
            }, "puredots-worker-3");
            worker.start();
            worker.join();
        });
        assertEquals(1, events.size());
        RecordedEvent e = events.get(0);
        assertEquals(EventNames.JOB_RUN, e.getEventType().getName());
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
        List<RecordedEvent> events = record(RegistryUpdateEvent.class, file(), () -> {
            RegistryUpdateEvent e = new RegistryUpdateEvent();
            e.begin();
            e.registry = "ResourceRegistry";
            e.tick = 11L;
            e.entryCount = 5_000;
            e.adds = 12;
            e.removes = 10;
            e.updates = 300;
            e.commit();
        });
        assertEquals(1, events.size());
        RecordedEvent e = events.get(0);
        assertEquals(EventNames.REGISTRY_UPDATE, e.getEventType().getName());
        assertEquals("ResourceRegistry", e.getString("registry"));
        assertEquals(11L, e.getLong("tick"));
        assertEquals(5_000, e.getInt("entryCount"));
        assertEquals(12, e.getInt("adds"));
        assertEquals(10, e.getInt("removes"));
        assertEquals(300, e.getInt("updates"));
    }

    @Test
    void spatialGridRebuildKeepsGridShape() throws Exception {
        List<RecordedEvent> events = record(SpatialGridRebuildEvent.class, file(), () -> {
            SpatialGridRebuildEvent e = new SpatialGridRebuildEvent();
            e.begin();
            e.tick = 12L;
            e.cellCount = 4096;
            e.entityCount = 50_000;
            e.maxCellOccupancy = 37;
            e.commit();
        });
        assertEquals(1, events.size());
        RecordedEvent e = events.get(0);
        assertEquals(EventNames.SPATIAL_GRID_REBUILD, e.getEventType().getName());
        assertEquals(12L, e.getLong("tick"));
        assertEquals(4096, e.getInt("cellCount"));
        assertEquals(50_000, e.getInt("entityCount"));
        assertEquals(37, e.getInt("maxCellOccupancy"));
    }

    @Test
    void entityCountKeepsArchetypeAndCount() throws Exception {
        List<RecordedEvent> events = record(EntityCountEvent.class, file(), () -> {
            EntityCountEvent e = new EntityCountEvent();
            e.archetype = "Villager";
            e.count = 123_456L;
            e.commit();
        });
        assertEquals(1, events.size());
        RecordedEvent e = events.get(0);
        assertEquals(EventNames.ENTITY_COUNT, e.getEventType().getName());
        assertEquals("Villager", e.getString("archetype"));
        assertEquals(123_456L, e.getLong("count"));
    }

    @Test
    void entityCountIsEmittedByAPeriodicHook() throws Exception {
        Runnable hook = () -> {
            EntityCountEvent e = new EntityCountEvent();
            e.archetype = "Tree";
            e.count = 900L;
            e.commit();
        };
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
        List<RecordedEvent> events = record(NativeMemoryEvent.class, file(), () -> {
            NativeMemoryEvent e = new NativeMemoryEvent();
            e.owner = "Villager";
            e.containerKind = "Column";
            e.bytesReserved = 6L * 1024 * 1024 * 1024;
            e.bytesUsed = 5_000_000_000L;
            e.commit();
        });
        assertEquals(1, events.size());
        RecordedEvent e = events.get(0);
        assertEquals(EventNames.NATIVE_MEMORY, e.getEventType().getName());
        assertEquals("Villager", e.getString("owner"));
        assertEquals("Column", e.getString("containerKind"));
        assertEquals(6L * 1024 * 1024 * 1024, e.getLong("bytesReserved"));
        assertEquals(5_000_000_000L, e.getLong("bytesUsed"));
    }

    @Test
    void budgetViolationKeepsMeasurementAndSeverity() throws Exception {
        List<RecordedEvent> events = record(BudgetViolationEvent.class, file(), () -> {
            BudgetViolationEvent e = new BudgetViolationEvent();
            e.budgetId = "group.SpatialSystemGroup";
            e.measured = 1.75;
            e.limit = 1.0;
            e.unit = "ms";
            e.consecutiveFrames = 6;
            e.severity = "CRITICAL";
            e.tick = 600L;
            e.commit();
        });
        assertEquals(1, events.size());
        RecordedEvent e = events.get(0);
        assertEquals(EventNames.BUDGET_VIOLATION, e.getEventType().getName());
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
        List<RecordedEvent> events = record(MainThreadWaitEvent.class, file(), () -> {
            MainThreadWaitEvent e = new MainThreadWaitEvent();
            e.begin();
            spin(SPAN);
            e.end();
            e.tick = 13L;
            e.system = "VillagerMovementSystem";
            e.commit();
        });
        assertEquals(1, events.size());
        RecordedEvent e = events.get(0);
        assertEquals(EventNames.MAIN_THREAD_WAIT, e.getEventType().getName());
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
