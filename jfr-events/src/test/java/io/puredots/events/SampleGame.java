package io.puredots.events;

import java.util.concurrent.locks.LockSupport;
import jdk.jfr.FlightRecorder;

/**
 * A stand-in game loop that emits every puredots event with known values, the way the game
 * does (guarded by {@code isEnabled()}, fields filled under {@code shouldCommit()}). Used by the
 * .jfc tests, and runnable on its own to produce a recording:
 *
 * <pre>{@code
 * mvn -B -q -pl jfr-events test-compile
 * java -XX:StartFlightRecording:settings=jfr-events/jfc/puredots.jfc,filename=sample.jfr \
 *      -cp jfr-events/target/classes:jfr-events/target/test-classes io.puredots.events.SampleGame 120
 * jfr summary sample.jfr
 * }</pre>
 *
 * Per frame it emits: 1 Frame, {@value #GROUPS} System Group Tick, {@value #SYSTEMS} System Tick,
 * {@value #JOBS} Job Schedule, {@value #JOBS} x {@value #BATCHES} Job Run, 1 Registry Update,
 * 1 Spatial Grid Rebuild, 1 Main Thread Wait; one Budget Violation on frame 0; and, once per
 * period, 1 Entity Count and 1 Native Memory from the periodic hooks.
 *
 * <p>It emits guarded, unlike the other synthetic games ({@code testing.GameEvents}), because the
 * .jfc tests check what a game that emits this way records.
 *
 * <p>Not thread-safe: one loop on one thread.
 */
public final class SampleGame {
    static final int GROUPS = 2;
    static final int SYSTEMS = 3;
    static final int JOBS = 2;
    static final int BATCHES = 4;
    static final int ENTITIES = 20_000;

    static final String[] GROUP_NAMES = {"SpatialSystemGroup", "VillagerSystemGroup"};
    static final String[] SYSTEM_NAMES = {"SpatialGridBuildSystem", "VillagerMovementSystem", "VillagerNeedsSystem"};
    static final String JOB_NAME = "VillagerMovementJob";

    private static final FrameEvent FRAME = new FrameEvent();
    private static final SystemGroupTickEvent GROUP_TICK = new SystemGroupTickEvent();
    private static final SystemTickEvent SYSTEM_TICK = new SystemTickEvent();
    private static final JobScheduleEvent JOB_SCHEDULE = new JobScheduleEvent();
    private static final JobRunEvent JOB_RUN = new JobRunEvent();
    private static final RegistryUpdateEvent REGISTRY_UPDATE = new RegistryUpdateEvent();
    private static final SpatialGridRebuildEvent GRID = new SpatialGridRebuildEvent();
    private static final MainThreadWaitEvent WAIT = new MainThreadWaitEvent();
    private static final BudgetViolationEvent VIOLATION = new BudgetViolationEvent();

    private static final Runnable ENTITY_COUNT_HOOK = () -> {
        EntityCountEvent e = new EntityCountEvent();
        e.archetype = "Villager";
        e.count = ENTITIES;
        e.commit();
    };

    private static final Runnable NATIVE_MEMORY_HOOK = () -> {
        NativeMemoryEvent e = new NativeMemoryEvent();
        e.owner = "Villager";
        e.containerKind = "Column";
        e.bytesReserved = 4L * 1024 * 1024;
        e.bytesUsed = 3L * 1024 * 1024;
        e.commit();
    };

    private long nextJobId;

    private SampleGame() {
    }

    /** Registers the Entity Count and Native Memory periodic hooks. */
    static void registerPeriodicHooks() {
        FlightRecorder.addPeriodicEvent(EntityCountEvent.class, ENTITY_COUNT_HOOK);
        FlightRecorder.addPeriodicEvent(NativeMemoryEvent.class, NATIVE_MEMORY_HOOK);
    }

    /** Removes the hooks added by {@link #registerPeriodicHooks()}. */
    static void removePeriodicHooks() {
        FlightRecorder.removePeriodicEvent(ENTITY_COUNT_HOOK);
        FlightRecorder.removePeriodicEvent(NATIVE_MEMORY_HOOK);
    }

    static SampleGame create() {
        return new SampleGame();
    }

