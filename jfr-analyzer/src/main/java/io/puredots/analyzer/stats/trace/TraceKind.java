package io.puredots.analyzer.stats.trace;

import io.puredots.events.EventNames;

/**
 * The JFR event types a trace shows, and how: as slices on their thread's track, slices on the VM
 * track, counter samples or process-wide marks. {@link #rank} orders slices that start and end at
 * the same instant on one track, outermost first (a frame holds its groups, a group its systems;
 * a safepoint holds the GC pause it stops the threads for).
 */
enum TraceKind {
    FRAME(EventNames.FRAME, Shape.THREAD_SLICE, 0, true),
    GROUP(EventNames.SYSTEM_GROUP_TICK, Shape.THREAD_SLICE, 1, true),
    SYSTEM(EventNames.SYSTEM_TICK, Shape.THREAD_SLICE, 2, true),
    MAIN_WAIT(EventNames.MAIN_THREAD_WAIT, Shape.THREAD_SLICE, 3, true),
    JOB_SCHEDULE(EventNames.JOB_SCHEDULE, Shape.THREAD_SLICE, 4, true),
    JOB_RUN(EventNames.JOB_RUN, Shape.THREAD_SLICE, 5, true),
    SAFEPOINT(EventNames.Jdk.SAFEPOINT_BEGIN, Shape.VM_SLICE, 0, false),
    GC(EventNames.Jdk.GC, Shape.VM_SLICE, 1, false),
    GC_PAUSE(EventNames.Jdk.GC_PAUSE, Shape.VM_SLICE, 2, false),
    GC_PAUSE_1(EventNames.Jdk.GC_PAUSE_LEVEL_1, Shape.VM_SLICE, 3, false),
    GC_PAUSE_2(EventNames.Jdk.GC_PAUSE_LEVEL_2, Shape.VM_SLICE, 4, false),
    GC_PAUSE_3(EventNames.Jdk.GC_PAUSE_LEVEL_3, Shape.VM_SLICE, 5, false),
    GC_PAUSE_4(EventNames.Jdk.GC_PAUSE_LEVEL_4, Shape.VM_SLICE, 6, false),
    HEAP(EventNames.Jdk.GC_HEAP_SUMMARY, Shape.COUNTER, 0, false),
    ENTITIES(EventNames.ENTITY_COUNT, Shape.COUNTER, 0, false),
    NATIVE_MEMORY(EventNames.NATIVE_MEMORY, Shape.COUNTER, 0, false),
    BUDGET(EventNames.BUDGET_VIOLATION, Shape.MARK, 0, true);

    /** How a kind is drawn. */
    enum Shape { THREAD_SLICE, VM_SLICE, COUNTER, MARK }

    /** The JFR event type name, the category of what the trace shows for it. */
    final String eventType;
    final Shape shape;
    final int rank;
    /** Whether the event carries a tick (then {@code --ticks} selects it by tick, else by time). */
    final boolean ticked;

    TraceKind(String eventType, Shape shape, int rank, boolean ticked) {
        this.eventType = eventType;
        this.shape = shape;
        this.rank = rank;
        this.ticked = ticked;
    }

    /** The kind of a {@code jdk.GCPhasePause} event of level 0..4. */
    static TraceKind gcPause(int level) {
        return switch (level) {
            case 1 -> GC_PAUSE_1;
            case 2 -> GC_PAUSE_2;
            case 3 -> GC_PAUSE_3;
            case 4 -> GC_PAUSE_4;
            default -> GC_PAUSE;
        };
    }
}
