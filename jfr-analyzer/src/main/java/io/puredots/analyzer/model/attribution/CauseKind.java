package io.puredots.analyzer.model.attribution;

/** The kinds of JVM activity a slow frame or streak is attributed to. */
public enum CauseKind {
    /** A stop-the-world GC pause ({@code jdk.GCPhasePause}), one cause per pause. */
    GC_PAUSE,
    /** Safepoints ({@code jdk.SafepointBegin}), aggregated; label: the VM operations run in them. */
    SAFEPOINT,
    /** JIT compilations ({@code jdk.Compilation}) at or above the threshold, aggregated. */
    COMPILATION,
    /** Deoptimizations ({@code jdk.Deoptimization}), instants, aggregated. */
    DEOPTIMIZATION,
    /** Contended monitor enters ({@code jdk.JavaMonitorEnter}) on one simulation thread. */
    MONITOR_ENTER,
    /** Parks ({@code jdk.ThreadPark}) on the main thread (an idle job worker parks; that is no delay). */
    THREAD_PARK
}
