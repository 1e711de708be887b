package io.puredots.analyzer.stats.trace;

import io.puredots.analyzer.read.ChunkInfo;
import io.puredots.analyzer.read.EventHandler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of one chunk that a trace shows and its {@link TraceWindow} keeps, in file order,
 * plus what names the tracks: thread names and the JVM's pid. Filled by the reader, then handed
 * whole to {@link TraceAssembler#add} in chunk order. Holds only kept events, so its memory is
 * bounded by the window's share of the chunk. Not thread-safe: one reader thread fills it.
 */
public final class TraceChunk implements EventHandler {
    private final TraceWindow window;
    final List<TraceEvent> events = new ArrayList<>();
    /** Thread id to name, from every event that names its thread. */
    final Map<Long, String> threadNames = new HashMap<>();
    long chunkEndNanos = Long.MIN_VALUE;
    private long lastNamed = -1;
    long pid = -1;
    String javaArguments = "";
    String jvmName = "";

    public TraceChunk(TraceWindow window) {
        this.window = window;
    }

    /** The chunk's end, epoch ns, once it was read. */
    public long endNanos() {
        return chunkEndNanos;
    }

    @Override
    public void chunkStart(ChunkInfo chunk) {
        chunkEndNanos = chunk.startNanos() + chunk.durationNanos();
    }

    private TraceEvent add(TraceKind kind, long tid, long start, long dur, long tick) {
        if (!window.keeps(kind, tick, start, dur)) {
            return null;
        }
        TraceEvent e = new TraceEvent(kind, tid, start, dur, tick);
        events.add(e);
        return e;
    }

    private void name(long tid, String name) {
        // most events come in runs from one thread's buffer: look the map up once per run
        if (tid != lastNamed && tid >= 0 && !name.isEmpty()) {
            threadNames.putIfAbsent(tid, name);
            lastNamed = tid;
        }
    }

    @Override
    public void frameOnThread(long startNanos, long durationNanos, long threadId, String threadName, long tick,
                              int entityCount) {
        name(threadId, threadName);
        TraceEvent e = add(TraceKind.FRAME, threadId, startNanos, durationNanos, tick);
        if (e != null) {
            e.a = entityCount;
        }
    }

    @Override
    public void systemGroupTickOnThread(long startNanos, long durationNanos, long threadId, String threadName,
                                        String group, long tick) {
        name(threadId, threadName);
        TraceEvent e = add(TraceKind.GROUP, threadId, startNanos, durationNanos, tick);
        if (e != null) {
            e.s1 = group;
        }
    }

    @Override
    public void systemTickOnThread(long startNanos, long durationNanos, long threadId, String threadName,
                                   String system, String group, long tick, int entitiesProcessed) {
        name(threadId, threadName);
        TraceEvent e = add(TraceKind.SYSTEM, threadId, startNanos, durationNanos, tick);
        if (e != null) {
            e.s1 = system;
            e.s2 = group;
            e.a = entitiesProcessed;
        }
    }

    @Override
    public void jobSchedule(long startNanos, long durationNanos, long threadId, long jobId, String jobName,
                            String system, int dependencyCount, int chainDepth, int batchCount, long tick) {
        TraceEvent e = add(TraceKind.JOB_SCHEDULE, threadId, startNanos, durationNanos, tick);
        if (e != null) {
            e.a = jobId;
            e.b = ((long) dependencyCount << 32) | (chainDepth & 0xFFFFFFFFL);
            e.c = batchCount;
            e.s1 = jobName;
            e.s2 = system;
        }
    }

    @Override
    public void jobRun(long startNanos, long durationNanos, long threadId, String threadName, long jobId,
                       String jobName, int batchIndex, long tick, long queueWaitNanos) {
        name(threadId, threadName);
        TraceEvent e = add(TraceKind.JOB_RUN, threadId, startNanos, durationNanos, tick);
        if (e != null) {
            e.a = jobId;
            e.b = batchIndex;
            e.c = queueWaitNanos;
            e.s1 = jobName;
        }
    }

    @Override
    public void mainThreadWait(long startNanos, long durationNanos, long threadId, long tick, String system) {
        TraceEvent e = add(TraceKind.MAIN_WAIT, threadId, startNanos, durationNanos, tick);
        if (e != null) {
            e.s1 = system;
        }
    }

    @Override
    public void budgetViolation(long startNanos, String budgetId, double measured, double limit, String unit,
                                int consecutiveFrames, String severity, long tick) {
        TraceEvent e = add(TraceKind.BUDGET, -1, startNanos, 0, tick);
        if (e != null) {
            e.a = Double.doubleToRawLongBits(measured);
            e.b = Double.doubleToRawLongBits(limit);
            e.c = consecutiveFrames;
            e.s1 = budgetId;
            e.s2 = unit;
            e.s3 = severity;
        }
    }

    @Override
    public void garbageCollection(long startNanos, long durationNanos, long gcId, String name, String cause,
                                  long sumOfPausesNanos, long longestPauseNanos) {
        TraceEvent e = add(TraceKind.GC, -1, startNanos, durationNanos, 0);
        if (e != null) {
            e.a = gcId;
            e.b = sumOfPausesNanos;
            e.c = longestPauseNanos;
            e.s1 = name;
            e.s2 = cause;
        }
    }

    @Override
    public void gcPhasePause(long startNanos, long durationNanos, int level, long gcId, String name) {
        TraceEvent e = add(TraceKind.gcPause(level), -1, startNanos, durationNanos, 0);
        if (e != null) {
            e.a = gcId;
            e.s1 = name;
        }
    }

    @Override
    public void safepoint(long startNanos, long durationNanos, long safepointId, int totalThreadCount,
                          int jniCriticalThreadCount) {
        TraceEvent e = add(TraceKind.SAFEPOINT, -1, startNanos, durationNanos, 0);
        if (e != null) {
            e.a = safepointId;
            e.b = totalThreadCount;
            e.c = jniCriticalThreadCount;
        }
    }

    @Override
    public void gcHeapSummary(long startNanos, long gcId, String when, long heapUsedBytes, long heapCommittedBytes) {
        TraceEvent e = add(TraceKind.HEAP, -1, startNanos, 0, 0);
        if (e != null) {
            e.a = heapUsedBytes;
        }
    }

    @Override
    public void entityCount(long startNanos, String archetype, long count) {
        TraceEvent e = add(TraceKind.ENTITIES, -1, startNanos, 0, 0);
        if (e != null) {
            e.a = count;
            e.s1 = archetype;
        }
    }

    @Override
    public void nativeMemory(long startNanos, String owner, String containerKind, long bytesReserved,
                             long bytesUsed) {
        TraceEvent e = add(TraceKind.NATIVE_MEMORY, -1, startNanos, 0, 0);
        if (e != null) {
            e.a = bytesReserved;
            e.s1 = owner;
            e.s2 = containerKind;
        }
    }

    @Override
    public void jvmInformation(long startNanos, String jvmName, String jvmVersion, String jvmArguments,
                               String javaArguments, long jvmStartMillis, long pid) {
        if (this.pid < 0) {
            this.pid = pid;
            this.javaArguments = javaArguments;
            this.jvmName = jvmName;
        }
    }

    @Override
    public void threadLifecycle(long startNanos, boolean started, long threadId, String threadName) {
        name(threadId, threadName);
    }
}
