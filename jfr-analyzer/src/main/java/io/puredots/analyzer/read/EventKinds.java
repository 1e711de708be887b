package io.puredots.analyzer.read;

import io.puredots.events.EventFields;
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
import io.puredots.events.EventFields.Jdk.CpuInformation;
import io.puredots.events.EventFields.Jdk.CpuLoad;
import io.puredots.events.EventFields.Jdk.Deoptimization;
import io.puredots.events.EventFields.Jdk.DirectBufferStatistics;
import io.puredots.events.EventFields.Jdk.ExecutionSample;
import io.puredots.events.EventFields.Jdk.ExecuteVmOperation;
import io.puredots.events.EventFields.Jdk.GarbageCollection;
import io.puredots.events.EventFields.Jdk.GcConfiguration;
import io.puredots.events.EventFields.Jdk.GcHeapConfiguration;
import io.puredots.events.EventFields.Jdk.GcHeapSummary;
import io.puredots.events.EventFields.Jdk.GcPhasePause;
import io.puredots.events.EventFields.Jdk.JavaMonitorEnter;
import io.puredots.events.EventFields.Jdk.JvmInformation;
import io.puredots.events.EventFields.Jdk.ObjectAllocationSample;
import io.puredots.events.EventFields.Jdk.OsInformation;
import io.puredots.events.EventFields.Jdk.SafepointBegin;
import io.puredots.events.EventFields.Jdk.ThreadCpuLoad;
import io.puredots.events.EventFields.Jdk.ThreadLifecycle;
import io.puredots.events.EventFields.Jdk.ThreadPark;
import io.puredots.events.EventNames;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The event kinds {@link FastDecoder} dispatches: for each, the event names it covers, the fields
 * the {@link EventHandler} method needs (by name, in argument order) and how to read them, and
 * which kinds a handler class wants. A kind's slot {@code k} holds its field {@code k}.
 *
 * <p>Immutable tables; safe from any thread.
 */
final class EventKinds {
    private EventKinds() {
    }

    static final int W_LONG = 0;
    static final int W_INT = 1;
    static final int W_DOUBLE = 2;
    static final int W_BOOL = 3;
    static final int W_STRING = 4;
    static final int W_THREAD = 5;
    static final int W_SPAN = 6;
    /** A stack-trace pool reference, resolved in the kind's call (see {@link FastDecoder#stack}). */
    static final int W_STACK = 7;

    static final int K_FRAME = 0;
    static final int K_GROUP = 1;
    static final int K_SYSTEM = 2;
    static final int K_JOB_SCHEDULE = 3;
    static final int K_JOB_RUN = 4;
    static final int K_MAIN_WAIT = 5;
    static final int K_REGISTRY = 6;
    static final int K_GRID = 7;
    static final int K_ENTITY_COUNT = 8;
    static final int K_NATIVE_MEMORY = 9;
    static final int K_BUDGET = 10;
    static final int K_JVM_INFO = 11;
    static final int K_GC = 12;
    static final int K_GC_PAUSE = 13;
    static final int K_HEAP_SUMMARY = 14;
    static final int K_SAFEPOINT = 15;
    static final int K_VM_OP = 16;
    static final int K_COMPILATION = 17;
    static final int K_DEOPT = 18;
    static final int K_ALLOC_SAMPLE = 19;
    static final int K_CPU_LOAD = 20;
    static final int K_THREAD_CPU_LOAD = 21;
    static final int K_DIRECT_BUFFER = 22;
    static final int K_MONITOR_ENTER = 23;
    static final int K_THREAD_PARK = 24;
    static final int K_THREAD_START = 25;
    static final int K_THREAD_END = 26;
    static final int K_CPU_INFO = 27;
    static final int K_OS_INFO = 28;
    static final int K_GC_CONFIG = 29;
    static final int K_GC_HEAP_CONFIG = 30;
    static final int K_FRAME_ON_THREAD = 31;
    static final int K_GROUP_ON_THREAD = 32;
    static final int K_SYSTEM_ON_THREAD = 33;
    static final int K_EXECUTION_SAMPLE = 34;

