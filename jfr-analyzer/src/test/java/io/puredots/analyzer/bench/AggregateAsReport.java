package io.puredots.analyzer.bench;

import io.puredots.analyzer.read.ChunkInfo;
import io.puredots.analyzer.read.SampledStack;
import io.puredots.analyzer.stats.ChunkStats;

import java.util.Map;
import java.util.function.Function;

/**
 * The decode-and-aggregate handlers of {@link ReportCosts}: one class per cost type (see
 * {@link ReportCosts#TYPES}), overriding the {@code EventHandler} methods of the same kinds as
 * its {@link DecodeAsReport} twin, and forwarding each event to a {@link ChunkStats} partial, the
 * aggregation {@code report} runs. The decoder decodes only the kinds a handler's class
 * overrides, so the partial sees that type's events (and the frames, see {@link WithFrames}) and
 * no other; a run with one of these less its twin's run is what aggregating them costs.
 *
 * <p>Not thread-safe: one handler per chunk, like the partial it wraps.
 */
final class AggregateAsReport {
    private AggregateAsReport() {
    }

    /** Forwards the chunk's start and end, and the overridden kinds' events, to its partial. */
    abstract static class Forward extends AsReportFields {
        final ChunkStats stats;

        Forward(ChunkStats stats) {
            this.stats = stats;
        }

        @Override
        public final void chunkStart(ChunkInfo chunk) {
            stats.chunkStart(chunk);
        }

        @Override
        public final void chunkEnd(ChunkInfo chunk, Map<String, Long> eventCountsByType) {
            stats.chunkEnd(chunk, eventCountsByType);
        }
    }

    static final class None extends Forward {
        None(ChunkStats stats) {
            super(stats);
        }
    }

    static final class Frame extends Forward {
        Frame(ChunkStats stats) {
            super(stats);
        }

        @Override
        public void frame(long startNanos, long durationNanos, long tick, int entityCount) {
            events++;
            stats.frame(startNanos, durationNanos, tick, entityCount);
        }
    }

    /**
     * A type {@code report} joins to its frame (by tick, or by time for JDK events): the partial
     * also receives the frames, not counted in {@link #events}, so that it aggregates the type as in
     * a full run (without them, every group and system value waits for a frame that never comes);
     * the {@code frame} run is its baseline.
     */
    abstract static class WithFrames extends Forward {
        WithFrames(ChunkStats stats) {
            super(stats);
        }

        @Override
        public void frame(long startNanos, long durationNanos, long tick, int entityCount) {
            stats.frame(startNanos, durationNanos, tick, entityCount);
        }
    }

    static final class Group extends WithFrames {
        Group(ChunkStats stats) {
            super(stats);
        }

        @Override
        public void systemGroupTick(long startNanos, long durationNanos, String group, long tick) {
            events++;
            stats.systemGroupTick(startNanos, durationNanos, group, tick);
        }
    }

    static final class SystemTick extends WithFrames {
        SystemTick(ChunkStats stats) {
            super(stats);
        }

        @Override
        public void systemTick(long startNanos, long durationNanos, String system, String group, long tick,
                               int entitiesProcessed) {
            events++;
            stats.systemTick(startNanos, durationNanos, system, group, tick, entitiesProcessed);
        }
    }

    static final class JobSchedule extends WithFrames {
        JobSchedule(ChunkStats stats) {
            super(stats);
        }

        @Override
        public void jobSchedule(long startNanos, long durationNanos, long threadId, long jobId, String jobName,
                                String system, int dependencyCount, int chainDepth, int batchCount, long tick) {
            events++;
            stats.jobSchedule(startNanos, durationNanos, threadId, jobId, jobName, system, dependencyCount, chainDepth,
                    batchCount, tick);
        }
    }

    static final class JobRun extends WithFrames {
        JobRun(ChunkStats stats) {
            super(stats);
        }

        @Override
        public void jobRun(long startNanos, long durationNanos, long threadId, String threadName, long jobId,
                           String jobName, int batchIndex, long tick, long queueWaitNanos) {
            events++;
            stats.jobRun(startNanos, durationNanos, threadId, threadName, jobId, jobName, batchIndex, tick,
                    queueWaitNanos);
        }
    }

