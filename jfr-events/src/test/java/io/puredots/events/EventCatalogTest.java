package io.puredots.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import jdk.jfr.EventType;
import jdk.jfr.Period;
import jdk.jfr.SettingDescriptor;
import jdk.jfr.ValueDescriptor;
import org.junit.jupiter.api.Test;

/**
 * The catalog as the running JDK registers it ({@code jdk.jfr.EventType}): names, labels,
 * categories, units, stack-trace defaults, field types; and the additive-only rule against the
 * committed schema {@code catalog-v1.txt}.
 */
class EventCatalogTest {

    private static final Map<String, List<String>> CATEGORIES = Map.ofEntries(
            Map.entry(EventNames.FRAME, List.of("PureDOTS", "Frame")),
            Map.entry(EventNames.SYSTEM_GROUP_TICK, List.of("PureDOTS", "Systems")),
            Map.entry(EventNames.SYSTEM_TICK, List.of("PureDOTS", "Systems")),
            Map.entry(EventNames.JOB_SCHEDULE, List.of("PureDOTS", "Jobs")),
            Map.entry(EventNames.JOB_RUN, List.of("PureDOTS", "Jobs")),
            Map.entry(EventNames.MAIN_THREAD_WAIT, List.of("PureDOTS", "Jobs")),
            Map.entry(EventNames.REGISTRY_UPDATE, List.of("PureDOTS", "Registries")),
            Map.entry(EventNames.SPATIAL_GRID_REBUILD, List.of("PureDOTS", "Spatial")),
            Map.entry(EventNames.ENTITY_COUNT, List.of("PureDOTS", "World")),
            Map.entry(EventNames.NATIVE_MEMORY, List.of("PureDOTS", "Memory")),
            Map.entry(EventNames.BUDGET_VIOLATION, List.of("PureDOTS", "Budgets")));

    /** event.field -> content type and unit, as jdk.jfr reports them; every other field has none. */
    private static final Map<String, String> UNITS = Map.of(
            EventNames.JOB_RUN + ".queueWait", "jdk.jfr.Timespan NANOSECONDS",
            EventNames.NATIVE_MEMORY + ".bytesReserved", "jdk.jfr.DataAmount BYTES",
            EventNames.NATIVE_MEMORY + ".bytesUsed", "jdk.jfr.DataAmount BYTES");

    /** Events whose rate is per frame or higher: recorded without stack traces by default. */
    private static final Set<String> NO_STACK_TRACE = Set.of(
            EventNames.FRAME, EventNames.SYSTEM_GROUP_TICK, EventNames.SYSTEM_TICK, EventNames.JOB_SCHEDULE,
            EventNames.JOB_RUN, EventNames.REGISTRY_UPDATE, EventNames.SPATIAL_GRID_REBUILD,
            EventNames.MAIN_THREAD_WAIT, EventNames.ENTITY_COUNT, EventNames.NATIVE_MEMORY);

    private static final Set<String> FIXED_FIELDS = Set.of("startTime", "duration", "eventThread", "stackTrace");

    @Test
    void eventNamesListsEveryEventClassInThePackage() throws Exception {
        List<String> classNames = Catalog.CLASSES.stream().map(Recordings::nameOf).collect(Collectors.toList());
        assertEquals(EventNames.ALL, classNames, "EventNames.ALL and the event classes differ");
        Set<String> inPackage = eventClassesInPackage();
        Set<String> listed = Catalog.CLASSES.stream().map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(listed, inPackage, "an *Event class is missing from EventNames.ALL / the catalog, or vice versa");
        for (String name : EventNames.ALL) {
            assertTrue(name.startsWith(EventNames.PREFIX), name);
        }
    }

    @Test
    void everyEventHasTitleCaseLabelDescriptionAndPureDotsCategory() {
        for (Class<? extends jdk.jfr.Event> c : Catalog.CLASSES) {
            EventType t = EventType.getEventType(c);
            String where = t.getName();
            assertNotNull(t.getLabel(), where);
            assertTrue(t.getLabel().matches("[A-Z][a-z0-9]*( [A-Z][a-z0-9]*)*"), where + " label not Title Case: " + t.getLabel());
            assertNotNull(t.getDescription(), where);
            assertFalse(t.getDescription().isBlank(), where);
            assertEquals(CATEGORIES.get(t.getName()), t.getCategoryNames(), where);
        }
    }