    /** Event name -> kind; GC pause levels share a kind. */
    static final Map<String, Integer> KINDS = new HashMap<>();
    /** Per kind: wanted field names ("a.b" = field b of inline struct a) and how to read them. */
    static final String[][] FIELDS = new String[35][];
    static final int[][] WANTS = new int[35][];
    /** Most argument slots of a handler call. */
    static final int SLOTS = 16;
    /** Per kind: the EventHandler method it calls. */
    static final String[] METHOD = {"frame", "systemGroupTick", "systemTick", "jobSchedule", "jobRun",
            "mainThreadWait", "registryUpdate", "spatialGridRebuild", "entityCount", "nativeMemory", "budgetViolation",
            "jvmInformation", "garbageCollection", "gcPhasePause", "gcHeapSummary", "safepoint", "vmOperation",
            "compilation", "deoptimization", "allocationSample", "cpuLoad", "threadCpuLoad", "directBufferStatistics",
            "monitorEnter", "threadPark", "threadLifecycle", "threadLifecycle", "cpuInformation", "osInformation",
            "gcConfiguration", "gcHeapConfiguration", "frameOnThread", "systemGroupTickOnThread", "systemTickOnThread",
            "executionSample"};

    /**
     * Per kind: the kind that also reads the event thread, which the decoder uses instead when the
     * handler class overrides its method ({@code -1}: none). Chosen once per chunk metadata and
     * handler class, so a handler that does not ask pays nothing per event.
     */
    static final int[] ON_THREAD = new int[METHOD.length];

    private static void kind(int k, String name, Object... fieldsAndWants) {
        KINDS.put(name, k);
        fields(k, fieldsAndWants);
    }

    /** A kind that reads an event of another kind's name: not in {@link #KINDS}. */
    private static void fields(int k, Object... fieldsAndWants) {
        String[] f = new String[fieldsAndWants.length / 2];
        int[] w = new int[f.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (String) fieldsAndWants[2 * i];
            w[i] = (Integer) fieldsAndWants[2 * i + 1];
        }
        FIELDS[k] = f;
        WANTS[k] = w;
    }