    static final class MainThreadWait extends WithFrames {
        MainThreadWait(ChunkStats stats) {
            super(stats);
        }

        @Override
        public void mainThreadWait(long startNanos, long durationNanos, long threadId, long tick, String system) {
            events++;
            stats.mainThreadWait(startNanos, durationNanos, threadId, tick, system);
        }
    }

    static final class RegistryUpdate extends WithFrames {
        RegistryUpdate(ChunkStats stats) {
            super(stats);
        }

        @Override
        public void registryUpdate(long startNanos, long durationNanos, String registry, long tick, int entryCount,
                                   int adds, int removes, int updates) {
            events++;
            stats.registryUpdate(startNanos, durationNanos, registry, tick, entryCount, adds, removes, updates);
        }
    }

    /** Every kind {@code report} reads besides the seven puredots types above: samples and JDK events. */
    static class Other extends WithFrames {
        Other(ChunkStats stats) {
            super(stats);
        }

        @Override
        public void entityCount(long startNanos, String archetype, long count) {
            events++;
            stats.entityCount(startNanos, archetype, count);
        }

        @Override
        public void nativeMemory(long startNanos, String owner, String containerKind, long bytesReserved,
                                 long bytesUsed) {
            events++;
            stats.nativeMemory(startNanos, owner, containerKind, bytesReserved, bytesUsed);
        }

        @Override
        public void jvmInformation(long startNanos, String jvmName, String jvmVersion, String jvmArguments,
                                   String javaArguments, long jvmStartMillis, long pid) {
            events++;
            stats.jvmInformation(startNanos, jvmName, jvmVersion, jvmArguments, javaArguments, jvmStartMillis, pid);
        }

        @Override
        public void gcHeapSummary(long startNanos, long gcId, String when, long heapUsedBytes,
                                  long heapCommittedBytes) {
            events++;
            stats.gcHeapSummary(startNanos, gcId, when, heapUsedBytes, heapCommittedBytes);
        }

        @Override
        public void directBufferStatistics(long startNanos, long count, long totalCapacityBytes, long memoryUsedBytes,
                                           long maxCapacityBytes) {
            events++;
            stats.directBufferStatistics(startNanos, count, totalCapacityBytes, memoryUsedBytes, maxCapacityBytes);
        }

        @Override
        public void cpuInformation(long startNanos, String cpu, int cores, int hwThreads) {
            events++;
            stats.cpuInformation(startNanos, cpu, cores, hwThreads);
        }

        @Override
        public void osInformation(long startNanos, String osVersion) {
            events++;
            stats.osInformation(startNanos, osVersion);
        }

        @Override
        public void gcConfiguration(long startNanos, String youngCollector, String oldCollector) {
            events++;
            stats.gcConfiguration(startNanos, youngCollector, oldCollector);
        }

        @Override
        public void gcHeapConfiguration(long startNanos, long maxSizeBytes) {
            events++;
            stats.gcHeapConfiguration(startNanos, maxSizeBytes);
        }

        @Override
        public void garbageCollection(long startNanos, long durationNanos, long gcId, String name, String cause,
                                      long sumOfPausesNanos, long longestPauseNanos) {
            events++;
            stats.garbageCollection(startNanos, durationNanos, gcId, name, cause, sumOfPausesNanos, longestPauseNanos);
        }

        @Override
        public void gcPhasePause(long startNanos, long durationNanos, int level, long gcId, String name) {
            events++;
            stats.gcPhasePause(startNanos, durationNanos, level, gcId, name);
        }

        @Override
        public void safepoint(long startNanos, long durationNanos, long safepointId, int totalThreadCount,
                              int jniCriticalThreadCount) {
            events++;
            stats.safepoint(startNanos, durationNanos, safepointId, totalThreadCount, jniCriticalThreadCount);
        }

        @Override
        public void vmOperation(long startNanos, long durationNanos, String operation, boolean atSafepoint) {
            events++;
            stats.vmOperation(startNanos, durationNanos, operation, atSafepoint);
        }

