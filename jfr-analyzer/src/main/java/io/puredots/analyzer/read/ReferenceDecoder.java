package io.puredots.analyzer.read;

import io.puredots.events.EventFields.BudgetViolation;
import io.puredots.events.EventFields.EntityCount;
import io.puredots.events.EventFields.Frame;
import io.puredots.events.EventFields.JobRun;
import io.puredots.events.EventFields.JobSchedule;
import io.puredots.events.EventFields.MainThreadWait;
import io.puredots.events.EventFields.NativeMemory;
import io.puredots.events.EventFields.RegistryUpdate;
import io.puredots.events.EventFields.SpatialGridRebuild;
import io.puredots.events.EventFields.SystemGroupTick;
import io.puredots.events.EventFields.SystemTick;
import io.puredots.events.EventFields.Jdk.Compilation;
import io.puredots.events.EventFields.Jdk.CpuLoad;
import io.puredots.events.EventFields.Jdk.Deoptimization;
import io.puredots.events.EventFields.Jdk.DirectBufferStatistics;
import io.puredots.events.EventFields.Jdk.ExecutionSample;
import io.puredots.events.EventFields.Jdk.ExecuteVmOperation;
import io.puredots.events.EventFields.Jdk.GarbageCollection;
import io.puredots.events.EventFields.Jdk.GcHeapSummary;
import io.puredots.events.EventFields.Jdk.GcPhasePause;
import io.puredots.events.EventFields.Jdk.JavaMonitorEnter;
import io.puredots.events.EventFields.Jdk.JvmInformation;
import io.puredots.events.EventFields.Jdk.CpuInformation;
import io.puredots.events.EventFields.Jdk.GcConfiguration;
import io.puredots.events.EventFields.Jdk.GcHeapConfiguration;
import io.puredots.events.EventFields.Jdk.OsInformation;
import io.puredots.events.EventFields.Jdk.ObjectAllocationSample;
import io.puredots.events.EventFields.Jdk.SafepointBegin;
import io.puredots.events.EventFields.Jdk.ThreadCpuLoad;
import io.puredots.events.EventFields.Jdk.ThreadLifecycle;
import io.puredots.events.EventFields.Jdk.ThreadPark;
import io.puredots.events.EventNames;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reference decoder: one chunk through {@code jdk.jfr.consumer.RecordingFile}. Simple and
 * slow (RecordingFile allocates objects per event); the yardstick for faster decoders.
 *
 * <p>RecordingFile does not expose chunks, so a chunk that is not the whole file is first copied
 * to a temporary file of its own (a single chunk is a valid recording); so is an unfinished
 * chunk, cut at its last flush and marked finished. RecordingFile hides the
 * {@code jdk.Metadata} and {@code jdk.CheckPoint} events that {@code jfr summary} counts, so
 * those two are counted by walking the chunk's event headers (size, type id) directly.
 *
 * <p>Not thread-safe: one instance per chunk, used by one thread.
 */
final class ReferenceDecoder {
    private static final long METADATA_TYPE_ID = 0;
    private static final long CHECKPOINT_TYPE_ID = 1;
    private static final int FILE_STATE_OFFSET = 64;

    private final StringCanon strings;

    ReferenceDecoder(StringCanon strings) {
        this.strings = strings;
    }