    static {
        kind(K_FRAME, EventNames.FRAME, Frame.TICK, W_LONG, Frame.ENTITY_COUNT, W_INT);
        kind(K_GROUP, EventNames.SYSTEM_GROUP_TICK, SystemGroupTick.GROUP, W_STRING, SystemGroupTick.TICK, W_LONG);
        kind(K_SYSTEM, EventNames.SYSTEM_TICK,
                SystemTick.SYSTEM, W_STRING,
                SystemTick.GROUP, W_STRING,
                SystemTick.TICK, W_LONG,
                SystemTick.ENTITIES_PROCESSED, W_INT);
        kind(K_JOB_SCHEDULE, EventNames.JOB_SCHEDULE,
                EventFields.EVENT_THREAD, W_THREAD,
                JobSchedule.JOB_ID, W_LONG,
                JobSchedule.JOB_NAME, W_STRING,
                JobSchedule.SYSTEM, W_STRING,
                JobSchedule.DEPENDENCY_COUNT, W_INT,
                JobSchedule.CHAIN_DEPTH, W_INT,
                JobSchedule.BATCH_COUNT, W_INT,
                JobSchedule.TICK, W_LONG);
        kind(K_JOB_RUN, EventNames.JOB_RUN,
                EventFields.EVENT_THREAD, W_THREAD,
                JobRun.JOB_ID, W_LONG,
                JobRun.JOB_NAME, W_STRING,
                JobRun.BATCH_INDEX, W_INT,
                JobRun.TICK, W_LONG,
                JobRun.QUEUE_WAIT, W_LONG);
        kind(K_MAIN_WAIT, EventNames.MAIN_THREAD_WAIT,
                EventFields.EVENT_THREAD, W_THREAD,
                MainThreadWait.TICK, W_LONG,
                MainThreadWait.SYSTEM, W_STRING);
        kind(K_REGISTRY, EventNames.REGISTRY_UPDATE,
                RegistryUpdate.REGISTRY, W_STRING,
                RegistryUpdate.TICK, W_LONG,
                RegistryUpdate.ENTRY_COUNT, W_INT,
                RegistryUpdate.ADDS, W_INT,
                RegistryUpdate.REMOVES, W_INT,
                RegistryUpdate.UPDATES, W_INT);
        kind(K_GRID, EventNames.SPATIAL_GRID_REBUILD,
                SpatialGridRebuild.TICK, W_LONG,
                SpatialGridRebuild.CELL_COUNT, W_INT,
                SpatialGridRebuild.ENTITY_COUNT, W_INT,
                SpatialGridRebuild.MAX_CELL_OCCUPANCY, W_INT);
        kind(K_ENTITY_COUNT, EventNames.ENTITY_COUNT, EntityCount.ARCHETYPE, W_STRING, EntityCount.COUNT, W_LONG);
        kind(K_NATIVE_MEMORY, EventNames.NATIVE_MEMORY,
                NativeMemory.OWNER, W_STRING,
                NativeMemory.CONTAINER_KIND, W_STRING,
                NativeMemory.BYTES_RESERVED, W_LONG,
                NativeMemory.BYTES_USED, W_LONG);
        kind(K_BUDGET, EventNames.BUDGET_VIOLATION,
                BudgetViolation.BUDGET_ID, W_STRING,
                BudgetViolation.MEASURED, W_DOUBLE,
                BudgetViolation.LIMIT, W_DOUBLE,
                BudgetViolation.UNIT, W_STRING,
                BudgetViolation.CONSECUTIVE_FRAMES, W_INT,
                BudgetViolation.SEVERITY, W_STRING,
                BudgetViolation.TICK, W_LONG);
        kind(K_JVM_INFO, EventNames.Jdk.JVM_INFORMATION,
                JvmInformation.JVM_NAME, W_STRING,
                JvmInformation.JVM_VERSION, W_STRING,
                JvmInformation.JVM_ARGUMENTS, W_STRING,
                JvmInformation.JAVA_ARGUMENTS, W_STRING,
                JvmInformation.JVM_START_TIME, W_LONG,
                JvmInformation.PID, W_LONG);
        kind(K_GC, EventNames.Jdk.GC,
                GarbageCollection.GC_ID, W_LONG,
                GarbageCollection.NAME, W_STRING,
                GarbageCollection.CAUSE, W_STRING,
                GarbageCollection.SUM_OF_PAUSES, W_SPAN,
                GarbageCollection.LONGEST_PAUSE, W_SPAN);
        kind(K_GC_PAUSE, EventNames.Jdk.GC_PAUSE, GcPhasePause.GC_ID, W_LONG, GcPhasePause.NAME, W_STRING);
        KINDS.put(EventNames.Jdk.GC_PAUSE_LEVEL_1, K_GC_PAUSE);
        KINDS.put(EventNames.Jdk.GC_PAUSE_LEVEL_2, K_GC_PAUSE);
        KINDS.put(EventNames.Jdk.GC_PAUSE_LEVEL_3, K_GC_PAUSE);
        KINDS.put(EventNames.Jdk.GC_PAUSE_LEVEL_4, K_GC_PAUSE);
        kind(K_HEAP_SUMMARY, EventNames.Jdk.GC_HEAP_SUMMARY,
                GcHeapSummary.GC_ID, W_LONG,
                GcHeapSummary.WHEN, W_STRING,
                GcHeapSummary.HEAP_USED, W_LONG,
                GcHeapSummary.HEAP_SPACE_COMMITTED_SIZE, W_LONG);
        kind(K_SAFEPOINT, EventNames.Jdk.SAFEPOINT_BEGIN,
                SafepointBegin.SAFEPOINT_ID, W_LONG,
                SafepointBegin.TOTAL_THREAD_COUNT, W_INT,
                SafepointBegin.JNI_CRITICAL_THREAD_COUNT, W_INT);
        kind(K_VM_OP, EventNames.Jdk.EXECUTE_VM_OPERATION,
                ExecuteVmOperation.OPERATION, W_STRING,
                ExecuteVmOperation.SAFEPOINT, W_BOOL);
        kind(K_COMPILATION, EventNames.Jdk.COMPILATION,
                EventFields.EVENT_THREAD, W_THREAD,
                Compilation.COMPILE_ID, W_INT,
                Compilation.COMPILER, W_STRING,
                Compilation.METHOD, W_STRING,
                Compilation.COMPILE_LEVEL, W_INT,
                Compilation.SUCCEDED, W_BOOL,
                Compilation.IS_OSR, W_BOOL);
        kind(K_DEOPT, EventNames.Jdk.DEOPTIMIZATION,
                EventFields.EVENT_THREAD, W_THREAD,
                Deoptimization.COMPILE_ID, W_INT,
                Deoptimization.COMPILER, W_STRING,
                Deoptimization.METHOD, W_STRING,
                Deoptimization.REASON, W_STRING,
                Deoptimization.ACTION, W_STRING);
        kind(K_ALLOC_SAMPLE, EventNames.Jdk.OBJECT_ALLOCATION_SAMPLE,
                EventFields.EVENT_THREAD, W_THREAD,
                ObjectAllocationSample.OBJECT_CLASS, W_STRING,
                ObjectAllocationSample.WEIGHT, W_LONG);
        kind(K_CPU_LOAD, EventNames.Jdk.CPU_LOAD,
                CpuLoad.JVM_USER, W_DOUBLE,
                CpuLoad.JVM_SYSTEM, W_DOUBLE,
                CpuLoad.MACHINE_TOTAL, W_DOUBLE);
        kind(K_THREAD_CPU_LOAD, EventNames.Jdk.THREAD_CPU_LOAD,
                EventFields.EVENT_THREAD, W_THREAD,
                ThreadCpuLoad.USER, W_DOUBLE,
                ThreadCpuLoad.SYSTEM, W_DOUBLE);
        kind(K_DIRECT_BUFFER, EventNames.Jdk.DIRECT_BUFFER_STATISTICS,
                DirectBufferStatistics.COUNT, W_LONG,
                DirectBufferStatistics.TOTAL_CAPACITY, W_LONG,
                DirectBufferStatistics.MEMORY_USED, W_LONG,
                DirectBufferStatistics.MAX_CAPACITY, W_LONG);
        kind(K_MONITOR_ENTER, EventNames.Jdk.JAVA_MONITOR_ENTER,
                EventFields.EVENT_THREAD, W_THREAD,
                JavaMonitorEnter.MONITOR_CLASS, W_STRING);
        kind(K_THREAD_PARK, EventNames.Jdk.THREAD_PARK,
                EventFields.EVENT_THREAD, W_THREAD,
                ThreadPark.PARKED_CLASS, W_STRING);
        kind(K_THREAD_START, EventNames.Jdk.THREAD_START, ThreadLifecycle.THREAD, W_THREAD);
        kind(K_THREAD_END, EventNames.Jdk.THREAD_END, ThreadLifecycle.THREAD, W_THREAD);
        kind(K_CPU_INFO, EventNames.Jdk.CPU_INFORMATION,
                CpuInformation.CPU, W_STRING,
                CpuInformation.CORES, W_INT,
                CpuInformation.HW_THREADS, W_INT);
        kind(K_OS_INFO, EventNames.Jdk.OS_INFORMATION, OsInformation.OS_VERSION, W_STRING);
        kind(K_GC_CONFIG, EventNames.Jdk.GC_CONFIGURATION,
                GcConfiguration.YOUNG_COLLECTOR, W_STRING,
                GcConfiguration.OLD_COLLECTOR, W_STRING);
        kind(K_GC_HEAP_CONFIG, EventNames.Jdk.GC_HEAP_CONFIGURATION, GcHeapConfiguration.MAX_SIZE, W_LONG);
        fields(K_FRAME_ON_THREAD, EventFields.EVENT_THREAD, W_THREAD, Frame.TICK, W_LONG, Frame.ENTITY_COUNT, W_INT);
        fields(K_GROUP_ON_THREAD, EventFields.EVENT_THREAD, W_THREAD,
                SystemGroupTick.GROUP, W_STRING, SystemGroupTick.TICK, W_LONG);
        fields(K_SYSTEM_ON_THREAD, EventFields.EVENT_THREAD, W_THREAD,
                SystemTick.SYSTEM, W_STRING,
                SystemTick.GROUP, W_STRING,
                SystemTick.TICK, W_LONG,
                SystemTick.ENTITIES_PROCESSED, W_INT);
        java.util.Arrays.fill(ON_THREAD, -1);
        ON_THREAD[K_FRAME] = K_FRAME_ON_THREAD;
        ON_THREAD[K_GROUP] = K_GROUP_ON_THREAD;
        ON_THREAD[K_SYSTEM] = K_SYSTEM_ON_THREAD;
        kind(K_EXECUTION_SAMPLE, EventNames.Jdk.EXECUTION_SAMPLE,
                ExecutionSample.SAMPLED_THREAD, W_THREAD,
                ExecutionSample.STACK_TRACE, W_STACK);
    }

