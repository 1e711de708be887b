package io.puredots.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmc.common.IDescribable;
import org.openjdk.jmc.common.item.IAccessorKey;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.IType;
import org.openjdk.jmc.common.unit.ContentType;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;
import org.openjdk.jmc.flightrecorder.internal.EventArray;
import org.openjdk.jmc.flightrecorder.internal.FlightRecordingLoader;

/**
 * The catalog as a user sees it: in JMC (the JMC 9.1.1 parser, {@code JfrLoaderToolkit}) and in
 * the running JDK's {@code jfr metadata}, {@code jfr print} and {@code jfr summary}. One
 * recording of {@link SampleGame} (two frames, every event) made with {@code puredots.jfc}.
 */
class EventMetadataTest {
    private static final int FRAMES = 2;

    @TempDir
    static Path dir;

    private static Path recording;

    @BeforeAll
    static void recordSampleGame() throws Exception {
        recording = dir.resolve("sample.jfr");
        Configuration jfc = Configuration.create(Path.of("jfc", "puredots.jfc"));
        SampleGame.registerPeriodicHooks();
        try (Recording r = new Recording(jfc)) {
            // sample the periodic events once, when the recording stops, instead of every second
            // (by name: that replaces the jfc's "name#period" setting; by class would add a second one)
            r.enable(EventNames.ENTITY_COUNT).with("period", "endChunk");
            r.enable(EventNames.NATIVE_MEMORY).with("period", "endChunk");
            r.start();
            SampleGame game = SampleGame.create();
            for (long tick = 0; tick < FRAMES; tick++) {
                game.frame(tick);
            }
            r.stop();
            r.dump(recording);
        } finally {
            SampleGame.removePeriodicHooks();
        }
    }

    /** Expected count of each event in the recording, from SampleGame's per-frame plan. */
    private static Map<String, Long> expectedCounts() {
        Map<String, Long> m = new TreeMap<>();
        m.put(EventNames.FRAME, (long) FRAMES);
        m.put(EventNames.SYSTEM_GROUP_TICK, (long) FRAMES * SampleGame.GROUPS);
        m.put(EventNames.SYSTEM_TICK, (long) FRAMES * SampleGame.SYSTEMS);
        m.put(EventNames.JOB_SCHEDULE, (long) FRAMES * SampleGame.JOBS);
        m.put(EventNames.JOB_RUN, (long) FRAMES * SampleGame.JOBS * SampleGame.BATCHES);
        m.put(EventNames.REGISTRY_UPDATE, (long) FRAMES);
        m.put(EventNames.SPATIAL_GRID_REBUILD, (long) FRAMES);
        m.put(EventNames.MAIN_THREAD_WAIT, (long) FRAMES);
        m.put(EventNames.BUDGET_VIOLATION, 1L);
        m.put(EventNames.ENTITY_COUNT, 1L);
        m.put(EventNames.NATIVE_MEMORY, 1L);
        return m;
    }

    // ---- JMC ------------------------------------------------------------------------------

    /** The content type JMC should show for a field, derived from its Java type and unit annotation. */
    private static ContentType<?> jmcContentType(Catalog.FieldSpec f) {
        if (f.unit != null && f.unit.startsWith("@Timespan")) {
            return UnitLookup.TIMESPAN;
        }
        if (f.unit != null && f.unit.startsWith("@DataAmount")) {
            return UnitLookup.MEMORY;
        }
        if (f.type == String.class) {
            return UnitLookup.PLAIN_TEXT;
        }
        // no unit annotation: JMC shows a long as a raw number (no grouping, like an id) and an
        // int or double as a number
        if (f.type == long.class) {
            return UnitLookup.RAW_NUMBER;
        }
        if (f.type == int.class || f.type == double.class) {
            return UnitLookup.NUMBER;
        }
        throw new IllegalArgumentException("no JMC expectation for " + f.type);
    }