        @Override
        public void compilation(long startNanos, long durationNanos, long threadId, int compileId, String compiler,
                                String method, int compileLevel, boolean succeeded, boolean isOsr) {
            events++;
            stats.compilation(startNanos, durationNanos, threadId, compileId, compiler, method, compileLevel, succeeded,
                    isOsr);
        }

        @Override
        public void deoptimization(long startNanos, long threadId, int compileId, String compiler, String method,
                                   String reason, String action) {
            events++;
            stats.deoptimization(startNanos, threadId, compileId, compiler, method, reason, action);
        }

        @Override
        public void allocationSample(long startNanos, long threadId, String objectClass, long weightBytes) {
            events++;
            stats.allocationSample(startNanos, threadId, objectClass, weightBytes);
        }

        @Override
        public void executionSample(long startNanos, long threadId, String threadName, SampledStack stack) {
            events++;
            stats.executionSample(startNanos, threadId, threadName, stack);
        }

        @Override
        public void cpuLoad(long startNanos, double jvmUser, double jvmSystem, double machineTotal) {
            events++;
            stats.cpuLoad(startNanos, jvmUser, jvmSystem, machineTotal);
        }

        @Override
        public void monitorEnter(long startNanos, long durationNanos, long threadId, String threadName,
                                 String monitorClass) {
            events++;
            stats.monitorEnter(startNanos, durationNanos, threadId, threadName, monitorClass);
        }

        @Override
        public void threadPark(long startNanos, long durationNanos, long threadId, String threadName,
                               String parkedClass) {
            events++;
            stats.threadPark(startNanos, durationNanos, threadId, threadName, parkedClass);
        }
    }

    /** Every kind {@code report} reads: {@link Other} and the seven puredots types, frames counted too. */
    static final class All extends Other {
        All(ChunkStats stats) {
            super(stats);
        }

        @Override
        public void frame(long startNanos, long durationNanos, long tick, int entityCount) {
            events++;
            stats.frame(startNanos, durationNanos, tick, entityCount);
        }

        @Override
        public void systemGroupTick(long startNanos, long durationNanos, String group, long tick) {
            events++;
            stats.systemGroupTick(startNanos, durationNanos, group, tick);
        }

        @Override
        public void systemTick(long startNanos, long durationNanos, String system, String group, long tick,
                               int entitiesProcessed) {
            events++;
            stats.systemTick(startNanos, durationNanos, system, group, tick, entitiesProcessed);
        }

        @Override
        public void jobSchedule(long startNanos, long durationNanos, long threadId, long jobId, String jobName,
                                String system, int dependencyCount, int chainDepth, int batchCount, long tick) {
            events++;
            stats.jobSchedule(startNanos, durationNanos, threadId, jobId, jobName, system, dependencyCount, chainDepth,
                    batchCount, tick);
        }

        @Override
        public void jobRun(long startNanos, long durationNanos, long threadId, String threadName, long jobId,
                           String jobName, int batchIndex, long tick, long queueWaitNanos) {
            events++;
            stats.jobRun(startNanos, durationNanos, threadId, threadName, jobId, jobName, batchIndex, tick,
                    queueWaitNanos);
        }

        @Override
        public void mainThreadWait(long startNanos, long durationNanos, long threadId, long tick, String system) {
            events++;
            stats.mainThreadWait(startNanos, durationNanos, threadId, tick, system);
        }

        @Override
        public void registryUpdate(long startNanos, long durationNanos, String registry, long tick, int entryCount,
                                   int adds, int removes, int updates) {
            events++;
            stats.registryUpdate(startNanos, durationNanos, registry, tick, entryCount, adds, removes, updates);
        }
    }

    /** The handler of each type of {@link ReportCosts#TYPES}, around a partial. */
    static final Map<String, Function<ChunkStats, ? extends Forward>> HANDLERS = Map.of(
            "none", None::new, "frame", Frame::new, "group", Group::new, "system", SystemTick::new,
            "jobSchedule", JobSchedule::new, "jobRun", JobRun::new, "mainThreadWait", MainThreadWait::new,
            "registryUpdate", RegistryUpdate::new, "other", Other::new, "all", All::new);
}
