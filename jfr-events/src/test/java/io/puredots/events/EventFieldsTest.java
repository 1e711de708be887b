package io.puredots.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.ValueDescriptor;
import org.junit.jupiter.api.Test;

class EventFieldsTest {

    /** Each holder of field-name constants and the events whose fields it names. */
    private static final Map<Class<?>, List<String>> EVENTS_OF = new LinkedHashMap<>();

    static {
        EVENTS_OF.put(EventFields.Frame.class, List.of(EventNames.FRAME));
        EVENTS_OF.put(EventFields.SystemGroupTick.class, List.of(EventNames.SYSTEM_GROUP_TICK));
        EVENTS_OF.put(EventFields.SystemTick.class, List.of(EventNames.SYSTEM_TICK));
        EVENTS_OF.put(EventFields.JobSchedule.class, List.of(EventNames.JOB_SCHEDULE));
        EVENTS_OF.put(EventFields.JobRun.class, List.of(EventNames.JOB_RUN));
        EVENTS_OF.put(EventFields.RegistryUpdate.class, List.of(EventNames.REGISTRY_UPDATE));
        EVENTS_OF.put(EventFields.SpatialGridRebuild.class, List.of(EventNames.SPATIAL_GRID_REBUILD));
        EVENTS_OF.put(EventFields.EntityCount.class, List.of(EventNames.ENTITY_COUNT));
        EVENTS_OF.put(EventFields.NativeMemory.class, List.of(EventNames.NATIVE_MEMORY));
        EVENTS_OF.put(EventFields.BudgetViolation.class, List.of(EventNames.BUDGET_VIOLATION));
        EVENTS_OF.put(EventFields.MainThreadWait.class, List.of(EventNames.MAIN_THREAD_WAIT));
        EVENTS_OF.put(EventFields.Jdk.JvmInformation.class, List.of(EventNames.Jdk.JVM_INFORMATION));
        EVENTS_OF.put(EventFields.Jdk.GarbageCollection.class, List.of(EventNames.Jdk.GC));
        EVENTS_OF.put(EventFields.Jdk.GcPhasePause.class, List.of(EventNames.Jdk.GC_PAUSE,
                EventNames.Jdk.GC_PAUSE_LEVEL_1, EventNames.Jdk.GC_PAUSE_LEVEL_2, EventNames.Jdk.GC_PAUSE_LEVEL_3,
                EventNames.Jdk.GC_PAUSE_LEVEL_4));
        EVENTS_OF.put(EventFields.Jdk.GcHeapSummary.class, List.of(EventNames.Jdk.GC_HEAP_SUMMARY));
        EVENTS_OF.put(EventFields.Jdk.SafepointBegin.class, List.of(EventNames.Jdk.SAFEPOINT_BEGIN));
        EVENTS_OF.put(EventFields.Jdk.ExecuteVmOperation.class, List.of(EventNames.Jdk.EXECUTE_VM_OPERATION));
        EVENTS_OF.put(EventFields.Jdk.Compilation.class, List.of(EventNames.Jdk.COMPILATION));
        EVENTS_OF.put(EventFields.Jdk.Deoptimization.class, List.of(EventNames.Jdk.DEOPTIMIZATION));
        EVENTS_OF.put(EventFields.Jdk.ObjectAllocationSample.class,
                List.of(EventNames.Jdk.OBJECT_ALLOCATION_SAMPLE));
        EVENTS_OF.put(EventFields.Jdk.CpuLoad.class, List.of(EventNames.Jdk.CPU_LOAD));
        EVENTS_OF.put(EventFields.Jdk.ThreadCpuLoad.class, List.of(EventNames.Jdk.THREAD_CPU_LOAD));
        EVENTS_OF.put(EventFields.Jdk.DirectBufferStatistics.class,
                List.of(EventNames.Jdk.DIRECT_BUFFER_STATISTICS));
        EVENTS_OF.put(EventFields.Jdk.JavaMonitorEnter.class, List.of(EventNames.Jdk.JAVA_MONITOR_ENTER));
        EVENTS_OF.put(EventFields.Jdk.ThreadPark.class, List.of(EventNames.Jdk.THREAD_PARK));
        EVENTS_OF.put(EventFields.Jdk.ExecutionSample.class, List.of(EventNames.Jdk.EXECUTION_SAMPLE));
        EVENTS_OF.put(EventFields.Jdk.ThreadLifecycle.class,
                List.of(EventNames.Jdk.THREAD_START, EventNames.Jdk.THREAD_END));
        EVENTS_OF.put(EventFields.Jdk.CpuInformation.class, List.of(EventNames.Jdk.CPU_INFORMATION));
        EVENTS_OF.put(EventFields.Jdk.OsInformation.class, List.of(EventNames.Jdk.OS_INFORMATION));
        EVENTS_OF.put(EventFields.Jdk.GcConfiguration.class, List.of(EventNames.Jdk.GC_CONFIGURATION));
        EVENTS_OF.put(EventFields.Jdk.GcHeapConfiguration.class, List.of(EventNames.Jdk.GC_HEAP_CONFIGURATION));
    }

