package io.puredots.benchmarks;

import io.puredots.events.FrameEvent;
import io.puredots.events.JobRunEvent;
import io.puredots.events.JobScheduleEvent;
import io.puredots.events.RegistryUpdateEvent;
import io.puredots.events.SystemGroupTickEvent;
import io.puredots.events.SystemTickEvent;

/**
 * The emission patterns measured by {@link EventEmissionBenchmark}, one pair per hot event:
 *
 * <pre>{@code
 * guarded:    if (PROBE.isEnabled()) { e = new E(); e.begin(); <work>; if (e.shouldCommit()) { fill; e.commit(); } }
 * unguarded:  e = new E(); e.begin(); <work>; fill; e.commit();
 * }</pre>
 *
 * The guarded form is the one the game uses (STYLE.md "Hot paths"); the unguarded form is what a
 * naive caller writes. {@code <work>} is empty: the benchmark measures the telemetry, not the
 * work it wraps. Field values are realistic: short names inline, names over 16 characters go to
 * the constant pool.
 *
 * <p>Each pattern and name length is a method of its own, not one method with parameters: the
 * benchmark measures exactly the code a call site compiles to, constants included.
 *
 * <p>Stateless; the probes are only read, so the methods are safe from any thread.
 */
final class Emit {
    private Emit() {
    }

    static final String GROUP = "VillagerSystemGroup";
    static final String SYSTEM = "VillagerMovementSystem";
    static final String JOB = "VillagerMovementJob";
    static final String REGISTRY = "ResourceRegistry";
    /** 16 characters or fewer: written inline in each event instead of through the string pool. */
    static final String SHORT_JOB = "MoveJob";
    static final String SHORT_SYSTEM = "MoveSystem";

    // One instance per class, never committed: isEnabled() reads the class's enabled flag.
    private static final FrameEvent FRAME = new FrameEvent();
    private static final SystemGroupTickEvent GROUP_TICK = new SystemGroupTickEvent();
    private static final SystemTickEvent SYSTEM_TICK = new SystemTickEvent();
    private static final JobRunEvent JOB_RUN = new JobRunEvent();
    private static final JobScheduleEvent JOB_SCHEDULE = new JobScheduleEvent();
    private static final RegistryUpdateEvent REGISTRY_UPDATE = new RegistryUpdateEvent();

    /** Loads and initializes every measured event class (so that JFR can instrument them). */
    static void touchAll() {
        FRAME.isEnabled();
        GROUP_TICK.isEnabled();
        SYSTEM_TICK.isEnabled();
        JOB_RUN.isEnabled();
        JOB_SCHEDULE.isEnabled();
        REGISTRY_UPDATE.isEnabled();
    }

    /** Commits one event of each measured class, whatever the recording state. */
    static void commitOneOfEach(long tick) {
        frameUnguarded(tick);
        systemGroupTickUnguarded(tick);
        systemTickUnguarded(tick);
        jobRunUnguarded(tick);
        jobScheduleUnguarded(tick);
        registryUpdateUnguarded(tick);
    }

    static void frameGuarded(long tick) {
        if (FRAME.isEnabled()) {
            FrameEvent e = new FrameEvent();
            e.begin();
            if (e.shouldCommit()) {
                e.tick = tick;
                e.entityCount = 20_000;
                e.commit();
            }
        }
    }

    static void frameUnguarded(long tick) {
        FrameEvent e = new FrameEvent();
        e.begin();
        e.tick = tick;
        e.entityCount = 20_000;
        e.commit();
    }

    static void systemGroupTickGuarded(long tick) {
        if (GROUP_TICK.isEnabled()) {
            SystemGroupTickEvent e = new SystemGroupTickEvent();
            e.begin();
            if (e.shouldCommit()) {
                e.group = GROUP;
                e.tick = tick;
                e.commit();
            }
        }
    }

    static void systemGroupTickUnguarded(long tick) {
        SystemGroupTickEvent e = new SystemGroupTickEvent();
        e.begin();
        e.group = GROUP;
        e.tick = tick;
        e.commit();
    }

