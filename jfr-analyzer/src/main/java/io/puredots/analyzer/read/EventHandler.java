package io.puredots.analyzer.read;

/**
 * Receives the decoded events of one chunk of a recording, as primitives.
 *
 * <p>This is the seam between {@code read/} (the only package that knows a parser API) and the
 * aggregators in {@code stats/}. A reader asks a factory for one handler per chunk and calls it
 * from a single thread, in file order within the chunk; chunks may be decoded in parallel, so
 * a handler holds per-chunk partial state that the caller merges afterwards in chunk order.
 * Implementations need not be thread-safe.
 *
 * <p>Units and conventions, for every method:
 * <ul>
 *   <li>{@code startNanos}: event start as epoch nanoseconds (UTC), converted from ticks.</li>
 *   <li>{@code durationNanos}: event duration in nanoseconds, {@code >= 0}.</li>
 *   <li>{@code String} arguments are canonical instances per reader run (equal content, same
 *       instance), never {@code null} (a missing string is {@code ""}).</li>
 *   <li>{@code threadId}: the Java thread id of the event thread ({@code javaThreadId}); for a
 *       thread with no Java thread, the OS thread id; {@code -1} if the event has no thread.</li>
 * </ul>
 * Every method has an empty default, so a handler implements only what it aggregates, and new
 * event types can be added here without breaking existing handlers. Field meanings follow
 * {@code jfr-events/EVENTS.md} and the JDK's own event metadata.
 */
public interface EventHandler {

    // ---- chunk lifecycle ------------------------------------------------------------------

    /** Called once before the chunk's events. */
    default void chunkStart(ChunkInfo chunk) {
    }

    /**
     * Called once after the chunk's events with the number of events of each type in it,
     * counted the way {@code jfr summary} counts them (including {@code jdk.Metadata} and
     * {@code jdk.CheckPoint}).
     */
    default void chunkEnd(ChunkInfo chunk, java.util.Map<String, Long> eventCountsByType) {
    }

    // ---- puredots.* -----------------------------------------------------------------------

    default void frame(long startNanos, long durationNanos, long tick, int entityCount) {
    }

    default void systemGroupTick(long startNanos, long durationNanos, String group, long tick) {
    }

    default void systemTick(long startNanos, long durationNanos, String system, String group, long tick,
                            int entitiesProcessed) {
    }

    /**
     * {@link #frame} with the event's thread, for a handler that draws per-thread tracks. The
     * decoder resolves the thread only for a handler class that overrides this method, and then
     * calls this method instead of {@link #frame}: a handler overrides one of the two.
     *
     * @param threadId   as in the class comment; {@code threadName} the Java (else OS) name, or ""
     */
    default void frameOnThread(long startNanos, long durationNanos, long threadId, String threadName, long tick,
                               int entityCount) {
    }

    /** {@link #systemGroupTick} with the event's thread; called instead of it, as {@link #frameOnThread}. */
    default void systemGroupTickOnThread(long startNanos, long durationNanos, long threadId, String threadName,
                                         String group, long tick) {
    }

    /** {@link #systemTick} with the event's thread; called instead of it, as {@link #frameOnThread}. */
    default void systemTickOnThread(long startNanos, long durationNanos, long threadId, String threadName,
                                    String system, String group, long tick, int entitiesProcessed) {
    }

    default void jobSchedule(long startNanos, long durationNanos, long threadId, long jobId, String jobName,
                             String system, int dependencyCount, int chainDepth, int batchCount, long tick) {
    }

    default void jobRun(long startNanos, long durationNanos, long threadId, String threadName, long jobId,
                        String jobName, int batchIndex, long tick, long queueWaitNanos) {
    }

    default void mainThreadWait(long startNanos, long durationNanos, long threadId, long tick, String system) {
    }

    default void registryUpdate(long startNanos, long durationNanos, String registry, long tick, int entryCount,
                                int adds, int removes, int updates) {
    }

    default void spatialGridRebuild(long startNanos, long durationNanos, long tick, int cellCount,
                                    int entityCount, int maxCellOccupancy) {
    }

    default void entityCount(long startNanos, String archetype, long count) {
    }

    default void nativeMemory(long startNanos, String owner, String containerKind, long bytesReserved,
                              long bytesUsed) {
    }

    default void budgetViolation(long startNanos, String budgetId, double measured, double limit, String unit,
                                 int consecutiveFrames, String severity, long tick) {
    }