    /** Every event type this JVM knows, puredots ones read from their classes, by name. */
    private static Map<String, EventType> eventTypes() {
        Map<String, EventType> types = new HashMap<>();
        for (EventType t : FlightRecorder.getFlightRecorder().getEventTypes()) {
            types.put(t.getName(), t);
        }
        for (Class<? extends Event> c : Catalog.CLASSES) {
            EventType t = EventType.getEventType(c);
            types.put(t.getName(), t);
        }
        return types;
    }

    private static List<String> constants(Class<?> holder) throws IllegalAccessException {
        List<String> out = new ArrayList<>();
        for (Field f : holder.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                out.add((String) f.get(null));
            }
        }
        return out;
    }

    /** The field at a dotted path ("a.b" = field b of the inline struct a), or null. */
    private static ValueDescriptor field(List<ValueDescriptor> fields, String path) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        for (ValueDescriptor d : fields) {
            if (d.getName().equals(head)) {
                return dot < 0 ? d : field(d.getFields(), path.substring(dot + 1));
            }
        }
        return null;
    }

    @Test
    void everyConstantNamesAFieldOfItsEvents() throws Exception {
        Map<String, EventType> types = eventTypes();
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<Class<?>, List<String>> e : EVENTS_OF.entrySet()) {
            List<String> names = constants(e.getKey());
            assertTrue(!names.isEmpty(), e.getKey().getSimpleName() + " names no field");
            for (String event : e.getValue()) {
                EventType type = types.get(event);
                assertNotNull(type, "no event type " + event + " in this JVM");
                for (String name : names) {
                    checked++;
                    if (field(type.getFields(), name) == null) {
                        missing.add(event + "#" + name);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "constants naming no field of their event");
        assertTrue(checked > 100, "checked " + checked + " constants");
    }

    @Test
    void theCommonFieldsAreOnEveryPuredotsEvent() {
        Map<String, EventType> types = eventTypes();
        for (String event : EventNames.ALL) {
            List<ValueDescriptor> fields = types.get(event).getFields();
            for (String name : List.of(EventFields.START_TIME, EventFields.DURATION, EventFields.EVENT_THREAD)) {
                assertNotNull(field(fields, name), event + "#" + name);
            }
        }
    }

    @Test
    void everyHolderIsChecked() {
        Set<String> holders = new TreeSet<>();
        for (Class<?> c : EventFields.class.getDeclaredClasses()) {
            if (c != EventFields.Jdk.class) {
                holders.add(c.getName());
            }
        }
        for (Class<?> c : EventFields.Jdk.class.getDeclaredClasses()) {
            holders.add(c.getName());
        }
        Set<String> checked = new TreeSet<>();
        EVENTS_OF.keySet().forEach(c -> checked.add(c.getName()));
        assertEquals(holders, checked);
    }

    @Test
    void everyPuredotsFieldHasItsConstant() throws Exception {
        Map<String, EventType> types = eventTypes();
        for (Map.Entry<Class<?>, List<String>> e : EVENTS_OF.entrySet()) {
            String event = e.getValue().get(0);
            if (!event.startsWith(EventNames.PREFIX)) {
                continue;
            }
            Set<String> declared = new TreeSet<>();
            for (ValueDescriptor d : types.get(event).getFields()) {
                declared.add(d.getName());
            }
            declared.removeAll(List.of(EventFields.START_TIME, EventFields.DURATION, EventFields.EVENT_THREAD,
                    "stackTrace"));
            assertEquals(declared, new TreeSet<>(constants(e.getKey())), event);
        }
    }
}