    @Test
    void everyFieldHasLabelDescriptionAndARecordableType() {
        for (Class<? extends jdk.jfr.Event> c : Catalog.CLASSES) {
            EventType t = EventType.getEventType(c);
            Catalog.EventSpec spec = new Catalog.EventSpec(c);
            List<String> recorded = new ArrayList<>();
            for (ValueDescriptor v : t.getFields()) {
                if (FIXED_FIELDS.contains(v.getName())) {
                    continue;
                }
                recorded.add(v.getName());
                String where = t.getName() + "." + v.getName();
                assertNotNull(v.getLabel(), where);
                assertTrue(v.getLabel().matches("[A-Z][a-z0-9]*( [A-Z][a-z0-9]*)*"), where + " label not Title Case: " + v.getLabel());
                assertNotNull(v.getDescription(), where);
                assertFalse(v.getDescription().isBlank(), where);
            }
            // a field of an unsupported type (array, enum, object) is dropped silently by JFR
            assertEquals(new ArrayList<>(spec.fields.keySet()), recorded, t.getName() + ": declared fields not all recorded");
        }
    }

    @Test
    void unitsAreDeclaredAsContentTypes() {
        Map<String, String> found = new TreeMap<>();
        for (Class<? extends jdk.jfr.Event> c : Catalog.CLASSES) {
            EventType t = EventType.getEventType(c);
            for (ValueDescriptor v : t.getFields()) {
                if (FIXED_FIELDS.contains(v.getName()) || v.getContentType() == null) {
                    continue;
                }
                String unit = v.getAnnotationElements().stream()
                        .filter(a -> a.getTypeName().equals(v.getContentType()))
                        .map(a -> String.valueOf(a.getValue("value")))
                        .findFirst().orElse("?");
                found.put(t.getName() + "." + v.getName(), v.getContentType() + " " + unit);
            }
        }
        assertEquals(new TreeMap<>(UNITS), found);
    }

    @Test
    void highRateEventsAreRecordedWithoutStackTraceByDefault() {
        for (Class<? extends jdk.jfr.Event> c : Catalog.CLASSES) {
            EventType t = EventType.getEventType(c);
            if (!NO_STACK_TRACE.contains(t.getName())) {
                continue;
            }
            SettingDescriptor st = t.getSettingDescriptors().stream()
                    .filter(s -> s.getName().equals("stackTrace")).findFirst().orElseThrow();
            assertEquals("false", st.getDefaultValue(), t.getName());
        }
    }

    @Test
    void sampledEventsDeclareAOneSecondPeriod() {
        for (Class<? extends jdk.jfr.Event> c : List.of(EntityCountEvent.class, NativeMemoryEvent.class)) {
            Period p = c.getAnnotation(Period.class);
            assertNotNull(p, c.getSimpleName());
            assertEquals("1 s", p.value(), c.getSimpleName());
        }
    }

    /**
     * Additive only: every line of the released schema ({@code catalog-v1.txt}: event, field,
     * type, unit) must still describe the catalog. New events and fields are allowed (append them
     * to the file when released); renaming, removing or retyping is not.
     */
    @Test
    void changesToTheCatalogAreAdditive() throws IOException {
        Set<String> current = new TreeSet<>();
        for (Catalog.EventSpec e : Catalog.specs()) {
            current.add(e.name + " event " + e.label);
            for (Catalog.FieldSpec f : e.fields.values()) {
                current.add(e.name + " " + f.name + " " + f.type.getName() + (f.unit == null ? "" : " " + f.unit));
            }
        }
        List<String> released = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("catalog-v1.txt")) {
            assertNotNull(in, "missing catalog-v1.txt");
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(released::add);
        }
        assertFalse(released.isEmpty());
        List<String> broken = released.stream().filter(l -> !current.contains(l)).collect(Collectors.toList());
        assertTrue(broken.isEmpty(), "released schema lines no longer true (changes must be additive): " + broken);
    }

    private static Set<String> eventClassesInPackage() throws IOException, URISyntaxException {
        Path location = Path.of(EventNames.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> names = new TreeSet<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> s = Files.list(location.resolve("io/puredots/events"))) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("Event.class"))
                        .forEach(n -> names.add(n.substring(0, n.length() - ".class".length())));
            }
        } else {
            try (ZipInputStream z = new ZipInputStream(Files.newInputStream(location))) {
                for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                    String n = e.getName();
                    if (n.startsWith("io/puredots/events/") && n.endsWith("Event.class") && n.indexOf('/', 19) < 0) {
                        names.add(n.substring(19, n.length() - ".class".length()));
                    }
                }
            }
        }
        return names;
    }
}
