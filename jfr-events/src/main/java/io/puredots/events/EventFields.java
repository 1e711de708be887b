package io.puredots.events;

/**
 * The field names the readers of a recording use, per event: the puredots events' fields (as
 * their event classes declare them) and the fields of the JDK events in {@link EventNames.Jdk}
 * that the analyzer and the exporter read.
 *
 * <p>One place for these strings, so that a reader never retypes one; a test checks each
 * against the event type it belongs to. Like event names, released field names never change.
 *
 * <p>Immutable constants; safe from any thread.
 */
public final class EventFields {
    private EventFields() {
    }

    /** Fields every event has (the JDK adds them). */
    public static final String START_TIME = "startTime";
    public static final String DURATION = "duration";
    /** The thread that committed the event; absent when the event type records no thread. */
    public static final String EVENT_THREAD = "eventThread";

    /** {@link EventNames#FRAME}. */
    public static final class Frame {
        private Frame() {
        }

        public static final String TICK = "tick";
        public static final String ENTITY_COUNT = "entityCount";
    }

    /** {@link EventNames#SYSTEM_GROUP_TICK}. */
    public static final class SystemGroupTick {
        private SystemGroupTick() {
        }

        public static final String GROUP = "group";
        public static final String TICK = "tick";
    }

    /** {@link EventNames#SYSTEM_TICK}. */
    public static final class SystemTick {
        private SystemTick() {
        }

        public static final String SYSTEM = "system";
        public static final String GROUP = "group";
        public static final String TICK = "tick";
        public static final String ENTITIES_PROCESSED = "entitiesProcessed";
    }

    /** {@link EventNames#JOB_SCHEDULE}. */
    public static final class JobSchedule {
        private JobSchedule() {
        }

        public static final String JOB_ID = "jobId";
        public static final String JOB_NAME = "jobName";
        public static final String SYSTEM = "system";
        public static final String DEPENDENCY_COUNT = "dependencyCount";
        public static final String CHAIN_DEPTH = "chainDepth";
        public static final String BATCH_COUNT = "batchCount";
        public static final String TICK = "tick";
    }

    /** {@link EventNames#JOB_RUN}. */
    public static final class JobRun {
        private JobRun() {
        }

        public static final String JOB_ID = "jobId";
        public static final String JOB_NAME = "jobName";
        public static final String BATCH_INDEX = "batchIndex";
        public static final String TICK = "tick";
        public static final String QUEUE_WAIT = "queueWait";
    }

    /** {@link EventNames#REGISTRY_UPDATE}. */
    public static final class RegistryUpdate {
        private RegistryUpdate() {
        }

        public static final String REGISTRY = "registry";
        public static final String TICK = "tick";
        public static final String ENTRY_COUNT = "entryCount";
        public static final String ADDS = "adds";
        public static final String REMOVES = "removes";
        public static final String UPDATES = "updates";
    }

    /** {@link EventNames#SPATIAL_GRID_REBUILD}. */
    public static final class SpatialGridRebuild {
        private SpatialGridRebuild() {
        }

        public static final String TICK = "tick";
        public static final String CELL_COUNT = "cellCount";
        public static final String ENTITY_COUNT = "entityCount";
        public static final String MAX_CELL_OCCUPANCY = "maxCellOccupancy";
    }

    /** {@link EventNames#ENTITY_COUNT}. */
    public static final class EntityCount {
        private EntityCount() {
        }

        public static final String ARCHETYPE = "archetype";
        public static final String COUNT = "count";
    }

    /** {@link EventNames#NATIVE_MEMORY}. */
    public static final class NativeMemory {
        private NativeMemory() {
        }

        public static final String OWNER = "owner";
        public static final String CONTAINER_KIND = "containerKind";
        public static final String BYTES_RESERVED = "bytesReserved";
        public static final String BYTES_USED = "bytesUsed";
    }

    /** {@link EventNames#BUDGET_VIOLATION}. */
    public static final class BudgetViolation {
        private BudgetViolation() {
        }

        public static final String BUDGET_ID = "budgetId";
        public static final String MEASURED = "measured";
        public static final String LIMIT = "limit";
        public static final String UNIT = "unit";
        public static final String CONSECUTIVE_FRAMES = "consecutiveFrames";
        public static final String SEVERITY = "severity";
        public static final String TICK = "tick";
    }

    /** {@link EventNames#MAIN_THREAD_WAIT}. */
    public static final class MainThreadWait {
        private MainThreadWait() {
        }

        public static final String TICK = "tick";
        public static final String SYSTEM = "system";
    }

    /** Fields of JDK events (their layout differs between JDK versions; readers look fields up by name). */
    public static final class Jdk {
        private Jdk() {
        }

        /** {@link EventNames.Jdk#JVM_INFORMATION}. */
        public static final class JvmInformation {
            private JvmInformation() {
            }

            public static final String JVM_NAME = "jvmName";
            public static final String JVM_VERSION = "jvmVersion";
            public static final String JVM_ARGUMENTS = "jvmArguments";
            public static final String JAVA_ARGUMENTS = "javaArguments";
            public static final String JVM_START_TIME = "jvmStartTime";
            public static final String PID = "pid";
        }

        /** {@link EventNames.Jdk#GC}. */
        public static final class GarbageCollection {
            private GarbageCollection() {
            }

            public static final String GC_ID = "gcId";
            public static final String NAME = "name";
            public static final String CAUSE = "cause";
            public static final String SUM_OF_PAUSES = "sumOfPauses";
            public static final String LONGEST_PAUSE = "longestPause";
        }