    /** Runs one frame, emitting the per-frame events listed in the class comment. */
    void frame(long tick) {
        FrameEvent frame = null;
        if (FRAME.isEnabled()) {
            frame = new FrameEvent();
            frame.begin();
        }
        for (int g = 0; g < GROUPS; g++) {
            group(tick, g);
        }
        if (REGISTRY_UPDATE.isEnabled()) {
            RegistryUpdateEvent e = new RegistryUpdateEvent();
            e.begin();
            if (e.shouldCommit()) {
                e.registry = "ResourceRegistry";
                e.tick = tick;
                e.entryCount = 500;
                e.adds = 3;
                e.removes = 2;
                e.updates = 40;
                e.commit();
            }
        }
        if (tick == 0 && VIOLATION.isEnabled()) {
            BudgetViolationEvent e = new BudgetViolationEvent();
            e.budgetId = "group.VillagerSystemGroup";
            e.measured = 3.1;
            e.limit = 2.0;
            e.unit = "ms";
            e.consecutiveFrames = 6;
            e.severity = "CRITICAL";
            e.tick = tick;
            e.commit();
        }
        if (frame != null && frame.shouldCommit()) {
            frame.tick = tick;
            frame.entityCount = ENTITIES;
            frame.commit();
        }
    }

    private void group(long tick, int g) {
        SystemGroupTickEvent ge = null;
        if (GROUP_TICK.isEnabled()) {
            ge = new SystemGroupTickEvent();
            ge.begin();
        }
        if (g == 0) {
            if (GRID.isEnabled()) {
                SpatialGridRebuildEvent e = new SpatialGridRebuildEvent();
                e.begin();
                if (e.shouldCommit()) {
                    e.tick = tick;
                    e.cellCount = 4096;
                    e.entityCount = ENTITIES;
                    e.maxCellOccupancy = 31;
                    e.commit();
                }
            }
            system(tick, g, 0);
        } else {
            system(tick, g, 1);
            system(tick, g, 2);
        }
        if (ge != null && ge.shouldCommit()) {
            ge.group = GROUP_NAMES[g];
            ge.tick = tick;
            ge.commit();
        }
    }

    private void system(long tick, int g, int s) {
        SystemTickEvent se = null;
        if (SYSTEM_TICK.isEnabled()) {
            se = new SystemTickEvent();
            se.begin();
        }
        if (s == 1) {
            for (int j = 0; j < JOBS; j++) {
                long jobId = nextJobId++;
                if (JOB_SCHEDULE.isEnabled()) {
                    JobScheduleEvent e = new JobScheduleEvent();
                    e.begin();
                    if (e.shouldCommit()) {
                        e.jobId = jobId;
                        e.jobName = JOB_NAME;
                        e.system = SYSTEM_NAMES[s];
                        e.dependencyCount = j;
                        e.chainDepth = j + 1;
                        e.batchCount = BATCHES;
                        e.tick = tick;
                        e.commit();
                    }
                }
                for (int b = 0; b < BATCHES; b++) {
                    if (JOB_RUN.isEnabled()) {
                        JobRunEvent e = new JobRunEvent();
                        e.begin();
                        if (e.shouldCommit()) {
                            e.jobId = jobId;
                            e.jobName = JOB_NAME;
                            e.batchIndex = b;
                            e.tick = tick;
                            e.queueWait = 1_000L * (b + 1);
                            e.commit();
                        }
                    }
                }
            }
            if (WAIT.isEnabled()) {
                MainThreadWaitEvent e = new MainThreadWaitEvent();
                e.begin();
                if (e.shouldCommit()) {
                    e.tick = tick;
                    e.system = SYSTEM_NAMES[s];
                    e.commit();
                }
            }
        }
        if (se != null && se.shouldCommit()) {
            se.system = SYSTEM_NAMES[s];
            se.group = GROUP_NAMES[g];
            se.tick = tick;
            se.entitiesProcessed = ENTITIES;
            se.commit();
        }
    }

    /**
     * Runs the given number of frames (default 120) at about 60 frames per second, so that the
     * 1 s periodic events are sampled too.
     */
    public static void main(String[] args) {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        registerPeriodicHooks();
        SampleGame game = create();
        long frameNanos = 16_666_667L;
        long next = System.nanoTime();
        for (long tick = 0; tick < frames; tick++) {
            game.frame(tick);
            next += frameNanos;
            long left = next - System.nanoTime();
            if (left > 0) {
                LockSupport.parkNanos(left); // frame pacing, as a game does
            }
        }
        removePeriodicHooks();
    }
}
