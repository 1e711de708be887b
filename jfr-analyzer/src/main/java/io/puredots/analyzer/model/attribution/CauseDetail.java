package io.puredots.analyzer.model.attribution;

import java.util.List;

/**
 * What a {@link Cause} knows beyond its label, one record per kind. Immutable data: names as the
 * recording has them and times in ns; {@code output} words them (the JSON report writes the
 * wording as one string, the same as the text report).
 */
public sealed interface CauseDetail {

    /** Nothing more to say (safepoints: the label holds the VM operations). */
    record None() implements CauseDetail {
    }

    /**
     * A GC pause.
     *
     * @param pauseName     the level-0 phase name, e.g. "Pause Young (Normal) (G1 Evacuation Pause)"
     * @param gcCause       the GC's cause from {@code jdk.GarbageCollection}; empty if unknown
     * @param longestPhases its longest level-1 phases, longest first, at most three
     */
    record GcPause(String pauseName, String gcCause, List<Phase> longestPhases) implements CauseDetail {
        public GcPause {
            longestPhases = List.copyOf(longestPhases);
        }
    }

    /**
     * One phase of a GC pause.
     *
     * @param name  the phase name, e.g. "Evacuate Collection Set"
     * @param nanos its duration, ns
     */
    record Phase(String name, long nanos) {
    }

    /**
     * The longest compilation.
     *
     * @param compiler the compiler, e.g. "c2"
     * @param osr      whether it was an on-stack replacement
     * @param level    the compile level, 0..4
     */
    record Compilation(String compiler, boolean osr, int level) implements CauseDetail {
    }

    /**
     * The first deoptimization.
     *
     * @param reason why the compiled code was invalid, e.g. "unstable_if"
     * @param action what the JVM did, e.g. "reinterpret"
     */
    record Deoptimization(String reason, String action) implements CauseDetail {
    }

    /**
     * A contended monitor enter or a park.
     *
     * @param className the monitor class or the parked-on class; empty if the recording has none
     */
    record Wait(String className) implements CauseDetail {
    }
}
