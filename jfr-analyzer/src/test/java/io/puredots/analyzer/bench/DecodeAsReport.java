package io.puredots.analyzer.bench;

import io.puredots.analyzer.read.SampledStack;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The decode-only handlers of {@link ReportCosts}: one class per cost type (see
 * {@link ReportCosts#TYPES}), overriding the {@code EventHandler} methods of exactly the kinds
 * {@code report} reads for that type (and {@code frame}, see {@link WithFrames}), and folding
 * the values into a checksum so that nothing is optimised away. The decoder decodes the kinds a
 * handler's class overrides and steps over the rest, so a run with one of these costs the
 * decoding of that type (and of the frames) and nothing else.
 *
 * <p>Not thread-safe: one handler per chunk.
 */
final class DecodeAsReport {
    private DecodeAsReport() {
    }

    /** Folds every call's values into a checksum. */
    abstract static class Fold extends AsReportFields {
        long sum;

        final void add(long start, long dur, long x, Object s) {
            events++;
            sum += start ^ dur ^ x ^ (s == null ? 0 : s.hashCode());
        }
    }

    static final class None extends Fold {
    }

    static final class Frame extends Fold {
        @Override
        public void frame(long startNanos, long durationNanos, long tick, int entityCount) {
            add(startNanos, durationNanos, tick + entityCount, null);
        }
    }

    /**
     * A type {@code report} joins to its frame (by tick, or by time for JDK events): it also
     * receives the frames, folded but not counted in {@link #events}, so that its twin in
     * {@link AggregateAsReport} aggregates it as in a full run; the {@code frame} run is its
     * baseline.
     */
    abstract static class WithFrames extends Fold {
        @Override
        public void frame(long startNanos, long durationNanos, long tick, int entityCount) {
            sum += startNanos ^ durationNanos ^ (tick + entityCount);
        }
    }

    static final class Group extends WithFrames {
        @Override
        public void systemGroupTick(long startNanos, long durationNanos, String group, long tick) {
            add(startNanos, durationNanos, tick, group);
        }
    }

    static final class SystemTick extends WithFrames {
        @Override
        public void systemTick(long startNanos, long durationNanos, String system, String group, long tick,
                               int entitiesProcessed) {
            add(startNanos, durationNanos, tick + entitiesProcessed, system);
        }
    }

    static final class JobSchedule extends WithFrames {
        @Override
        public void jobSchedule(long startNanos, long durationNanos, long threadId, long jobId, String jobName,
                                String system, int dependencyCount, int chainDepth, int batchCount, long tick) {
            add(startNanos, durationNanos, threadId + jobId + dependencyCount + chainDepth + batchCount + tick,
                    jobName);
        }
    }

    static final class JobRun extends WithFrames {
        @Override
        public void jobRun(long startNanos, long durationNanos, long threadId, String threadName, long jobId,
                           String jobName, int batchIndex, long tick, long queueWaitNanos) {
            add(startNanos, durationNanos, threadId + jobId + batchIndex + tick + queueWaitNanos, threadName);
        }
    }

    static final class MainThreadWait extends WithFrames {
        @Override
        public void mainThreadWait(long startNanos, long durationNanos, long threadId, long tick, String system) {
            add(startNanos, durationNanos, threadId + tick, system);
        }
    }

    static final class RegistryUpdate extends WithFrames {
        @Override
        public void registryUpdate(long startNanos, long durationNanos, String registry, long tick, int entryCount,
                                   int adds, int removes, int updates) {
            add(startNanos, durationNanos, tick + entryCount + adds + removes + updates, registry);
        }
    }

    /** Every kind {@code report} reads besides the seven puredots types above: samples and JDK events. */
    static class Other extends WithFrames {
        @Override
        public void entityCount(long startNanos, String archetype, long count) {
            add(startNanos, 0, count, archetype);
        }

        @Override
        public void nativeMemory(long startNanos, String owner, String containerKind, long bytesReserved,
                                 long bytesUsed) {
            add(startNanos, bytesReserved, bytesUsed, owner);
        }

        @Override
        public void jvmInformation(long startNanos, String jvmName, String jvmVersion, String jvmArguments,
                                   String javaArguments, long jvmStartMillis, long pid) {
            add(startNanos, jvmStartMillis, pid, jvmName);
        }

        @Override
        public void gcHeapSummary(long startNanos, long gcId, String when, long heapUsedBytes,
                                  long heapCommittedBytes) {
            add(startNanos, gcId, heapUsedBytes + heapCommittedBytes, when);
        }

        @Override
        public void directBufferStatistics(long startNanos, long count, long totalCapacityBytes,
                                           long memoryUsedBytes, long maxCapacityBytes) {
            add(startNanos, count, totalCapacityBytes + memoryUsedBytes + maxCapacityBytes, null);
        }

        @Override
        public void cpuInformation(long startNanos, String cpu, int cores, int hwThreads) {
            add(startNanos, cores, hwThreads, cpu);
        }

        @Override
        public void osInformation(long startNanos, String osVersion) {
            add(startNanos, 0, 0, osVersion);
        }

        @Override
        public void gcConfiguration(long startNanos, String youngCollector, String oldCollector) {
            add(startNanos, 0, 0, youngCollector);
        }

        @Override
        public void gcHeapConfiguration(long startNanos, long maxSizeBytes) {
            add(startNanos, 0, maxSizeBytes, null);
        }

        @Override
        public void garbageCollection(long startNanos, long durationNanos, long gcId, String name, String cause,
                                      long sumOfPausesNanos, long longestPauseNanos) {
            add(startNanos, durationNanos, gcId + sumOfPausesNanos + longestPauseNanos, cause);
        }

        @Override
        public void gcPhasePause(long startNanos, long durationNanos, int level, long gcId, String name) {
            add(startNanos, durationNanos, gcId + level, name);
        }

        @Override
        public void safepoint(long startNanos, long durationNanos, long safepointId, int totalThreadCount,
                              int jniCriticalThreadCount) {
            add(startNanos, durationNanos, safepointId + totalThreadCount + jniCriticalThreadCount, null);
        }

        @Override
        public void vmOperation(long startNanos, long durationNanos, String operation, boolean atSafepoint) {
            add(startNanos, durationNanos, atSafepoint ? 1 : 0, operation);
        }

        @Override
        public void compilation(long startNanos, long durationNanos, long threadId, int compileId, String compiler,
                                String method, int compileLevel, boolean succeeded, boolean isOsr) {
            add(startNanos, durationNanos, threadId + compileId + compileLevel + (succeeded ? 1 : 0) + (isOsr ? 2 : 0),
                    method);
        }

        @Override
        public void deoptimization(long startNanos, long threadId, int compileId, String compiler, String method,
                                   String reason, String action) {
            add(startNanos, threadId, compileId, reason);
        }

        @Override
        public void allocationSample(long startNanos, long threadId, String objectClass, long weightBytes) {
            add(startNanos, threadId, weightBytes, objectClass);
        }

        @Override
        public void executionSample(long startNanos, long threadId, String threadName, SampledStack stack) {
            add(startNanos, threadId, stack.depth(), threadName);
        }

        @Override
        public void cpuLoad(long startNanos, double jvmUser, double jvmSystem, double machineTotal) {
            add(startNanos, Double.doubleToRawLongBits(jvmUser + jvmSystem), Double.doubleToRawLongBits(machineTotal),
                    null);
        }

        @Override
        public void monitorEnter(long startNanos, long durationNanos, long threadId, String threadName,
                                 String monitorClass) {
            add(startNanos, durationNanos, threadId, monitorClass);
        }

        @Override
        public void threadPark(long startNanos, long durationNanos, long threadId, String threadName,
                               String parkedClass) {
            add(startNanos, durationNanos, threadId, parkedClass);
        }
    }

    /** Every kind {@code report} reads: {@link Other} and the seven puredots types, frames counted too. */
    static final class All extends Other {
        @Override
        public void frame(long startNanos, long durationNanos, long tick, int entityCount) {
            add(startNanos, durationNanos, tick + entityCount, null);
        }

        @Override
        public void systemGroupTick(long startNanos, long durationNanos, String group, long tick) {
            add(startNanos, durationNanos, tick, group);
        }

        @Override
        public void systemTick(long startNanos, long durationNanos, String system, String group, long tick,
                               int entitiesProcessed) {
            add(startNanos, durationNanos, tick + entitiesProcessed, system);
        }

        @Override
        public void jobSchedule(long startNanos, long durationNanos, long threadId, long jobId, String jobName,
                                String system, int dependencyCount, int chainDepth, int batchCount, long tick) {
            add(startNanos, durationNanos, threadId + jobId + dependencyCount + chainDepth + batchCount + tick,
                    jobName);
        }

        @Override
        public void jobRun(long startNanos, long durationNanos, long threadId, String threadName, long jobId,
                           String jobName, int batchIndex, long tick, long queueWaitNanos) {
            add(startNanos, durationNanos, threadId + jobId + batchIndex + tick + queueWaitNanos, threadName);
        }

        @Override
        public void mainThreadWait(long startNanos, long durationNanos, long threadId, long tick, String system) {
            add(startNanos, durationNanos, threadId + tick, system);
        }

        @Override
        public void registryUpdate(long startNanos, long durationNanos, String registry, long tick, int entryCount,
                                   int adds, int removes, int updates) {
            add(startNanos, durationNanos, tick + entryCount + adds + removes + updates, registry);
        }
    }

    /** The handler of each type of {@link ReportCosts#TYPES}. */
    static final Map<String, Supplier<? extends Fold>> HANDLERS = Map.of(
            "none", None::new, "frame", Frame::new, "group", Group::new, "system", SystemTick::new,
            "jobSchedule", JobSchedule::new, "jobRun", JobRun::new, "mainThreadWait", MainThreadWait::new,
            "registryUpdate", RegistryUpdate::new, "other", Other::new, "all", All::new);
}
