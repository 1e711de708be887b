package io.puredots.analyzer.read;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A handler that writes down every callback with all its arguments, one line per call, so that
 * two decoders can be compared call by call. Also collects every String argument by identity to
 * check canonical instances.
 */
class CallLog implements EventHandler {
    final List<String> calls = new ArrayList<>();
    final Map<String, Boolean> stringsByIdentity = new IdentityHashMap<>();
    ChunkInfo chunk;
    Map<String, Long> counts;

    private void log(String method, Object... args) {
        StringBuilder sb = new StringBuilder(method).append('(');
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object a = args[i];
            if (a instanceof String s) {
                stringsByIdentity.put(s, Boolean.TRUE);
                sb.append('"').append(s).append('"');
            } else if (a instanceof Double d) {
                sb.append(Double.doubleToRawLongBits(d)).append('d');
            } else {
                sb.append(a);
            }
        }
        calls.add(sb.append(')').toString());
    }

    @Override
    public void chunkStart(ChunkInfo chunk) {
        this.chunk = chunk;
        log("chunkStart", chunk);
    }

    @Override
    public void chunkEnd(ChunkInfo chunk, Map<String, Long> eventCountsByType) {
        counts = eventCountsByType;
        log("chunkEnd", chunk, new java.util.TreeMap<>(eventCountsByType));
    }

    @Override
    public void frame(long startNanos, long durationNanos, long tick, int entityCount) {
        log("frame", startNanos, durationNanos, tick, entityCount);
    }

    @Override
    public void systemGroupTick(long startNanos, long durationNanos, String group, long tick) {
        log("systemGroupTick", startNanos, durationNanos, group, tick);
    }

    @Override
    public void systemTick(long startNanos, long durationNanos, String system, String group, long tick,
                           int entitiesProcessed) {
        log("systemTick", startNanos, durationNanos, system, group, tick, entitiesProcessed);
    }

    @Override
    public void jobSchedule(long startNanos, long durationNanos, long threadId, long jobId, String jobName,
                            String system, int dependencyCount, int chainDepth, int batchCount, long tick) {
        log("jobSchedule", startNanos, durationNanos, threadId, jobId, jobName, system, dependencyCount, chainDepth,
                batchCount, tick);
    }

    @Override
    public void jobRun(long startNanos, long durationNanos, long threadId, String threadName, long jobId,
                       String jobName, int batchIndex, long tick, long queueWaitNanos) {
        log("jobRun", startNanos, durationNanos, threadId, threadName, jobId, jobName, batchIndex, tick,
                queueWaitNanos);
    }

    @Override
    public void mainThreadWait(long startNanos, long durationNanos, long threadId, long tick, String system) {
        log("mainThreadWait", startNanos, durationNanos, threadId, tick, system);
    }

    @Override
    public void registryUpdate(long startNanos, long durationNanos, String registry, long tick, int entryCount,
                               int adds, int removes, int updates) {
        log("registryUpdate", startNanos, durationNanos, registry, tick, entryCount, adds, removes, updates);
    }

    @Override
    public void spatialGridRebuild(long startNanos, long durationNanos, long tick, int cellCount, int entityCount,
                                   int maxCellOccupancy) {
        log("spatialGridRebuild", startNanos, durationNanos, tick, cellCount, entityCount, maxCellOccupancy);
    }

    @Override
    public void entityCount(long startNanos, String archetype, long count) {
        log("entityCount", startNanos, archetype, count);
    }

    @Override
    public void nativeMemory(long startNanos, String owner, String containerKind, long bytesReserved,
                             long bytesUsed) {
        log("nativeMemory", startNanos, owner, containerKind, bytesReserved, bytesUsed);
    }

    @Override
    public void budgetViolation(long startNanos, String budgetId, double measured, double limit, String unit,
                                int consecutiveFrames, String severity, long tick) {
        log("budgetViolation", startNanos, budgetId, measured, limit, unit, consecutiveFrames, severity, tick);
    }

    @Override
    public void jvmInformation(long startNanos, String jvmName, String jvmVersion, String jvmArguments,
                               String javaArguments, long jvmStartMillis, long pid) {
        log("jvmInformation", startNanos, jvmName, jvmVersion, jvmArguments, javaArguments, jvmStartMillis, pid);
    }

    @Override
    public void garbageCollection(long startNanos, long durationNanos, long gcId, String name, String cause,
                                  long sumOfPausesNanos, long longestPauseNanos) {
        log("garbageCollection", startNanos, durationNanos, gcId, name, cause, sumOfPausesNanos, longestPauseNanos);
    }

    @Override
    public void gcPhasePause(long startNanos, long durationNanos, int level, long gcId, String name) {
        log("gcPhasePause", startNanos, durationNanos, level, gcId, name);
    }

    @Override
    public void gcHeapSummary(long startNanos, long gcId, String when, long heapUsedBytes, long heapCommittedBytes) {
        log("gcHeapSummary", startNanos, gcId, when, heapUsedBytes, heapCommittedBytes);
    }

    @Override
    public void safepoint(long startNanos, long durationNanos, long safepointId, int totalThreadCount,
                          int jniCriticalThreadCount) {
        log("safepoint", startNanos, durationNanos, safepointId, totalThreadCount, jniCriticalThreadCount);
    }

    @Override
    public void vmOperation(long startNanos, long durationNanos, String operation, boolean atSafepoint) {
        log("vmOperation", startNanos, durationNanos, operation, atSafepoint);
    }

    @Override
    public void compilation(long startNanos, long durationNanos, long threadId, int compileId, String compiler,
                            String method, int compileLevel, boolean succeeded, boolean isOsr) {
        log("compilation", startNanos, durationNanos, threadId, compileId, compiler, method, compileLevel, succeeded,
                isOsr);
    }

    @Override
    public void deoptimization(long startNanos, long threadId, int compileId, String compiler, String method,
                               String reason, String action) {
        log("deoptimization", startNanos, threadId, compileId, compiler, method, reason, action);
    }

    @Override
    public void allocationSample(long startNanos, long threadId, String objectClass, long weightBytes) {
        log("allocationSample", startNanos, threadId, objectClass, weightBytes);
    }

    @Override
    public void cpuLoad(long startNanos, double jvmUser, double jvmSystem, double machineTotal) {
        log("cpuLoad", startNanos, jvmUser, jvmSystem, machineTotal);
    }

    @Override
    public void threadCpuLoad(long startNanos, long threadId, String threadName, double user, double system) {
        log("threadCpuLoad", startNanos, threadId, threadName, user, system);
    }

    @Override
    public void directBufferStatistics(long startNanos, long count, long totalCapacityBytes, long memoryUsedBytes,
                                       long maxCapacityBytes) {
        log("directBufferStatistics", startNanos, count, totalCapacityBytes, memoryUsedBytes, maxCapacityBytes);
    }

    @Override
    public void monitorEnter(long startNanos, long durationNanos, long threadId, String threadName,
                             String monitorClass) {
        log("monitorEnter", startNanos, durationNanos, threadId, threadName, monitorClass);
    }

    @Override
    public void threadPark(long startNanos, long durationNanos, long threadId, String threadName,
                           String parkedClass) {
        log("threadPark", startNanos, durationNanos, threadId, threadName, parkedClass);
    }

    @Override
    public void threadLifecycle(long startNanos, boolean started, long threadId, String threadName) {
        log("threadLifecycle", startNanos, started, threadId, threadName);
    }

    @Override
    public void cpuInformation(long startNanos, String cpu, int cores, int hwThreads) {
        log("cpuInformation", startNanos, cpu, cores, hwThreads);
    }

    @Override
    public void osInformation(long startNanos, String osVersion) {
        log("osInformation", startNanos, osVersion);
    }

    @Override
    public void gcConfiguration(long startNanos, String youngCollector, String oldCollector) {
        log("gcConfiguration", startNanos, youngCollector, oldCollector);
    }

    @Override
    public void gcHeapConfiguration(long startNanos, long maxSizeBytes) {
        log("gcHeapConfiguration", startNanos, maxSizeBytes);
    }

    /** Calls whose line starts with {@code method + "("}. */
    List<String> callsOf(String method) {
        List<String> out = new ArrayList<>();
        for (String c : calls) {
            if (c.startsWith(method + "(")) {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public void executionSample(long startNanos, long threadId, String threadName, SampledStack stack) {
        log("executionSample", startNanos, threadId, threadName, stack); // not a String: only its frames are canonical
    }
}