    /** Decodes one chunk into {@code handler}; returns the chunk's event counts by type name. */
    Map<String, Long> decode(FileChannel channel, ChunkHeader chunk, boolean wholeFile, EventHandler handler)
            throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        countSpecialEvents(chunk, counts);
        ChunkInfo info = chunk.info();
        handler.chunkStart(info);
        Path source = chunk.file();
        Path temp = null;
        try {
            if (!wholeFile) {
                temp = Files.createTempFile("puredots-chunk-", ".jfr");
                try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    long done = 0;
                    while (done < chunk.size()) {
                        long n = channel.transferTo(chunk.offset() + done, chunk.size() - done, out);
                        if (n <= 0) {
                            throw new RecordingFormatException(chunk.file(), chunk.index(), chunk.offset() + done,
                                    "truncated chunk");
                        }
                        done += n;
                    }
                    if (chunk.unfinished()) {
                        // as of its last flush the chunk is complete; RecordingFile reads it once marked finished
                        out.write(ByteBuffer.wrap(new byte[] {0}), FILE_STATE_OFFSET);
                    }
                }
                source = temp;
            }
            try (RecordingFile rf = new RecordingFile(source)) {
                while (rf.hasMoreEvents()) {
                    RecordedEvent e = rf.readEvent();
                    counts.merge(e.getEventType().getName(), 1L, Long::sum);
                    dispatch(e, handler);
                }
            } catch (RecordingFormatException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                throw new RecordingFormatException(chunk.file(), chunk.index(), chunk.offset(),
                        "unreadable chunk (" + e + ")", e);
            }
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
        Map<String, Long> result = java.util.Collections.unmodifiableMap(counts);
        handler.chunkEnd(info, result);
        return result;
    }

    /** Counts events of type id 0 (jdk.Metadata) and 1 (jdk.CheckPoint) by walking event headers. */
    private static void countSpecialEvents(ChunkHeader chunk, Map<String, Long> counts) throws IOException {
        long metadata = 0;
        long checkpoints = 0;
        long pos = chunk.offset() + ChunkHeader.HEADER_SIZE;
        long end = chunk.end();
        try (FileChannel ch = FileChannel.open(chunk.file(), StandardOpenOption.READ)) {
            ch.position(pos);
            InputStream in = new BufferedInputStream(Channels.newInputStream(ch), 1 << 16);
            while (pos < end) {
                long[] read = new long[1];
                long size = readInt(in, chunk.compressedIntegers(), read);
                long typeId = readLong(in, chunk.compressedIntegers(), read);
                if (size < read[0] || size > end - pos) {
                    throw new RecordingFormatException(chunk.file(), chunk.index(), pos,
                            "event size " + size + " outside chunk");
                }
                if (typeId == METADATA_TYPE_ID) {
                    metadata++;
                } else if (typeId == CHECKPOINT_TYPE_ID) {
                    checkpoints++;
                }
                in.skipNBytes(size - read[0]);
                pos += size;
            }
        } catch (EOFException e) {
            throw new RecordingFormatException(chunk.file(), chunk.index(), pos, "truncated event", e);
        }
        if (metadata > 0) {
            counts.put("jdk.Metadata", metadata);
        }
        if (checkpoints > 0) {
            counts.put("jdk.CheckPoint", checkpoints);
        }
    }

    private static long readInt(InputStream in, boolean compressed, long[] read) throws IOException {
        if (compressed) {
            return readVarLong(in, read);
        }
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | readByte(in);
        }
        read[0] += 4;
        return (int) v;
    }

    private static long readLong(InputStream in, boolean compressed, long[] read) throws IOException {
        if (compressed) {
            return readVarLong(in, read);
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | readByte(in);
        }
        read[0] += 8;
        return v;
    }

    /** LEB128-like: 7 bits per byte, low bits first, high bit set = more; the 9th byte has 8 bits. */
    private static long readVarLong(InputStream in, long[] read) throws IOException {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int b = readByte(in);
            read[0]++;
            v |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        int b = readByte(in);
        read[0]++;
        return v | ((long) b << 56);
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    // ---- dispatch -----------------------------------------------------------------------------

    private void dispatch(RecordedEvent e, EventHandler h) {
        String name = e.getEventType().getName();
        switch (name) {
            case EventNames.FRAME -> {
                if (onThread(h, EventKinds.K_FRAME)) {
                    h.frameOnThread(start(e), dur(e), threadId(e.getThread()), threadName(e.getThread()),
                            e.getLong(Frame.TICK), e.getInt(Frame.ENTITY_COUNT));
                } else {
                    h.frame(start(e), dur(e), e.getLong(Frame.TICK), e.getInt(Frame.ENTITY_COUNT));
                }
            }
            case EventNames.SYSTEM_GROUP_TICK -> {
                if (onThread(h, EventKinds.K_GROUP)) {
                    h.systemGroupTickOnThread(start(e), dur(e), threadId(e.getThread()), threadName(e.getThread()),
                            str(e, SystemGroupTick.GROUP), e.getLong(SystemGroupTick.TICK));
                } else {
                    h.systemGroupTick(start(e), dur(e), str(e, SystemGroupTick.GROUP), e.getLong(SystemGroupTick.TICK));
                }
            }
            case EventNames.SYSTEM_TICK -> {
                if (onThread(h, EventKinds.K_SYSTEM)) {
                    h.systemTickOnThread(start(e), dur(e), threadId(e.getThread()), threadName(e.getThread()),
                            str(e, SystemTick.SYSTEM), str(e, SystemTick.GROUP), e.getLong(SystemTick.TICK),
                            e.getInt(SystemTick.ENTITIES_PROCESSED));
                } else {
                    h.systemTick(start(e), dur(e), str(e, SystemTick.SYSTEM), str(e, SystemTick.GROUP),
                            e.getLong(SystemTick.TICK), e.getInt(SystemTick.ENTITIES_PROCESSED));
                }
            }
            case EventNames.JOB_SCHEDULE -> h.jobSchedule(start(e), dur(e), threadId(e.getThread()),
                    e.getLong(JobSchedule.JOB_ID), str(e, JobSchedule.JOB_NAME), str(e, JobSchedule.SYSTEM), e.getInt(JobSchedule.DEPENDENCY_COUNT),
                    e.getInt(JobSchedule.CHAIN_DEPTH), e.getInt(JobSchedule.BATCH_COUNT), e.getLong(JobSchedule.TICK));
            case EventNames.JOB_RUN -> h.jobRun(start(e), dur(e), threadId(e.getThread()),
                    threadName(e.getThread()), e.getLong(JobRun.JOB_ID), str(e, JobRun.JOB_NAME), e.getInt(JobRun.BATCH_INDEX),
                    e.getLong(JobRun.TICK), e.getLong(JobRun.QUEUE_WAIT));
            case EventNames.MAIN_THREAD_WAIT -> h.mainThreadWait(start(e), dur(e), threadId(e.getThread()),
                    e.getLong(MainThreadWait.TICK), str(e, MainThreadWait.SYSTEM));
            case EventNames.REGISTRY_UPDATE -> h.registryUpdate(start(e), dur(e), str(e, RegistryUpdate.REGISTRY),
                    e.getLong(RegistryUpdate.TICK), e.getInt(RegistryUpdate.ENTRY_COUNT), e.getInt(RegistryUpdate.ADDS), e.getInt(RegistryUpdate.REMOVES),
                    e.getInt(RegistryUpdate.UPDATES));
            case EventNames.SPATIAL_GRID_REBUILD -> h.spatialGridRebuild(start(e), dur(e), e.getLong(SpatialGridRebuild.TICK),
                    e.getInt(SpatialGridRebuild.CELL_COUNT), e.getInt(SpatialGridRebuild.ENTITY_COUNT), e.getInt(SpatialGridRebuild.MAX_CELL_OCCUPANCY));
            case EventNames.ENTITY_COUNT -> h.entityCount(start(e), str(e, EntityCount.ARCHETYPE), e.getLong(EntityCount.COUNT));
            case EventNames.NATIVE_MEMORY -> h.nativeMemory(start(e), str(e, NativeMemory.OWNER), str(e, NativeMemory.CONTAINER_KIND),
                    e.getLong(NativeMemory.BYTES_RESERVED), e.getLong(NativeMemory.BYTES_USED));
            case EventNames.BUDGET_VIOLATION -> h.budgetViolation(start(e), str(e, BudgetViolation.BUDGET_ID),
                    e.getDouble(BudgetViolation.MEASURED), e.getDouble(BudgetViolation.LIMIT), str(e, BudgetViolation.UNIT), e.getInt(BudgetViolation.CONSECUTIVE_FRAMES),
                    str(e, BudgetViolation.SEVERITY), e.getLong(BudgetViolation.TICK));
            case EventNames.Jdk.JVM_INFORMATION -> h.jvmInformation(start(e), str(e, JvmInformation.JVM_NAME),
                    str(e, JvmInformation.JVM_VERSION), str(e, JvmInformation.JVM_ARGUMENTS), str(e, JvmInformation.JAVA_ARGUMENTS),
                    e.getLong(JvmInformation.JVM_START_TIME), e.getLong(JvmInformation.PID));
            case EventNames.Jdk.GC -> h.garbageCollection(start(e), dur(e), e.getLong(GarbageCollection.GC_ID), str(e, GarbageCollection.NAME),
                    str(e, GarbageCollection.CAUSE), e.getDuration(GarbageCollection.SUM_OF_PAUSES).toNanos(),
                    e.getDuration(GarbageCollection.LONGEST_PAUSE).toNanos());
            case EventNames.Jdk.GC_PAUSE -> gcPause(e, h, 0);
            case EventNames.Jdk.GC_PAUSE_LEVEL_1 -> gcPause(e, h, 1);
            case EventNames.Jdk.GC_PAUSE_LEVEL_2 -> gcPause(e, h, 2);
            case EventNames.Jdk.GC_PAUSE_LEVEL_3 -> gcPause(e, h, 3);
            case EventNames.Jdk.GC_PAUSE_LEVEL_4 -> gcPause(e, h, 4);
            case EventNames.Jdk.GC_HEAP_SUMMARY -> {
                RecordedObject space = e.getValue(GcHeapSummary.HEAP_SPACE);
                h.gcHeapSummary(start(e), e.getLong(GcHeapSummary.GC_ID), str(e, GcHeapSummary.WHEN),
                        e.getLong(GcHeapSummary.HEAP_USED),
                        space == null ? 0 : e.getLong(GcHeapSummary.HEAP_SPACE_COMMITTED_SIZE));
            }
            case EventNames.Jdk.SAFEPOINT_BEGIN -> h.safepoint(start(e), dur(e), e.getLong(SafepointBegin.SAFEPOINT_ID),
                    e.getInt(SafepointBegin.TOTAL_THREAD_COUNT), e.getInt(SafepointBegin.JNI_CRITICAL_THREAD_COUNT));
            case EventNames.Jdk.EXECUTE_VM_OPERATION -> h.vmOperation(start(e), dur(e), str(e, ExecuteVmOperation.OPERATION),
                    e.getBoolean(ExecuteVmOperation.SAFEPOINT));
            case EventNames.Jdk.COMPILATION -> h.compilation(start(e), dur(e), threadId(e.getThread()),
                    e.getInt(Compilation.COMPILE_ID), str(e, Compilation.COMPILER), method(e.getValue(Compilation.METHOD)),
                    e.getInt(Compilation.COMPILE_LEVEL), e.getBoolean(Compilation.SUCCEDED), e.getBoolean(Compilation.IS_OSR));
            case EventNames.Jdk.DEOPTIMIZATION -> h.deoptimization(start(e), threadId(e.getThread()),
                    e.getInt(Deoptimization.COMPILE_ID), str(e, Deoptimization.COMPILER), method(e.getValue(Deoptimization.METHOD)), str(e, Deoptimization.REASON),
                    str(e, Deoptimization.ACTION));
            case EventNames.Jdk.OBJECT_ALLOCATION_SAMPLE -> h.allocationSample(start(e), threadId(e.getThread()),
                    className(e.getValue(ObjectAllocationSample.OBJECT_CLASS)), e.getLong(ObjectAllocationSample.WEIGHT));
            case EventNames.Jdk.CPU_LOAD -> h.cpuLoad(start(e), e.getFloat(CpuLoad.JVM_USER), e.getFloat(CpuLoad.JVM_SYSTEM),
                    e.getFloat(CpuLoad.MACHINE_TOTAL));
            case EventNames.Jdk.THREAD_CPU_LOAD -> h.threadCpuLoad(start(e), threadId(e.getThread()),
                    threadName(e.getThread()), e.getFloat(ThreadCpuLoad.USER), e.getFloat(ThreadCpuLoad.SYSTEM));
            case EventNames.Jdk.DIRECT_BUFFER_STATISTICS -> h.directBufferStatistics(start(e), e.getLong(DirectBufferStatistics.COUNT),
                    e.getLong(DirectBufferStatistics.TOTAL_CAPACITY), e.getLong(DirectBufferStatistics.MEMORY_USED), e.getLong(DirectBufferStatistics.MAX_CAPACITY));
            case EventNames.Jdk.JAVA_MONITOR_ENTER -> h.monitorEnter(start(e), dur(e), threadId(e.getThread()),
                    threadName(e.getThread()), className(e.getValue(JavaMonitorEnter.MONITOR_CLASS)));
            case EventNames.Jdk.THREAD_PARK -> h.threadPark(start(e), dur(e), threadId(e.getThread()),
                    threadName(e.getThread()), className(e.getValue(ThreadPark.PARKED_CLASS)));
            case EventNames.Jdk.THREAD_START -> h.threadLifecycle(start(e), true, threadId(e.getValue(ThreadLifecycle.THREAD)),
                    threadName(e.getValue(ThreadLifecycle.THREAD)));
            case EventNames.Jdk.THREAD_END -> h.threadLifecycle(start(e), false, threadId(e.getValue(ThreadLifecycle.THREAD)),
                    threadName(e.getValue(ThreadLifecycle.THREAD)));
            case EventNames.Jdk.CPU_INFORMATION -> h.cpuInformation(start(e), str(e, CpuInformation.CPU),
                    e.getInt(CpuInformation.CORES), e.getInt(CpuInformation.HW_THREADS));
            case EventNames.Jdk.OS_INFORMATION -> h.osInformation(start(e), str(e, OsInformation.OS_VERSION));
            case EventNames.Jdk.GC_CONFIGURATION -> h.gcConfiguration(start(e), str(e, GcConfiguration.YOUNG_COLLECTOR),
                    str(e, GcConfiguration.OLD_COLLECTOR));
            case EventNames.Jdk.GC_HEAP_CONFIGURATION -> h.gcHeapConfiguration(start(e),
                    e.getLong(GcHeapConfiguration.MAX_SIZE));
            case EventNames.Jdk.EXECUTION_SAMPLE -> {
                RecordedThread t = e.getValue(ExecutionSample.SAMPLED_THREAD);
                h.executionSample(start(e), threadId(t), threadName(t), stack(e.getStackTrace()));
            }
            default -> {
                // not aggregated: counted only
            }
        }
    }

    /** The frames' methods, top first, as the fast decoder gives them. */
    private SampledStack stack(RecordedStackTrace st) {
        if (st == null) {
            return SampledStack.EMPTY;
        }
        List<RecordedFrame> frames = st.getFrames();
        String[] methods = new String[frames.size()];
        for (int i = 0; i < methods.length; i++) {
            methods[i] = method(frames.get(i).getMethod());
        }
        return new SampledStack(methods, st.isTruncated());
    }

    private void gcPause(RecordedEvent e, EventHandler h, int level) {
        h.gcPhasePause(start(e), dur(e), level, e.getLong(GcPhasePause.GC_ID), str(e, GcPhasePause.NAME));
    }

    /** Whether the fast decoder would call the thread variant of {@code kind} on this handler (see EventKinds.ON_THREAD). */
    private static boolean onThread(EventHandler h, int kind) {
        return EventKinds.chosen(kind, EventKinds.overridden(h.getClass())) != kind;
    }

    private static long start(RecordedEvent e) {
        Instant t = e.getStartTime();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static long dur(RecordedEvent e) {
        return e.getDuration().toNanos();
    }

    private String str(RecordedObject o, String field) {
        return strings.canon(o.getString(field));
    }

    /** Java thread id, or the OS thread id for a thread without one, or -1 for no thread. */
    static long threadId(RecordedThread t) {
        if (t == null) {
            return -1;
        }
        long id = t.getJavaThreadId();
        return id > 0 ? id : t.getOSThreadId();
    }

    /** Java thread name, else OS thread name, else "". */
    private String threadName(RecordedThread t) {
        if (t == null) {
            return "";
        }
        String name = t.getJavaName();
        return strings.canon(name != null ? name : t.getOSName());
    }

    private String className(RecordedClass c) {
        return c == null ? "" : strings.canon(c.getName());
    }

    private String method(RecordedMethod m) {
        if (m == null) {
            return "";
        }
        RecordedClass type = m.getType();
        return strings.canon((type == null ? "" : type.getName()) + "." + m.getName());
    }
}