    @Test
    void jmcShowsLabelDescriptionFieldLabelsAndUnits() throws Exception {
        IItemCollection items = JfrLoaderToolkit.loadEvents(recording.toFile());
        Map<String, IType<IItem>> types = new HashMap<>();
        for (IItemIterable it : items) {
            types.put(it.getType().getIdentifier(), it.getType());
        }
        for (Catalog.EventSpec e : Catalog.specs()) {
            IType<IItem> t = types.get(e.name);
            assertNotNull(t, "JMC does not see " + e.name);
            assertEquals(e.label, t.getName(), e.name);
            // JMC shows the description followed by the event id in brackets
            assertEquals(e.description + " [" + e.name + "]", t.getDescription(), e.name);
            Map<String, IAccessorKey<?>> keys = new HashMap<>();
            Map<String, IDescribable> described = new HashMap<>();
            for (Map.Entry<IAccessorKey<?>, ? extends IDescribable> k : t.getAccessorKeys().entrySet()) {
                keys.put(k.getKey().getIdentifier(), k.getKey());
                described.put(k.getKey().getIdentifier(), k.getValue());
            }
            for (Catalog.FieldSpec f : e.fields.values()) {
                String where = e.name + "." + f.name;
                IAccessorKey<?> key = keys.get(f.name);
                assertNotNull(key, "JMC has no attribute " + where);
                assertEquals(f.label, described.get(f.name).getName(), where);
                assertEquals(f.description, described.get(f.name).getDescription(), where);
                assertEquals(jmcContentType(f), key.getContentType(), where);
            }
        }
    }

    @Test
    void jmcShowsTheCategoryPath() throws Exception {
        Map<String, List<String>> categories = new HashMap<>();
        try (InputStream in = Files.newInputStream(recording)) {
            for (EventArray a : FlightRecordingLoader.loadStream(in, false, false).getArrays()) {
                categories.put(a.getType().getIdentifier(), List.of(a.getTypeCategory()));
            }
        }
        for (Catalog.EventSpec e : Catalog.specs()) {
            assertEquals(e.category, categories.get(e.name), e.name);
        }
    }

