package io.puredots.analyzer.model.attribution;

/**
 * One kind of JVM activity that overlapped a frame or streak. Immutable.
 *
 * <p>Lists of causes put what stops the simulation (GC pauses, safepoints, monitor enters and
 * parks on its threads) first, by overlap, then compilations (they run beside it, on compiler
 * threads, and take CPU) and deoptimizations.
 *
 * <p>A GC pause is one cause per pause; the other kinds are aggregated per frame or streak (per
 * thread for monitor enters and parks).
 *
 * @param kind          what it was
 * @param label         GC pause: the collector and generation, e.g. "G1 young"; safepoint: the VM
 *                      operations, comma-separated; compilation: the method of the longest one;
 *                      deoptimization: the method of the first one; monitor/park: the thread name
 * @param detail        the rest, per kind: {@link CauseDetail.GcPause}, {@link CauseDetail.Compilation},
 *                      {@link CauseDetail.Deoptimization}, {@link CauseDetail.Wait} (monitor/park),
 *                      {@link CauseDetail.None} (safepoint)
 * @param count         how many events were aggregated, {@code >= 1}
 * @param longestNanos  duration of the longest event, whole (not clipped to the frame), ns
 * @param overlapNanos  time the events overlapped the frame or streak, ns (0 for instants); for
 *                      compilations, which run concurrently on compiler threads, the union of
 *                      their overlaps
 */
public record Cause(CauseKind kind, String label, CauseDetail detail, int count, long longestNanos,
                    long overlapNanos) {
}
