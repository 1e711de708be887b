package io.puredots.events.testing;

import io.puredots.events.BudgetViolationEvent;
import io.puredots.events.EntityCountEvent;
import io.puredots.events.FrameEvent;
import io.puredots.events.JobRunEvent;
import io.puredots.events.JobScheduleEvent;
import io.puredots.events.MainThreadWaitEvent;
import io.puredots.events.NativeMemoryEvent;
import io.puredots.events.RegistryUpdateEvent;
import io.puredots.events.SpatialGridRebuildEvent;
import io.puredots.events.SystemGroupTickEvent;
import io.puredots.events.SystemTickEvent;

/**
 * Commits one puredots event with the given field values: what every synthetic game recording
 * in the tests and benchmark inputs is made of. Events that span other work (frame, group,
 * system, main-thread wait) run a {@link Body} between {@code begin()} and {@code commit()}; the
 * others can busy-wait a given time inside, so that their durations are not zero.
 *
 * <p>Unguarded: fields are filled whether or not the event is enabled (the tests decide what is
 * recorded with the recording's settings); the guarded way a game emits is in {@code SampleGame}.
 * Stateless; safe from any thread.
 */
public final class GameEvents {
    private GameEvents() {
    }

    /** Work done inside a spanning event. */
    public interface Body {
        void run() throws InterruptedException;
    }

    /** Busy-waits at least {@code nanos} (0: returns at once), so that a begin()/commit() pair spans a known time. */
    public static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() - end < 0) {
            Thread.onSpinWait();
        }
    }

    public static void frame(long tick, int entityCount, Body body) throws InterruptedException {
        FrameEvent e = new FrameEvent();
        e.begin();
        body.run();
        e.tick = tick;
        e.entityCount = entityCount;
        e.commit();
    }

    public static void groupTick(String group, long tick, Body body) throws InterruptedException {
        SystemGroupTickEvent e = new SystemGroupTickEvent();
        e.begin();
        body.run();
        e.group = group;
        e.tick = tick;
        e.commit();
    }

    public static void systemTick(String system, String group, long tick, int entitiesProcessed, Body body)
            throws InterruptedException {
        SystemTickEvent e = new SystemTickEvent();
        e.begin();
        body.run();
        e.system = system;
        e.group = group;
        e.tick = tick;
        e.entitiesProcessed = entitiesProcessed;
        e.commit();
    }

    public static void mainThreadWait(long tick, String system, Body body) throws InterruptedException {
        MainThreadWaitEvent e = new MainThreadWaitEvent();
        e.begin();
        body.run();
        e.tick = tick;
        e.system = system;
        e.commit();
    }

    public static void jobSchedule(long jobId, String jobName, String system, int dependencyCount, int chainDepth,
                                   int batchCount, long tick) {
        JobScheduleEvent e = new JobScheduleEvent();
        e.begin();
        e.jobId = jobId;
        e.jobName = jobName;
        e.system = system;
        e.dependencyCount = dependencyCount;
        e.chainDepth = chainDepth;
        e.batchCount = batchCount;
        e.tick = tick;
        e.commit();
    }

    /** @param queueWait ns the batch waited in the queue; {@code busyNanos} the batch's own time */
    public static void jobRun(long jobId, String jobName, int batchIndex, long tick, long queueWait, long busyNanos) {
        JobRunEvent e = new JobRunEvent();
        e.begin();
        spin(busyNanos);
        e.jobId = jobId;
        e.jobName = jobName;
        e.batchIndex = batchIndex;
        e.tick = tick;
        e.queueWait = queueWait;
        e.commit();
    }

    public static void registryUpdate(String registry, long tick, int entryCount, int adds, int removes, int updates,
                                      long busyNanos) {
        RegistryUpdateEvent e = new RegistryUpdateEvent();
        e.begin();
        spin(busyNanos);
        e.registry = registry;
        e.tick = tick;
        e.entryCount = entryCount;
        e.adds = adds;
        e.removes = removes;
        e.updates = updates;
        e.commit();
    }

    public static void gridRebuild(long tick, int cellCount, int entityCount, int maxCellOccupancy, long busyNanos) {
        SpatialGridRebuildEvent e = new SpatialGridRebuildEvent();
        e.begin();
        spin(busyNanos);
        e.tick = tick;
        e.cellCount = cellCount;
        e.entityCount = entityCount;
        e.maxCellOccupancy = maxCellOccupancy;
        e.commit();
    }

    public static void budgetViolation(String budgetId, double measured, double limit, String unit,
                                       int consecutiveFrames, String severity, long tick) {
        BudgetViolationEvent e = new BudgetViolationEvent();
        e.budgetId = budgetId;
        e.measured = measured;
        e.limit = limit;
        e.unit = unit;
        e.consecutiveFrames = consecutiveFrames;
        e.severity = severity;
        e.tick = tick;
        e.commit();
    }

    public static void entityCount(String archetype, long count) {
        EntityCountEvent e = new EntityCountEvent();
        e.archetype = archetype;
        e.count = count;
        e.commit();
    }

    public static void nativeMemory(String owner, String containerKind, long bytesReserved, long bytesUsed) {
        NativeMemoryEvent e = new NativeMemoryEvent();
        e.owner = owner;
        e.containerKind = containerKind;
        e.bytesReserved = bytesReserved;
        e.bytesUsed = bytesUsed;
        e.commit();
    }

    /**
     * Commits {@code frames} frames from tick {@code firstTick}, each around one System Tick per name
     * in {@code systems} (of {@code group}; entities processed: the system's index); returns the next tick.
     */
    public static long frames(long firstTick, int frames, int entityCount, String group, String... systems)
            throws InterruptedException {
        for (long tick = firstTick; tick < firstTick + frames; tick++) {
            long t = tick;
            frame(t, entityCount, () -> {
                for (int s = 0; s < systems.length; s++) {
                    systemTick(systems[s], group, t, s, () -> { });
                }
            });
        }
        return firstTick + frames;
    }
}