    @Test
    void jmcReadsValuesInTheirUnits() throws Exception {
        IItemCollection items = JfrLoaderToolkit.loadEvents(recording.toFile());
        List<Long> queueWaits = new ArrayList<>();
        long reserved = -1;
        for (IItemIterable it : items) {
            IType<IItem> t = it.getType();
            if (t.getIdentifier().equals(EventNames.JOB_RUN)) {
                IMemberAccessor<?, IItem> acc = accessor(t, "queueWait");
                for (IItem item : it) {
                    queueWaits.add(((IQuantity) acc.getMember(item)).clampedLongValueIn(UnitLookup.NANOSECOND));
                }
            } else if (t.getIdentifier().equals(EventNames.NATIVE_MEMORY)) {
                IMemberAccessor<?, IItem> acc = accessor(t, "bytesReserved");
                for (IItem item : it) {
                    reserved = ((IQuantity) acc.getMember(item)).clampedLongValueIn(UnitLookup.BYTE);
                }
            }
        }
        queueWaits.sort(null);
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < FRAMES * SampleGame.JOBS; i++) {
            for (int b = 0; b < SampleGame.BATCHES; b++) {
                expected.add(1_000L * (b + 1));
            }
        }
        expected.sort(null);
        assertEquals(expected, queueWaits, "JobRun.queueWait in ns as JMC reads it");
        assertEquals(4L * 1024 * 1024, reserved, "NativeMemory.bytesReserved in bytes as JMC reads it");
    }

    private static IMemberAccessor<?, IItem> accessor(IType<IItem> t, String field) {
        for (IAccessorKey<?> k : t.getAccessorKeys().keySet()) {
            if (k.getIdentifier().equals(field)) {
                return t.getAccessor(k);
            }
        }
        throw new AssertionError("no attribute " + field + " in " + t.getIdentifier());
    }

    // ---- the jfr tool of the running JDK ---------------------------------------------------

    private static String jfr(String... args) throws IOException, InterruptedException {
        Path tool = Path.of(System.getProperty("java.home"), "bin", "jfr");
        List<String> cmd = new ArrayList<>();
        cmd.add(tool.toString());
        cmd.addAll(List.of(args));
        Path out = dir.resolve("jfr-" + args[0] + "-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("jfr " + String.join(" ", args) + " did not finish in 120 s");
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "jfr " + String.join(" ", args) + " failed:\n" + text);
        return text;
    }

    /** One {@code class X extends jdk.jfr.Event} block of {@code jfr metadata} output. */
    private static final class MetadataBlock {
        final List<String> classAnnotations = new ArrayList<>();
        /** field name -> its declaration line and annotation lines, trimmed. */
        final Map<String, List<String>> fields = new LinkedHashMap<>();
    }

    private static Map<String, MetadataBlock> parseMetadata(String text) {
        Map<String, MetadataBlock> blocks = new HashMap<>();
        String[] lines = text.split("\\R");
        Pattern name = Pattern.compile("@Name\\(\"(puredots\\.[A-Za-z]+)\"\\)");
        Pattern decl = Pattern.compile("(\\S+) (\\w+);");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = name.matcher(lines[i].trim());
            if (!m.matches()) {
                continue;
            }
            MetadataBlock b = new MetadataBlock();
            int j = i;
            while (!lines[j].trim().startsWith("class ")) {
                b.classAnnotations.add(lines[j].trim());
                j++;
            }
            List<String> pending = new ArrayList<>();
            for (j++; !lines[j].trim().equals("}"); j++) {
                String l = lines[j].trim();
                if (l.isEmpty()) {
                    continue;
                }
                Matcher d = decl.matcher(l);
                if (!l.startsWith("@") && d.matches()) {
                    pending.add(l);
                    b.fields.put(d.group(2), pending);
                    pending = new ArrayList<>();
                } else {
                    pending.add(l);
                }
            }
            blocks.put(m.group(1), b);
        }
        return blocks;
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }

    private static String jfrTypeName(Class<?> type) {
        return type == String.class ? "String" : type.getName();
    }

    @Test
    void jfrMetadataShowsNameLabelCategoryDescriptionAndUnits() throws Exception {
        Map<String, MetadataBlock> blocks = parseMetadata(jfr("metadata", recording.toString()));
        for (Catalog.EventSpec e : Catalog.specs()) {
            MetadataBlock b = blocks.get(e.name);
            assertNotNull(b, "jfr metadata does not list " + e.name);
            List<String> categoryList = new ArrayList<>();
            e.category.forEach(c -> categoryList.add(quoted(c)));
            assertTrue(b.classAnnotations.contains("@Name(" + quoted(e.name) + ")"), e.name + ": " + b.classAnnotations);
            assertTrue(b.classAnnotations.contains("@Label(" + quoted(e.label) + ")"), e.name + ": " + b.classAnnotations);
            assertTrue(b.classAnnotations.contains("@Description(" + quoted(e.description) + ")"), e.name + ": " + b.classAnnotations);
            assertTrue(b.classAnnotations.contains("@Category({" + String.join(", ", categoryList) + "})"),
                    e.name + ": " + b.classAnnotations);
            for (Catalog.FieldSpec f : e.fields.values()) {
                String where = e.name + "." + f.name;
                List<String> expected = new ArrayList<>();
                expected.add("@Label(" + quoted(f.label) + ")");
                expected.add("@Description(" + quoted(f.description) + ")");
                if (f.unit != null) {
                    expected.add(f.unit);
                }
                expected.add(jfrTypeName(f.type) + " " + f.name + ";");
                assertEquals(expected, b.fields.get(f.name), where);
            }
        }
    }

    @Test
    void jfrPrintFormatsValuesWithTheirUnits() throws Exception {
        String out = jfr("print", "--events", EventNames.JOB_RUN + "," + EventNames.NATIVE_MEMORY, recording.toString());
        assertTrue(out.contains("jobName = \"VillagerMovementJob\""), out);
        // 1000 ns printed as a time, not a bare number: 1.00 us (JDK 17) or 0.00100 ms, by JDK version
        Matcher q = Pattern.compile("queueWait = ([0-9.]+) (ns|us|ms)").matcher(out);
        assertTrue(q.find(), "queueWait has no time unit in:\n" + out);
        assertTrue(out.contains("bytesReserved = 4.0 MB"), out);
        assertTrue(out.contains("bytesUsed = 3.0 MB"), out);
        assertTrue(out.contains("containerKind = \"Column\""), out);
    }

    @Test
    void jfrSummaryCountsMatchWhatTheGameEmitted() throws Exception {
        String out = jfr("summary", recording.toString());
        Map<String, Long> counted = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*(puredots\\.\\w+)\\s+(\\d+)\\s+\\d+\\s*$").matcher(out);
        while (m.find()) {
            counted.put(m.group(1), Long.parseLong(m.group(2)));
        }
        assertEquals(expectedCounts(), counted, out);
    }
}
