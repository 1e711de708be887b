package io.puredots.events;

/**
 * The recorded name of every puredots event, and the JDK event names the analyzer relies on.
 *
 * <p>These strings are the schema shared by the game (which emits), {@code puredots.jfc} (which
 * enables) and the analyzer (which reads). Names are never changed or reused once released:
 * changes to the catalog are additive so that older recordings stay readable.
 *
 * <p>Immutable constants; safe from any thread.
 */
public final class EventNames {
    private EventNames() {
    }

    /** Prefix of every puredots event name. */
    public static final String PREFIX = "puredots.";

    public static final String FRAME = "puredots.Frame";
    public static final String SYSTEM_GROUP_TICK = "puredots.SystemGroupTick";
    public static final String SYSTEM_TICK = "puredots.SystemTick";
    public static final String JOB_SCHEDULE = "puredots.JobSchedule";
    public static final String JOB_RUN = "puredots.JobRun";
    public static final String REGISTRY_UPDATE = "puredots.RegistryUpdate";
    public static final String SPATIAL_GRID_REBUILD = "puredots.SpatialGridRebuild";
    public static final String ENTITY_COUNT = "puredots.EntityCount";
    public static final String NATIVE_MEMORY = "puredots.NativeMemory";
    public static final String BUDGET_VIOLATION = "puredots.BudgetViolation";
    public static final String MAIN_THREAD_WAIT = "puredots.MainThreadWait";

    /** Every puredots event name, in catalog order. */
    public static final java.util.List<String> ALL = java.util.List.of(
            FRAME, SYSTEM_GROUP_TICK, SYSTEM_TICK, JOB_SCHEDULE, JOB_RUN, REGISTRY_UPDATE,
            SPATIAL_GRID_REBUILD, ENTITY_COUNT, NATIVE_MEMORY, BUDGET_VIOLATION, MAIN_THREAD_WAIT);

    /** JDK events that {@code puredots.jfc} enables and the analyzer reads. */
    public static final class Jdk {
        private Jdk() {
        }

        public static final String GC = "jdk.GarbageCollection";
        public static final String GC_PAUSE = "jdk.GCPhasePause";
        public static final String GC_PAUSE_LEVEL_1 = "jdk.GCPhasePauseLevel1";
        public static final String GC_PAUSE_LEVEL_2 = "jdk.GCPhasePauseLevel2";
        public static final String GC_PAUSE_LEVEL_3 = "jdk.GCPhasePauseLevel3";
        public static final String GC_PAUSE_LEVEL_4 = "jdk.GCPhasePauseLevel4";
        public static final String GC_PHASE_CONCURRENT = "jdk.GCPhaseConcurrent";
        public static final String YOUNG_GC = "jdk.YoungGarbageCollection";
        public static final String OLD_GC = "jdk.OldGarbageCollection";
        public static final String G1_GC = "jdk.G1GarbageCollection";
        public static final String GC_HEAP_SUMMARY = "jdk.GCHeapSummary";
        public static final String SAFEPOINT_BEGIN = "jdk.SafepointBegin";
        public static final String SAFEPOINT_END = "jdk.SafepointEnd";
        public static final String EXECUTE_VM_OPERATION = "jdk.ExecuteVMOperation";
        public static final String COMPILATION = "jdk.Compilation";
        public static final String DEOPTIMIZATION = "jdk.Deoptimization";
        public static final String OBJECT_ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";
        public static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
        public static final String CPU_LOAD = "jdk.CPULoad";
        public static final String THREAD_CPU_LOAD = "jdk.ThreadCPULoad";
        public static final String DIRECT_BUFFER_STATISTICS = "jdk.DirectBufferStatistics";
        public static final String JAVA_MONITOR_ENTER = "jdk.JavaMonitorEnter";
        public static final String THREAD_PARK = "jdk.ThreadPark";
        public static final String THREAD_START = "jdk.ThreadStart";
        public static final String THREAD_END = "jdk.ThreadEnd";
        public static final String JVM_INFORMATION = "jdk.JVMInformation";
        public static final String CPU_INFORMATION = "jdk.CPUInformation";
        public static final String OS_INFORMATION = "jdk.OSInformation";
        public static final String GC_CONFIGURATION = "jdk.GCConfiguration";
        public static final String GC_HEAP_CONFIGURATION = "jdk.GCHeapConfiguration";
        public static final String ACTIVE_RECORDING = "jdk.ActiveRecording";

        /** The JDK events a recording made with {@code puredots.jfc} must hold (when they occurred). */
        public static final java.util.List<String> REQUIRED = java.util.List.of(
                GC, GC_PAUSE, GC_PAUSE_LEVEL_1, GC_HEAP_SUMMARY, SAFEPOINT_BEGIN, SAFEPOINT_END,
                COMPILATION, DEOPTIMIZATION, OBJECT_ALLOCATION_SAMPLE, CPU_LOAD, THREAD_CPU_LOAD,
                DIRECT_BUFFER_STATISTICS, JAVA_MONITOR_ENTER, THREAD_PARK, THREAD_START, THREAD_END);
    }
}