    static void systemTickGuarded(long tick) {
        if (SYSTEM_TICK.isEnabled()) {
            SystemTickEvent e = new SystemTickEvent();
            e.begin();
            if (e.shouldCommit()) {
                e.system = SYSTEM;
                e.group = GROUP;
                e.tick = tick;
                e.entitiesProcessed = 20_000;
                e.commit();
            }
        }
    }

    static void systemTickUnguarded(long tick) {
        SystemTickEvent e = new SystemTickEvent();
        e.begin();
        e.system = SYSTEM;
        e.group = GROUP;
        e.tick = tick;
        e.entitiesProcessed = 20_000;
        e.commit();
    }

    static void jobRunGuarded(long tick) {
        if (JOB_RUN.isEnabled()) {
            JobRunEvent e = new JobRunEvent();
            e.begin();
            if (e.shouldCommit()) {
                e.jobId = tick * 16;
                e.jobName = JOB;
                e.batchIndex = 3;
                e.tick = tick;
                e.queueWait = 1_500;
                e.commit();
            }
        }
    }

    /** {@link #jobRunGuarded} with a job name short enough to be written inline. */
    static void jobRunGuardedShortName(long tick) {
        if (JOB_RUN.isEnabled()) {
            JobRunEvent e = new JobRunEvent();
            e.begin();
            if (e.shouldCommit()) {
                e.jobId = tick * 16;
                e.jobName = SHORT_JOB;
                e.batchIndex = 3;
                e.tick = tick;
                e.queueWait = 1_500;
                e.commit();
            }
        }
    }

    /** {@link #jobScheduleGuarded} with job and system names short enough to be written inline. */
    static void jobScheduleGuardedShortNames(long tick) {
        if (JOB_SCHEDULE.isEnabled()) {
            JobScheduleEvent e = new JobScheduleEvent();
            e.begin();
            if (e.shouldCommit()) {
                e.jobId = tick * 16;
                e.jobName = SHORT_JOB;
                e.system = SHORT_SYSTEM;
                e.dependencyCount = 2;
                e.chainDepth = 3;
                e.batchCount = 8;
                e.tick = tick;
                e.commit();
            }
        }
    }

    static void jobRunUnguarded(long tick) {
        JobRunEvent e = new JobRunEvent();
        e.begin();
        e.jobId = tick * 16;
        e.jobName = JOB;
        e.batchIndex = 3;
        e.tick = tick;
        e.queueWait = 1_500;
        e.commit();
    }

    static void jobScheduleGuarded(long tick) {
        if (JOB_SCHEDULE.isEnabled()) {
            JobScheduleEvent e = new JobScheduleEvent();
            e.begin();
            if (e.shouldCommit()) {
                e.jobId = tick * 16;
                e.jobName = JOB;
                e.system = SYSTEM;
                e.dependencyCount = 2;
                e.chainDepth = 3;
                e.batchCount = 8;
                e.tick = tick;
                e.commit();
            }
        }
    }

    static void jobScheduleUnguarded(long tick) {
        JobScheduleEvent e = new JobScheduleEvent();
        e.begin();
        e.jobId = tick * 16;
        e.jobName = JOB;
        e.system = SYSTEM;
        e.dependencyCount = 2;
        e.chainDepth = 3;
        e.batchCount = 8;
        e.tick = tick;
        e.commit();
    }

    static void registryUpdateGuarded(long tick) {
        if (REGISTRY_UPDATE.isEnabled()) {
            RegistryUpdateEvent e = new RegistryUpdateEvent();
            e.begin();
            if (e.shouldCommit()) {
                e.registry = REGISTRY;
                e.tick = tick;
                e.entryCount = 5_000;
                e.adds = 12;
                e.removes = 10;
                e.updates = 300;
                e.commit();
            }
        }
    }

    static void registryUpdateUnguarded(long tick) {
        RegistryUpdateEvent e = new RegistryUpdateEvent();
        e.begin();
        e.registry = REGISTRY;
        e.tick = tick;
        e.entryCount = 5_000;
        e.adds = 12;
        e.removes = 10;
        e.updates = 300;
        e.commit();
    }
}