        /** {@link EventNames.Jdk#GC_PAUSE} and its levels ({@link EventNames.Jdk#GC_PAUSE_LEVEL_1} to 4). */
        public static final class GcPhasePause {
            private GcPhasePause() {
            }

            public static final String GC_ID = "gcId";
            public static final String NAME = "name";
        }

        /** {@link EventNames.Jdk#GC_HEAP_SUMMARY}. */
        public static final class GcHeapSummary {
            private GcHeapSummary() {
            }

            public static final String GC_ID = "gcId";
            public static final String WHEN = "when";
            public static final String HEAP_USED = "heapUsed";
            public static final String HEAP_SPACE = "heapSpace";
            /** Field {@code committedSize} of the inline struct {@link #HEAP_SPACE}, as a dotted path. */
            public static final String HEAP_SPACE_COMMITTED_SIZE = HEAP_SPACE + ".committedSize";
        }

        /** {@link EventNames.Jdk#SAFEPOINT_BEGIN}. */
        public static final class SafepointBegin {
            private SafepointBegin() {
            }

            public static final String SAFEPOINT_ID = "safepointId";
            public static final String TOTAL_THREAD_COUNT = "totalThreadCount";
            public static final String JNI_CRITICAL_THREAD_COUNT = "jniCriticalThreadCount";
        }

        /** {@link EventNames.Jdk#EXECUTE_VM_OPERATION}. */
        public static final class ExecuteVmOperation {
            private ExecuteVmOperation() {
            }

            public static final String OPERATION = "operation";
            public static final String SAFEPOINT = "safepoint";
        }

        /** {@link EventNames.Jdk#COMPILATION}. */
        public static final class Compilation {
            private Compilation() {
            }

            public static final String COMPILE_ID = "compileId";
            public static final String COMPILER = "compiler";
            public static final String METHOD = "method";
            public static final String COMPILE_LEVEL = "compileLevel";
            public static final String SUCCEDED = "succeded";
            public static final String IS_OSR = "isOsr";
        }

        /** {@link EventNames.Jdk#DEOPTIMIZATION}. */
        public static final class Deoptimization {
            private Deoptimization() {
            }

            public static final String COMPILE_ID = "compileId";
            public static final String COMPILER = "compiler";
            public static final String METHOD = "method";
            public static final String REASON = "reason";
            public static final String ACTION = "action";
        }

        /** {@link EventNames.Jdk#OBJECT_ALLOCATION_SAMPLE}. */
        public static final class ObjectAllocationSample {
            private ObjectAllocationSample() {
            }

            public static final String OBJECT_CLASS = "objectClass";
            public static final String WEIGHT = "weight";
        }

        /** {@link EventNames.Jdk#CPU_LOAD}. */
        public static final class CpuLoad {
            private CpuLoad() {
            }

            public static final String JVM_USER = "jvmUser";
            public static final String JVM_SYSTEM = "jvmSystem";
            public static final String MACHINE_TOTAL = "machineTotal";
        }

        /** {@link EventNames.Jdk#THREAD_CPU_LOAD}. */
        public static final class ThreadCpuLoad {
            private ThreadCpuLoad() {
            }

            public static final String USER = "user";
            public static final String SYSTEM = "system";
        }

        /** {@link EventNames.Jdk#DIRECT_BUFFER_STATISTICS}. */
        public static final class DirectBufferStatistics {
            private DirectBufferStatistics() {
            }

            public static final String COUNT = "count";
            public static final String TOTAL_CAPACITY = "totalCapacity";
            public static final String MEMORY_USED = "memoryUsed";
            public static final String MAX_CAPACITY = "maxCapacity";
        }

        /** {@link EventNames.Jdk#JAVA_MONITOR_ENTER}. */
        public static final class JavaMonitorEnter {
            private JavaMonitorEnter() {
            }

            public static final String MONITOR_CLASS = "monitorClass";
        }

        /** {@link EventNames.Jdk#THREAD_PARK}. */
        public static final class ThreadPark {
            private ThreadPark() {
            }

            public static final String PARKED_CLASS = "parkedClass";
        }

        /** {@link EventNames.Jdk#EXECUTION_SAMPLE}: a sampled thread's stack, taken while it ran Java code. */
        public static final class ExecutionSample {
            private ExecutionSample() {
            }

            public static final String SAMPLED_THREAD = "sampledThread";
            /** A constant-pool reference to a {@code jdk.types.StackTrace} (frames top first). */
            public static final String STACK_TRACE = "stackTrace";
        }

        /** {@link EventNames.Jdk#THREAD_START} and {@link EventNames.Jdk#THREAD_END}. */
        public static final class ThreadLifecycle {
            private ThreadLifecycle() {
            }

            public static final String THREAD = "thread";
        }

        /** {@link EventNames.Jdk#CPU_INFORMATION}. */
        public static final class CpuInformation {
            private CpuInformation() {
            }

            public static final String CPU = "cpu";
            public static final String CORES = "cores";
            public static final String HW_THREADS = "hwThreads";
        }

        /** {@link EventNames.Jdk#OS_INFORMATION}. */
        public static final class OsInformation {
            private OsInformation() {
            }

            public static final String OS_VERSION = "osVersion";
        }

        /** {@link EventNames.Jdk#GC_CONFIGURATION}. */
        public static final class GcConfiguration {
            private GcConfiguration() {
            }

            public static final String YOUNG_COLLECTOR = "youngCollector";
            public static final String OLD_COLLECTOR = "oldCollector";
        }

        /** {@link EventNames.Jdk#GC_HEAP_CONFIGURATION}. */
        public static final class GcHeapConfiguration {
            private GcHeapConfiguration() {
            }

            public static final String MAX_SIZE = "maxSize";
        }
    }
}