    // ---- JDK events -----------------------------------------------------------------------

    /** {@code jdk.JVMInformation}. */
    default void jvmInformation(long startNanos, String jvmName, String jvmVersion, String jvmArguments,
                                String javaArguments, long jvmStartMillis, long pid) {
    }

    /** {@code jdk.GarbageCollection}: one whole collection; sumOfPauses and longestPause in ns. */
    default void garbageCollection(long startNanos, long durationNanos, long gcId, String name, String cause,
                                   long sumOfPausesNanos, long longestPauseNanos) {
    }

    /**
     * {@code jdk.GCPhasePause} (level 0) and {@code jdk.GCPhasePauseLevel1..4} (level 1..4):
     * a stop-the-world pause or one of its phases.
     */
    default void gcPhasePause(long startNanos, long durationNanos, int level, long gcId, String name) {
    }

    /** {@code jdk.GCHeapSummary}; {@code when} is "Before GC" or "After GC". */
    default void gcHeapSummary(long startNanos, long gcId, String when, long heapUsedBytes,
                               long heapCommittedBytes) {
    }

    /** {@code jdk.SafepointBegin}: from the safepoint request to its end. */
    default void safepoint(long startNanos, long durationNanos, long safepointId, int totalThreadCount,
                           int jniCriticalThreadCount) {
    }

    /** {@code jdk.ExecuteVMOperation}. */
    default void vmOperation(long startNanos, long durationNanos, String operation, boolean atSafepoint) {
    }

    /** {@code jdk.Compilation}; {@code method} as "pkg.Class.name". */
    default void compilation(long startNanos, long durationNanos, long threadId, int compileId, String compiler,
                             String method, int compileLevel, boolean succeeded, boolean isOsr) {
    }

    /** {@code jdk.Deoptimization}. */
    default void deoptimization(long startNanos, long threadId, int compileId, String compiler, String method,
                                String reason, String action) {
    }

    /** {@code jdk.ObjectAllocationSample}: weight is the bytes this sample stands for. */
    default void allocationSample(long startNanos, long threadId, String objectClass, long weightBytes) {
    }

    /**
     * {@code jdk.ExecutionSample}: the stack of a thread sampled while running Java code.
     * {@code stack} is never null ({@link SampledStack#EMPTY} without a stack trace); stacks are
     * equal by content (the fast decoder also returns one instance per stack-trace entry of a
     * chunk). Decoding stacks costs reading the stack, method and class pools, so only a handler
     * that overrides this method pays for it.
     */
    default void executionSample(long startNanos, long threadId, String threadName, SampledStack stack) {
    }

    /** {@code jdk.CPULoad}: fractions 0..1. */
    default void cpuLoad(long startNanos, double jvmUser, double jvmSystem, double machineTotal) {
    }

    /** {@code jdk.ThreadCPULoad}: fractions 0..1 for one thread. */
    default void threadCpuLoad(long startNanos, long threadId, String threadName, double user, double system) {
    }

    /** {@code jdk.DirectBufferStatistics}. */
    default void directBufferStatistics(long startNanos, long count, long totalCapacityBytes, long memoryUsedBytes,
                                        long maxCapacityBytes) {
    }

    /** {@code jdk.JavaMonitorEnter}: time blocked entering a contended monitor. */
    default void monitorEnter(long startNanos, long durationNanos, long threadId, String threadName,
                              String monitorClass) {
    }

    /** {@code jdk.ThreadPark}. */
    default void threadPark(long startNanos, long durationNanos, long threadId, String threadName,
                            String parkedClass) {
    }

    /** {@code jdk.ThreadStart} / {@code jdk.ThreadEnd}. */
    default void threadLifecycle(long startNanos, boolean started, long threadId, String threadName) {
    }

    /** {@code jdk.CPUInformation}: the processor type, cores and hardware threads. */
    default void cpuInformation(long startNanos, String cpu, int cores, int hwThreads) {
    }

    /** {@code jdk.OSInformation}: the OS version text (uname-like, several lines). */
    default void osInformation(long startNanos, String osVersion) {
    }

    /** {@code jdk.GCConfiguration}: the young and old collectors' names, e.g. G1New and G1Old. */
    default void gcConfiguration(long startNanos, String youngCollector, String oldCollector) {
    }

    /** {@code jdk.GCHeapConfiguration}: the maximum heap size in bytes. */
    default void gcHeapConfiguration(long startNanos, long maxSizeBytes) {
    }
}
