package io.puredots.analyzer.read;

/**
 * An {@link EventHandler} that takes every event kind and keeps nothing: reading with it decodes
 * every field the reader knows, so a chunk it reads without a {@link RecordingFormatException}
 * is one that any handler's read gets through. For checking which chunks of a recording are
 * intact before handing them to another reader. Stateless; one instance may serve every chunk.
 */
public final class EveryKindHandler implements EventHandler {
    @Override
    public void frame(long startNanos, long durationNanos, long tick, int entityCount) {
    }

    @Override
    public void systemGroupTick(long startNanos, long durationNanos, String group, long tick) {
    }

    @Override
    public void systemTick(long startNanos, long durationNanos, String system, String group, long tick,
            int entitiesProcessed) {
    }

    @Override
    public void jobSchedule(long startNanos, long durationNanos, long threadId, long jobId, String jobName,
            String system, int dependencyCount, int chainDepth, int batchCount, long tick) {
    }

    @Override
    public void jobRun(long startNanos, long durationNanos, long threadId, String threadName, long jobId,
            String jobName, int batchIndex, long tick, long queueWaitNanos) {
    }

    @Override
    public void mainThreadWait(long startNanos, long durationNanos, long threadId, long tick, String system) {
    }

    @Override
    public void registryUpdate(long startNanos, long durationNanos, String registry, long tick, int entryCount,
            int adds, int removes, int updates) {
    }

    @Override
    public void spatialGridRebuild(long startNanos, long durationNanos, long tick, int cellCount, int entityCount,
            int maxCellOccupancy) {
    }

    @Override
    public void entityCount(long startNanos, String archetype, long count) {
    }

    @Override
    public void nativeMemory(long startNanos, String owner, String containerKind, long bytesReserved, long bytesUsed) {
    }

    @Override
    public void budgetViolation(long startNanos, String budgetId, double measured, double limit, String unit,
            int consecutiveFrames, String severity, long tick) {
    }

    @Override
    public void jvmInformation(long startNanos, String jvmName, String jvmVersion, String jvmArguments,
            String javaArguments, long jvmStartMillis, long pid) {
    }

    @Override
    public void garbageCollection(long startNanos, long durationNanos, long gcId, String name, String cause,
            long sumOfPausesNanos, long longestPauseNanos) {
    }

    @Override
    public void gcPhasePause(long startNanos, long durationNanos, int level, long gcId, String name) {
    }

    @Override
    public void gcHeapSummary(long startNanos, long gcId, String when, long heapUsedBytes, long heapCommittedBytes) {
    }

    @Override
    public void safepoint(long startNanos, long durationNanos, long safepointId, int totalThreadCount,
            int jniCriticalThreadCount) {
    }

    @Override
    public void vmOperation(long startNanos, long durationNanos, String operation, boolean atSafepoint) {
    }

    @Override
    public void compilation(long startNanos, long durationNanos, long threadId, int compileId, String compiler,
            String method, int compileLevel, boolean succeeded, boolean isOsr) {
    }

    @Override
    public void deoptimization(long startNanos, long threadId, int compileId, String compiler, String method,
            String reason, String action) {
    }

    @Override
    public void allocationSample(long startNanos, long threadId, String objectClass, long weightBytes) {
    }

    @Override
    public void cpuLoad(long startNanos, double jvmUser, double jvmSystem, double machineTotal) {
    }

    @Override
    public void threadCpuLoad(long startNanos, long threadId, String threadName, double user, double system) {
    }

    @Override
    public void directBufferStatistics(long startNanos, long count, long totalCapacityBytes, long memoryUsedBytes,
            long maxCapacityBytes) {
    }

    @Override
    public void monitorEnter(long startNanos, long durationNanos, long threadId, String threadName,
            String monitorClass) {
    }

    @Override
    public void threadPark(long startNanos, long durationNanos, long threadId, String threadName, String parkedClass) {
    }

    @Override
    public void threadLifecycle(long startNanos, boolean started, long threadId, String threadName) {
    }

    @Override
    public void cpuInformation(long startNanos, String cpu, int cores, int hwThreads) {
    }

    @Override
    public void osInformation(long startNanos, String osVersion) {
    }

    @Override
    public void gcConfiguration(long startNanos, String youngCollector, String oldCollector) {
    }

    @Override
    public void gcHeapConfiguration(long startNanos, long maxSizeBytes) {
    }

    @Override
    public void executionSample(long startNanos, long threadId, String threadName, SampledStack stack) {
    }
}
