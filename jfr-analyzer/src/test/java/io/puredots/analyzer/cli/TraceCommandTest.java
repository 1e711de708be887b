package io.puredots.analyzer.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puredots.events.EventNames;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code trace} on a sim-runtime recording and on the two-chunk game fixture, read back with
 * Jackson and checked against the JDK's {@link RecordingFile}: slices nest on every thread, time
 * does not go back on a track, each event type's count in the window is the recording's, flows
 * join slices that exist, counters are there; windows, the size limit and bad input.
 */
class TraceCommandTest {
    static final String SIM = GoldenReportTest.SIM;
    static final String TWO_CHUNKS = GoldenReportTest.FIXTURE;

    /** The JFR event types a trace shows, each as slices, counter samples or marks. */
    static final List<String> TYPES = List.of(EventNames.FRAME, EventNames.SYSTEM_GROUP_TICK, EventNames.SYSTEM_TICK,
            EventNames.MAIN_THREAD_WAIT, EventNames.JOB_SCHEDULE, EventNames.JOB_RUN, EventNames.BUDGET_VIOLATION,
            EventNames.ENTITY_COUNT, EventNames.NATIVE_MEMORY, EventNames.Jdk.GC_HEAP_SUMMARY, EventNames.Jdk.GC,
            EventNames.Jdk.GC_PAUSE, EventNames.Jdk.GC_PAUSE_LEVEL_1, EventNames.Jdk.GC_PAUSE_LEVEL_2,
            EventNames.Jdk.GC_PAUSE_LEVEL_3, EventNames.Jdk.GC_PAUSE_LEVEL_4, EventNames.Jdk.SAFEPOINT_BEGIN);
    static final List<String> TICKED = List.of(EventNames.FRAME, EventNames.SYSTEM_GROUP_TICK, EventNames.SYSTEM_TICK,
            EventNames.MAIN_THREAD_WAIT, EventNames.JOB_SCHEDULE, EventNames.JOB_RUN, EventNames.BUDGET_VIOLATION);

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TempDir
    Path dir;

    /** A trace read back: its events in file order and its time zero. */
    record Trace(List<JsonNode> events, long originNanos) {
        static Trace read(Path file) throws Exception {
            JsonNode root = JSON.readTree(file.toFile());
            List<JsonNode> events = new ArrayList<>();
            root.get("traceEvents").forEach(events::add);
            Instant origin = Instant.parse(root.get("otherData").get("recordingStart").asText());
            return new Trace(events, origin.getEpochSecond() * 1_000_000_000L + origin.getNano());
        }

        /** Trace events per category (JFR type): slices (X, or b of an async pair), counter samples, marks. */
        Map<String, Long> counts() {
            Map<String, Long> out = new TreeMap<>();
            for (JsonNode e : events) {
                String ph = e.get("ph").asText();
                if (ph.equals("X") || ph.equals("b") || ph.equals("C") || ph.equals("i")) {
                    out.merge(e.get("cat").asText(), 1L, Long::sum);
                }
            }
            return out;
        }
    }

    static long nanos(JsonNode micros) {
        return new BigDecimal(micros.asText()).movePointRight(3).longValueExact();
    }

    static long start(RecordedEvent e) {
        return e.getStartTime().getEpochSecond() * 1_000_000_000L + e.getStartTime().getNano();
    }

    static long end(RecordedEvent e) {
        return e.getEndTime().getEpochSecond() * 1_000_000_000L + e.getEndTime().getNano();
    }

    private static final Map<String, List<RecordedEvent>> EVENTS = new HashMap<>();

    /** The recording's events, read once per test run by RecordingFile. */
    static synchronized List<RecordedEvent> events(String file) throws Exception {
        List<RecordedEvent> events = EVENTS.get(file);
        if (events == null) {
            events = RecordingFile.readAllEvents(Path.of(file));
            EVENTS.put(file, events);
        }
        return events;
    }

