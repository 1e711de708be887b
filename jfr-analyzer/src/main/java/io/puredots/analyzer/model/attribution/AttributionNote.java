package io.puredots.analyzer.model.attribution;

/**
 * A caveat about an {@link AttributionResult}: what was capped or missing. Immutable data, one
 * record per kind; {@code output} words it (the JSON report writes the wording as one string).
 */
public sealed interface AttributionNote {

    /** The selection has no {@code puredots.Frame} event, so there is nothing to attribute. */
    record NoFrames() implements AttributionNote {
    }

    /** No frame budget was given, so over-budget streaks were not computed. */
    record NoBudget() implements AttributionNote {
    }

    /**
     * More streaks than the configured number: only the longest are explained.
     *
     * @param total     streaks in the recording
     * @param explained streaks in the result
     */
    record StreaksCapped(int total, int explained) implements AttributionNote {
    }

    /**
     * JVM events of one kind were capped per chunk; the shortest were dropped.
     *
     * @param events      which events
     * @param capPerChunk the cap
     * @param dropped     events not considered, over all chunks
     */
    record EventsCapped(JvmEvents events, int capPerChunk, long dropped) implements AttributionNote {
    }

    /**
     * Allocation samples were capped per chunk.
     *
     * @param capPerChunk the cap
     * @param dropped     samples not counted, over all chunks
     */
    record AllocationSamplesCapped(int capPerChunk, long dropped) implements AttributionNote {
    }

    /**
     * Execution samples of the simulation threads were capped per chunk.
     *
     * @param capPerChunk the cap
     * @param dropped     samples not counted, over all chunks
     */
    record ExecutionSamplesCapped(int capPerChunk, long dropped) implements AttributionNote {
    }

    /** The kinds of JVM events attribution collects, each capped per chunk. */
    enum JvmEvents {
        GC_PAUSE, GC_PHASE, SAFEPOINT, VM_OPERATION, COMPILATION, DEOPTIMIZATION, MONITOR_ENTER, THREAD_PARK
    }
}