    static int gcPauseLevel(String name) {
        return switch (name) {
            case EventNames.Jdk.GC_PAUSE_LEVEL_1 -> 1;
            case EventNames.Jdk.GC_PAUSE_LEVEL_2 -> 2;
            case EventNames.Jdk.GC_PAUSE_LEVEL_3 -> 3;
            case EventNames.Jdk.GC_PAUSE_LEVEL_4 -> 4;
            default -> 0;
        };
    }

    /**
     * The kind that decodes an event of kind {@code kind} for a handler class that overrides
     * {@code overridden}: its {@link #ON_THREAD} variant if the handler overrides that one.
     */
    static int chosen(int kind, boolean[] overridden) {
        int t = ON_THREAD[kind];
        return t >= 0 && overridden[t] ? t : kind;
    }

    /** Which kinds the handler class overrides; events of the others are only counted. */
    private static final ClassValue<boolean[]> OVERRIDDEN = new ClassValue<>() {
        @Override
        protected boolean[] computeValue(Class<?> type) {
            Set<String> names = new HashSet<>();
            for (java.lang.reflect.Method m : EventHandler.class.getMethods()) {
                try {
                    if (type.getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass() != EventHandler.class) {
                        names.add(m.getName());
                    }
                } catch (NoSuchMethodException e) {
                    names.add(m.getName());
                }
            }
            boolean[] out = new boolean[METHOD.length];
            for (int k = 0; k < METHOD.length; k++) {
                out[k] = names.contains(METHOD[k]);
            }
            return out;
        }
    };

    static boolean[] overridden(Class<?> handlerClass) {
        return OVERRIDDEN.get(handlerClass);
    }

    /** The {@link IgnoresFields} of a handler class (and its superclasses), "event#field". */
    static Set<String> ignored(Class<?> handlerClass) {
        Set<String> out = new HashSet<>();
        for (Class<?> c = handlerClass; c != null; c = c.getSuperclass()) {
            IgnoresFields a = c.getAnnotation(IgnoresFields.class);
            if (a != null) {
                out.addAll(java.util.Arrays.asList(a.value()));
            }
        }
        return out;
    }
}
