package io.puredots.analyzer.read;

import static io.puredots.analyzer.read.EventKinds.K_ALLOC_SAMPLE;
import static io.puredots.analyzer.read.EventKinds.K_BUDGET;
import static io.puredots.analyzer.read.EventKinds.K_COMPILATION;
import static io.puredots.analyzer.read.EventKinds.K_CPU_INFO;
import static io.puredots.analyzer.read.EventKinds.K_GC_CONFIG;
import static io.puredots.analyzer.read.EventKinds.K_GC_HEAP_CONFIG;
import static io.puredots.analyzer.read.EventKinds.K_OS_INFO;
import static io.puredots.analyzer.read.EventKinds.K_CPU_LOAD;
import static io.puredots.analyzer.read.EventKinds.K_DEOPT;
import static io.puredots.analyzer.read.EventKinds.K_DIRECT_BUFFER;
import static io.puredots.analyzer.read.EventKinds.K_ENTITY_COUNT;
import static io.puredots.analyzer.read.EventKinds.K_EXECUTION_SAMPLE;
import static io.puredots.analyzer.read.EventKinds.K_FRAME;
import static io.puredots.analyzer.read.EventKinds.K_FRAME_ON_THREAD;
import static io.puredots.analyzer.read.EventKinds.K_GROUP_ON_THREAD;
import static io.puredots.analyzer.read.EventKinds.K_SYSTEM_ON_THREAD;
import static io.puredots.analyzer.read.EventKinds.K_GC;
import static io.puredots.analyzer.read.EventKinds.K_GC_PAUSE;
import static io.puredots.analyzer.read.EventKinds.K_GRID;
import static io.puredots.analyzer.read.EventKinds.K_GROUP;
import static io.puredots.analyzer.read.EventKinds.K_HEAP_SUMMARY;
import static io.puredots.analyzer.read.EventKinds.K_JOB_RUN;
import static io.puredots.analyzer.read.EventKinds.K_JOB_SCHEDULE;
import static io.puredots.analyzer.read.EventKinds.K_JVM_INFO;
import static io.puredots.analyzer.read.EventKinds.K_MAIN_WAIT;
import static io.puredots.analyzer.read.EventKinds.K_MONITOR_ENTER;
import static io.puredots.analyzer.read.EventKinds.K_NATIVE_MEMORY;
import static io.puredots.analyzer.read.EventKinds.K_REGISTRY;
import static io.puredots.analyzer.read.EventKinds.K_SAFEPOINT;
import static io.puredots.analyzer.read.EventKinds.K_SYSTEM;
import static io.puredots.analyzer.read.EventKinds.K_THREAD_CPU_LOAD;
import static io.puredots.analyzer.read.EventKinds.K_THREAD_END;
import static io.puredots.analyzer.read.EventKinds.K_THREAD_PARK;
import static io.puredots.analyzer.read.EventKinds.K_THREAD_START;
import static io.puredots.analyzer.read.EventKinds.K_VM_OP;

/**
 * What one event kind calls on the handler, from the argument slots its field program filled:
 * one subclass per kind, in {@link #BY_KIND}.
 *
 * <p>One class per kind, called at a single call site in {@link FastDecoder}: that site sees many
 * receiver classes and is not inlined, so each kind's call into the handler (and the aggregation
 * the handler inlines) is compiled on its own, and a rare branch in one aggregator does not
 * throw away the compiled code of the others.
 *
 * <p>Immutable; safe from any thread.
 */
