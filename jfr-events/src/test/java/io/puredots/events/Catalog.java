package io.puredots.events;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Percentage;
import jdk.jfr.Timespan;
import jdk.jfr.Timestamp;

/**
 * The event catalog as the tests expect it, read from the annotations of the event classes,
 * in {@link EventNames#ALL} order. Each test compares one reader's view (JDK, JMC, the jfr tool)
 * against this.
 */
final class Catalog {
    private Catalog() {
    }

    /** Every event class, in {@link EventNames#ALL} order. */
    static final List<Class<? extends Event>> CLASSES = List.of(
            FrameEvent.class, SystemGroupTickEvent.class, SystemTickEvent.class, JobScheduleEvent.class,
            JobRunEvent.class, RegistryUpdateEvent.class, SpatialGridRebuildEvent.class, EntityCountEvent.class,
            NativeMemoryEvent.class, BudgetViolationEvent.class, MainThreadWaitEvent.class);

    /** One declared field of an event class. */
    static final class FieldSpec {
        final String name;
        final Class<?> type;
        final String label;
        final String description;
        /** The unit annotation as {@code jfr metadata} prints it, e.g. {@code @Timespan("NANOSECONDS")}; null if none. */
        final String unit;

        FieldSpec(Field f) {
            this.name = f.getName();
            this.type = f.getType();
            Label l = f.getAnnotation(Label.class);
            Description d = f.getAnnotation(Description.class);
            this.label = l == null ? null : l.value();
            this.description = d == null ? null : d.value();
            this.unit = unitOf(f);
        }

        private static String unitOf(Field f) {
            Timespan ts = f.getAnnotation(Timespan.class);
            if (ts != null) {
                return "@Timespan(\"" + ts.value() + "\")";
            }
            DataAmount da = f.getAnnotation(DataAmount.class);
            if (da != null) {
                return "@DataAmount(\"" + da.value() + "\")";
            }
            Timestamp tst = f.getAnnotation(Timestamp.class);
            if (tst != null) {
                return "@Timestamp(\"" + tst.value() + "\")";
            }
            if (f.getAnnotation(Percentage.class) != null) {
                return "@Percentage";
            }
            return null;
        }
    }

    /** One event class. */
    static final class EventSpec {
        final Class<? extends Event> type;
        final String name;
        final String label;
        final String description;
        final List<String> category;
        final Map<String, FieldSpec> fields = new LinkedHashMap<>();

        EventSpec(Class<? extends Event> type) {
            this.type = type;
            this.name = type.getAnnotation(Name.class).value();
            this.label = type.getAnnotation(Label.class).value();
            this.description = type.getAnnotation(Description.class).value();
            this.category = List.of(type.getAnnotation(Category.class).value());
            for (Field f : type.getDeclaredFields()) {
                // public instance fields only: JFR may inject private ones (startTime, duration)
                if (Modifier.isStatic(f.getModifiers()) || !Modifier.isPublic(f.getModifiers())) {
                    continue;
                }
                fields.put(f.getName(), new FieldSpec(f));
            }
        }

        /** The name {@code jfr metadata} prints after {@code class}: the part after "puredots.". */
        String simpleName() {
            return name.substring(EventNames.PREFIX.length());
        }
    }

    static List<EventSpec> specs() {
        List<EventSpec> out = new ArrayList<>();
        for (Class<? extends Event> c : CLASSES) {
            out.add(new EventSpec(c));
        }
        return out;
    }
}