    /** The recording's events of the trace's types that {@code keep} keeps, counted per type by RecordingFile. */
    static Map<String, Long> recordingCounts(String file, Predicate<RecordedEvent> keep) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        for (RecordedEvent e : events(file)) {
            String type = e.getEventType().getName();
            if (TYPES.contains(type) && keep.test(e)) {
                out.merge(type, 1L, Long::sum);
            }
        }
        return out;
    }

    private Trace trace(String... args) throws Exception {
        Path out = dir.resolve("t" + System.nanoTime() + ".json");
        List<String> all = new ArrayList<>(List.of("trace", "-o", out.toString()));
        all.addAll(List.of(args));
        CliRun r = CliRun.of(all.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        return Trace.read(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {SIM, TWO_CHUNKS})
    void slicesNestAndTimeGoesForwardOnEveryThread(String recording) throws Exception {
        Trace t = trace(recording);
        Map<Long, Deque<Long>> open = new HashMap<>();
        Map<Long, Long> last = new HashMap<>();
        Map<Long, Integer> beginEnd = new HashMap<>();
        Map<Long, Integer> async = new HashMap<>();
        int complete = 0;
        for (JsonNode e : t.events()) {
            String ph = e.get("ph").asText();
            if (ph.equals("b") || ph.equals("e")) {
                async.merge(e.get("id").asLong(), ph.equals("b") ? 1 : -1, Integer::sum);
                continue;
            }
            if (!ph.equals("X") && !ph.equals("B") && !ph.equals("E")) {
                continue;
            }
            long tid = e.get("tid").asLong();
            long ts = nanos(e.get("ts"));
            Long before = last.put(tid, ts);
            assertTrue(before == null || before <= ts, "time went back on track " + tid + " at " + e);
            if (ph.equals("X")) {
                complete++;
                long end = ts + nanos(e.get("dur"));
                Deque<Long> stack = open.computeIfAbsent(tid, k -> new ArrayDeque<>());
                while (!stack.isEmpty() && stack.peek() <= ts) {
                    stack.pop();
                }
                if (!stack.isEmpty() && end > stack.peek()) {
                    fail("slice overlaps its parent partly on track " + tid + ": " + e);
                }
                stack.push(end);
            } else {
                int depth = beginEnd.merge(tid, ph.equals("B") ? 1 : -1, Integer::sum);
                assertTrue(depth >= 0, "E without B on track " + tid);
            }
        }
        assertTrue(complete > 1000, "complete slices: " + complete);
        beginEnd.forEach((tid, d) -> assertEquals(0, d, "unbalanced B/E on track " + tid));
        async.forEach((id, d) -> assertEquals(0, d, "unbalanced async slice " + id));
    }

    @ParameterizedTest
    @ValueSource(strings = {SIM, TWO_CHUNKS})
    void everyEventOfTheTracedTypesIsThereOnce(String recording) throws Exception {
        Map<String, Long> expected = recordingCounts(recording, e -> true);
        assertEquals(expected, trace(recording).counts());
        assertTrue(expected.containsKey(EventNames.JOB_RUN) && expected.containsKey(EventNames.Jdk.SAFEPOINT_BEGIN));
    }

    @Test
    void framesKeepTheRecordingsNanosecondsFromTheRecordingStart() throws Exception {
        Trace t = trace(SIM);
        Map<Long, long[]> frames = new HashMap<>();
        for (RecordedEvent e : events(SIM)) {
            if (e.getEventType().getName().equals(EventNames.FRAME)) {
                frames.put(e.getLong("tick"), new long[] {start(e) - t.originNanos(), end(e) - start(e)});
            }
        }
        int seen = 0;
        for (JsonNode e : t.events()) {
            if (e.get("ph").asText().equals("X") && e.get("cat").asText().equals(EventNames.FRAME)) {
                long[] f = frames.get(e.get("args").get("tick").asLong());
                assertEquals(f[0], nanos(e.get("ts")), e.toString());
                assertEquals(f[1], nanos(e.get("dur")), e.toString());
                seen++;
            }
        }
        assertEquals(frames.size(), seen);
    }

    @ParameterizedTest
    @ValueSource(strings = {SIM, TWO_CHUNKS})
    void flowsLeadFromAJobsScheduleToItsRuns(String recording) throws Exception {
        Trace t = trace(recording);
        // slices by track and category, by start: those of one category on one track do not overlap
        Map<String, TreeMap<Long, JsonNode>> slices = new HashMap<>();
        Map<Long, JsonNode> starts = new HashMap<>();
        Map<Long, JsonNode> ends = new HashMap<>();
        for (JsonNode e : t.events()) {
            switch (e.get("ph").asText()) {
                case "X" -> slices.computeIfAbsent(e.get("tid").asLong() + " " + e.get("cat").asText(),
                        k -> new TreeMap<>()).put(nanos(e.get("ts")), e);
                case "s" -> starts.put(e.get("id").asLong(), e);
                case "f" -> ends.put(e.get("id").asLong(), e);
                default -> { }
            }
        }
        assertEquals(starts.keySet(), ends.keySet());
        assertEquals(recordingCounts(recording, e -> true).get(EventNames.JOB_RUN), (long) ends.size(),
                "every run's schedule is in the recording");
        for (long id : starts.keySet()) {
            JsonNode schedule = enclosing(slices, starts.get(id), EventNames.JOB_SCHEDULE);
            JsonNode run = enclosing(slices, ends.get(id), EventNames.JOB_RUN);
            assertEquals("e", ends.get(id).get("bp").asText());
            assertEquals(schedule.get("args").get("jobId").asLong(), run.get("args").get("jobId").asLong());
        }
    }

    /** The slice of {@code category} on the flow event's track that holds its instant. */
    private static JsonNode enclosing(Map<String, TreeMap<Long, JsonNode>> slices, JsonNode flow, String category) {
        long ts = nanos(flow.get("ts"));
        TreeMap<Long, JsonNode> track = slices.get(flow.get("tid").asLong() + " " + category);
        Map.Entry<Long, JsonNode> s = track == null ? null : track.floorEntry(ts);
        if (s == null || ts > s.getKey() + nanos(s.getValue().get("dur"))) {
            throw new AssertionError("no " + category + " slice holds " + flow);
        }
        return s.getValue();
    }

    @Test
    void countersOfHeapEntitiesAndNativeMemory() throws Exception {
        Trace t = trace(TWO_CHUNKS);
        Map<String, Integer> counters = new TreeMap<>();
        for (JsonNode e : t.events()) {
            if (e.get("ph").asText().equals("C")) {
                assertEquals(1, e.get("args").size(), e.toString());
                assertTrue(e.get("args").elements().next().isIntegralNumber(), e.toString());
                counters.merge(e.get("name").asText().replaceAll(":.*", ""), 1, Integer::sum);
                assertEquals(e.get("name").asText().startsWith("Heap") ? "bytes"
                        : e.get("name").asText().startsWith("Entities") ? "count" : "bytes",
                        e.get("args").fieldNames().next(), e.toString());
            }
        }
        assertEquals(List.of("Entities", "Heap used", "Native memory reserved"), List.copyOf(counters.keySet()));
        assertTrue(t.events().stream().anyMatch(e -> e.get("name").asText().equals("Entities: Villager")),
                "a counter per archetype");
    }

    @Test
    void timeWindowKeepsTheEventsOverlappingIt() throws Exception {
        List<Long> frames = new ArrayList<>();
        for (RecordedEvent e : events(TWO_CHUNKS)) {
            if (e.getEventType().getName().equals(EventNames.FRAME)) {
                frames.add(start(e));
            }
        }
        frames.sort(null);
        long from = frames.get(20);
        long to = frames.get(50);
        Trace t = trace("--from", Instant.ofEpochSecond(0, from).toString(), "--to", Instant.ofEpochSecond(0, to)
                .toString(), TWO_CHUNKS);
        Map<String, Long> expected = recordingCounts(TWO_CHUNKS, e -> start(e) < to
                && (end(e) > start(e) ? end(e) > from : start(e) >= from));
        assertEquals(expected, t.counts());
        assertTrue(expected.get(EventNames.FRAME) >= 30 && expected.get(EventNames.FRAME) <= 32, expected.toString());
    }

    @Test
    void offsetWindowCountsFromTheRecordingStart() throws Exception {
        Trace whole = trace(TWO_CHUNKS);
        Trace t = trace("--from", "100ms", "--to", "200ms", TWO_CHUNKS);
        long from = whole.originNanos() + 100_000_000L;
        long to = whole.originNanos() + 200_000_000L;
        assertEquals(recordingCounts(TWO_CHUNKS, e -> start(e) < to
                && (end(e) > start(e) ? end(e) > from : start(e) >= from)), t.counts());
    }

    @Test
    void tickWindowKeepsTheTicksAndTheJvmEventsDuringTheirFrames() throws Exception {
        long first = 30;
        long last = 64;
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (RecordedEvent e : events(TWO_CHUNKS)) {
            if (e.getEventType().getName().equals(EventNames.FRAME) && e.getLong("tick") >= first
                    && e.getLong("tick") <= last) {
                from = Math.min(from, start(e));
                to = Math.max(to, end(e));
            }
        }
        long f = from;
        long t = to;
        Map<String, Long> expected = recordingCounts(TWO_CHUNKS, e -> TICKED.contains(e.getEventType().getName())
                ? e.getLong("tick") >= first && e.getLong("tick") <= last
                : start(e) < t && (end(e) > start(e) ? end(e) > f : start(e) >= f));
        assertEquals(expected, trace("--ticks", first + ".." + last, TWO_CHUNKS).counts());
        assertEquals(last - first + 1, expected.get(EventNames.FRAME));
        assertTrue(expected.containsKey(EventNames.Jdk.GC), "the window holds the fixture's GC: " + expected);
    }

    @Test
    void tooLargeATraceIsRefusedInOneLineAndLeavesNoFile() throws Exception {
        Path out = dir.resolve("big.json");
        CliRun r = CliRun.of("trace", "--max-size", "64KB", "-o", out.toString(), SIM);
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("jfr-analyzer trace: the trace would be about "), r.err());
        assertTrue(r.err().contains(", over --max-size 64.00 KiB ("), r.err());
        assertTrue(r.err().contains("cut a window with --from/--to or --ticks A..B, or raise --max-size; nothing"
                + " written"), r.err());
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no temporary file left");
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("trace-reader")),
                "the reading thread was ended");
    }

    @Test
    void aTraceWithinTheLimitIsWritten() throws Exception {
        Path out = dir.resolve("ok.json");
        CliRun r = CliRun.of("trace", "--max-size", "64MB", "-o", out.toString(), SIM);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(Files.size(out) > 64 * 1024 && Files.size(out) < 64L << 20);
    }

    @Test
    void missingInputIsOneLine() {
        CliRun r = CliRun.of("trace", "-o", dir.resolve("x.json").toString(), dir.resolve("nope.jfr").toString());
        assertEquals(2, r.code());
        assertEquals("jfr-analyzer trace: cannot read '" + dir.resolve("nope.jfr") + "': no such file\n", r.err());
        assertFalse(Files.exists(dir.resolve("x.json")));
    }

    @Test
    void aFileThatIsNoRecordingIsOneLine() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jfr"), "hello, not a recording\n");
        CliRun r = CliRun.of("trace", "-o", dir.resolve("x.json").toString(), text.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("jfr-analyzer trace: cannot read '" + text + "'"), r.err());
        assertFalse(Files.exists(dir.resolve("x.json")));
    }

    @Test
    void windowsOutsideTheRecordingAreOneLine() {
        CliRun after = CliRun.of("trace", "--from", "1h", SIM);
        assertEquals(2, after.code());
        assertTrue(after.err().startsWith("jfr-analyzer trace: --from 1h is after the recording's end: "), after.err());
        assertEquals(1, after.err().lines().count(), after.err());
        assertEquals("", after.out());

        CliRun ticks = CliRun.of("trace", "--ticks", "5000..6000", SIM);
        assertEquals(2, ticks.code());
        assertEquals("jfr-analyzer trace: --ticks 5000..6000 holds no frame: the recording's frames are ticks"
                + " 0..119\n", ticks.err());

        CliRun both = CliRun.of("trace", "--ticks", "1..2", "--from", "1s", SIM);
        assertEquals(2, both.code());
        assertEquals("jfr-analyzer trace: --ticks cannot be combined with --from/--to; cut the window one way\n",
                both.err());

        CliRun bad = CliRun.of("trace", "--ticks", "9..3", SIM);
        assertEquals(2, bad.code());
        assertEquals("jfr-analyzer trace: --ticks needs the first tick not after the last, got '9..3'\n", bad.err());
    }

    @Test
    void stdoutGetsTheSameTraceAsAFile() throws Exception {
        CliRun r = CliRun.of("trace", SIM);
        assertEquals(0, r.code(), r.err());
        Path file = dir.resolve("same.json");
        assertEquals(0, CliRun.of("trace", "-o", file.toString(), SIM).code());
        assertEquals(Files.readString(file), r.out());
    }
}