// an abstract class, not an interface with lambdas: a megamorphic call is then a vtable load, not an itable search
abstract class KindCall {
    abstract void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                       int level);

    /** The call of each kind, indexed by kind. */
    static final KindCall[] BY_KIND = new KindCall[EventKinds.METHOD.length];

    static {
        BY_KIND[K_FRAME] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.frame(start, dur, longSlots[0], (int) longSlots[1]);
            }
        };
        BY_KIND[K_GROUP] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.systemGroupTick(start, dur, d.str(longSlots, objectSlots, 0), longSlots[1]);
            }
        };
        BY_KIND[K_SYSTEM] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.systemTick(start, dur, d.str(longSlots, objectSlots, 0), d.str(longSlots, objectSlots, 1), longSlots[2], (int) longSlots[3]);
            }
        };
        BY_KIND[K_JOB_SCHEDULE] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.jobSchedule(start, dur, tid(d.thread(longSlots, objectSlots, 0)), longSlots[1], d.str(longSlots, objectSlots, 2), d.str(longSlots, objectSlots, 3), (int) longSlots[4], (int) longSlots[5], (int) longSlots[6], longSlots[7]);
            }
        };
        BY_KIND[K_JOB_RUN] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                ConstantPools.ThreadInfo thread = d.thread(longSlots, objectSlots, 0);
                h.jobRun(start, dur, tid(thread), tname(thread), longSlots[1], d.str(longSlots, objectSlots, 2), (int) longSlots[3], longSlots[4], longSlots[5]);
            }
        };
        BY_KIND[K_MAIN_WAIT] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.mainThreadWait(start, dur, tid(d.thread(longSlots, objectSlots, 0)), longSlots[1], d.str(longSlots, objectSlots, 2));
            }
        };
        BY_KIND[K_REGISTRY] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.registryUpdate(start, dur, d.str(longSlots, objectSlots, 0), longSlots[1], (int) longSlots[2], (int) longSlots[3], (int) longSlots[4], (int) longSlots[5]);
            }
        };
        BY_KIND[K_GRID] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.spatialGridRebuild(start, dur, longSlots[0], (int) longSlots[1], (int) longSlots[2], (int) longSlots[3]);
            }
        };
        BY_KIND[K_ENTITY_COUNT] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.entityCount(start, d.str(longSlots, objectSlots, 0), longSlots[1]);
            }
        };
        BY_KIND[K_NATIVE_MEMORY] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.nativeMemory(start, d.str(longSlots, objectSlots, 0), d.str(longSlots, objectSlots, 1), longSlots[2], longSlots[3]);
            }
        };
        BY_KIND[K_BUDGET] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.budgetViolation(start, d.str(longSlots, objectSlots, 0), dbl(longSlots[1]), dbl(longSlots[2]), d.str(longSlots, objectSlots, 3), (int) longSlots[4], d.str(longSlots, objectSlots, 5), longSlots[6]);
            }
        };
        BY_KIND[K_JVM_INFO] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.jvmInformation(start, d.str(longSlots, objectSlots, 0), d.str(longSlots, objectSlots, 1), d.str(longSlots, objectSlots, 2), d.str(longSlots, objectSlots, 3), longSlots[4], longSlots[5]);
            }
        };
        BY_KIND[K_GC] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.garbageCollection(start, dur, longSlots[0], d.str(longSlots, objectSlots, 1), d.str(longSlots, objectSlots, 2), longSlots[3], longSlots[4]);
            }
        };
        BY_KIND[K_GC_PAUSE] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.gcPhasePause(start, dur, level, longSlots[0], d.str(longSlots, objectSlots, 1));
            }
        };
        BY_KIND[K_HEAP_SUMMARY] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.gcHeapSummary(start, longSlots[0], d.str(longSlots, objectSlots, 1), longSlots[2], longSlots[3]);
            }
        };
        BY_KIND[K_SAFEPOINT] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.safepoint(start, dur, longSlots[0], (int) longSlots[1], (int) longSlots[2]);
            }
        };
        BY_KIND[K_VM_OP] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.vmOperation(start, dur, d.str(longSlots, objectSlots, 0), longSlots[1] != 0);
            }
        };
        BY_KIND[K_COMPILATION] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.compilation(start, dur, tid(d.thread(longSlots, objectSlots, 0)), (int) longSlots[1], d.str(longSlots, objectSlots, 2), d.str(longSlots, objectSlots, 3), (int) longSlots[4], longSlots[5] != 0, longSlots[6] != 0);
            }
        };
        BY_KIND[K_DEOPT] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.deoptimization(start, tid(d.thread(longSlots, objectSlots, 0)), (int) longSlots[1], d.str(longSlots, objectSlots, 2), d.str(longSlots, objectSlots, 3), d.str(longSlots, objectSlots, 4), d.str(longSlots, objectSlots, 5));
            }
        };
        BY_KIND[K_ALLOC_SAMPLE] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.allocationSample(start, tid(d.thread(longSlots, objectSlots, 0)), d.str(longSlots, objectSlots, 1), longSlots[2]);
            }
        };
        BY_KIND[K_CPU_LOAD] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.cpuLoad(start, dbl(longSlots[0]), dbl(longSlots[1]), dbl(longSlots[2]));
            }
        };
        BY_KIND[K_THREAD_CPU_LOAD] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                ConstantPools.ThreadInfo thread = d.thread(longSlots, objectSlots, 0);
                h.threadCpuLoad(start, tid(thread), tname(thread), dbl(longSlots[1]), dbl(longSlots[2]));
            }
        };
        BY_KIND[K_DIRECT_BUFFER] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.directBufferStatistics(start, longSlots[0], longSlots[1], longSlots[2], longSlots[3]);
            }
        };
        BY_KIND[K_MONITOR_ENTER] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                ConstantPools.ThreadInfo thread = d.thread(longSlots, objectSlots, 0);
                h.monitorEnter(start, dur, tid(thread), tname(thread), d.str(longSlots, objectSlots, 1));
            }
        };
        BY_KIND[K_THREAD_PARK] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                ConstantPools.ThreadInfo thread = d.thread(longSlots, objectSlots, 0);
                h.threadPark(start, dur, tid(thread), tname(thread), d.str(longSlots, objectSlots, 1));
            }
        };
        BY_KIND[K_THREAD_START] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                ConstantPools.ThreadInfo thread = d.thread(longSlots, objectSlots, 0);
                h.threadLifecycle(start, true, tid(thread), tname(thread));
            }
        };
        BY_KIND[K_THREAD_END] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                ConstantPools.ThreadInfo thread = d.thread(longSlots, objectSlots, 0);
                h.threadLifecycle(start, false, tid(thread), tname(thread));
            }
        };
        BY_KIND[K_CPU_INFO] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.cpuInformation(start, d.str(longSlots, objectSlots, 0), (int) longSlots[1], (int) longSlots[2]);
            }
        };
        BY_KIND[K_OS_INFO] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.osInformation(start, d.str(longSlots, objectSlots, 0));
            }
        };
        BY_KIND[K_GC_CONFIG] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.gcConfiguration(start, d.str(longSlots, objectSlots, 0), d.str(longSlots, objectSlots, 1));
            }
        };
        BY_KIND[K_GC_HEAP_CONFIG] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                h.gcHeapConfiguration(start, longSlots[0]);
            }
        };
        BY_KIND[K_EXECUTION_SAMPLE] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                ConstantPools.ThreadInfo thread = d.thread(longSlots, objectSlots, 0);
                h.executionSample(start, tid(thread), tname(thread), d.stack(longSlots, objectSlots, 1));
            }
        };
    }

    static {
        BY_KIND[K_FRAME_ON_THREAD] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                ConstantPools.ThreadInfo thread = d.thread(longSlots, objectSlots, 0);
                h.frameOnThread(start, dur, tid(thread), tname(thread), longSlots[1], (int) longSlots[2]);
            }
        };
        BY_KIND[K_GROUP_ON_THREAD] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                ConstantPools.ThreadInfo thread = d.thread(longSlots, objectSlots, 0);
                h.systemGroupTickOnThread(start, dur, tid(thread), tname(thread), d.str(longSlots, objectSlots, 1),
                        longSlots[2]);
            }
        };
        BY_KIND[K_SYSTEM_ON_THREAD] = new KindCall() {
            @Override
            void call(FastDecoder d, EventHandler h, long start, long dur, long[] longSlots, Object[] objectSlots,
                      int level) {
                ConstantPools.ThreadInfo thread = d.thread(longSlots, objectSlots, 0);
                h.systemTickOnThread(start, dur, tid(thread), tname(thread), d.str(longSlots, objectSlots, 1),
                        d.str(longSlots, objectSlots, 2), longSlots[3], (int) longSlots[4]);
            }
        };
    }

    static long tid(Object o) {
        return o == null ? -1 : ((ConstantPools.ThreadInfo) o).id();
    }

    static String tname(Object o) {
        return o == null ? "" : ((ConstantPools.ThreadInfo) o).name();
    }

    static double dbl(long bits) {
        return Double.longBitsToDouble(bits);
    }
}
