package io.puredots.analyzer.stats.attribution;

import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.attribution.AttributionResult;
import io.puredots.analyzer.model.attribution.FrameAttribution;
import io.puredots.analyzer.model.attribution.HotMethods;
import io.puredots.analyzer.model.attribution.LagShare;
import io.puredots.analyzer.model.attribution.StreakAttribution;
import io.puredots.analyzer.output.JsonWriter;
import io.puredots.analyzer.pipeline.JmcOptions;
import io.puredots.analyzer.pipeline.ReportPipeline;
import io.puredots.analyzer.pipeline.ReportRequest;
import io.puredots.budgets.Budgets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drill-down numbers of a report (each slow frame's and streak's offset and wall clock, its
 * execution samples and top methods against the normal frames, and the groups' and systems' lag
 * share) against an independent computation from the JDK's {@code RecordingFile} on the committed
 * fixtures, with the default budget and with a tight one that makes streaks.
 */
class DrillDownReferenceTest {
    private static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();
    /**
     * RecordingFile reading a file of several recordings' chunks converts ticks to times slightly
     * differently from reading each chunk on its own (which the decoders match exactly).
     */
    private static final long CONVERSION_NANOS = 1_000;
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    static Stream<Arguments> cases() throws Exception {
        Budgets tight = Budgets.parse("tight", new StringReader("frame = 8 ms\nstreak.frames = 1\n"));
        List<Arguments> out = new ArrayList<>();
        for (String f : new String[] {"recordings/fixtures/sim-small.jfr",
            "jfr-analyzer/src/test/resources/fixtures/game-two-chunks.jfr"}) {
            out.add(Arguments.of(f, Budgets.defaults()));
            out.add(Arguments.of(f, tight));
        }
        return out.stream();
    }

    /** The recording as RecordingFile reads it. */
    private static final class Expected {
        final Map<Long, long[]> frames = new LinkedHashMap<>(); // tick -> {start, duration}
        final List<Object[]> samples = new ArrayList<>();        // {time, onMain, top method}
        final List<Object[]> series = new ArrayList<>();         // {kind, name, tick, nanos}
        long recordingStart = Long.MAX_VALUE;

        Expected(Path file) throws Exception {
            try (RecordingFile rf = new RecordingFile(file)) {
                while (rf.hasMoreEvents()) {
                    RecordedEvent e = rf.readEvent();
                    long start = nanos(e.getStartTime());
                    switch (e.getEventType().getName()) {
                        case "puredots.Frame" -> frames.put(e.getLong("tick"),
                                new long[] {start, e.getDuration().toNanos()});
                        case "puredots.SystemGroupTick" -> series.add(new Object[] {"g", e.getString("group"),
                            e.getLong("tick"), e.getDuration().toNanos()});
                        case "puredots.SystemTick" -> series.add(new Object[] {"s", e.getString("system"),
                            e.getLong("tick"), e.getDuration().toNanos()});
                        case "jdk.ExecutionSample" -> {
                            RecordedThread t = e.getValue("sampledThread");
                            String name = t.getJavaName();
                            if (name.equals("main") || name.startsWith("puredots-worker")) {
                                List<RecordedFrame> st = e.getStackTrace().getFrames();
                                String top = st.isEmpty() ? "" : st.get(0).getMethod().getType().getName() + "."
                                        + st.get(0).getMethod().getName();
                                samples.add(new Object[] {start, name.equals("main"), top});
                            }
                        }
                        case "jdk.ActiveRecording" -> recordingStart = Math.min(recordingStart,
                                nanos(e.getInstant("recordingStart")));
                        default -> {
                        }
                    }
                }
            }
        }

        static long nanos(Instant i) {
            return i.getEpochSecond() * 1_000_000_000L + i.getNano();
        }

        boolean over(long tick, long budget) {
            long[] f = frames.get(tick);
            return f != null && f[1] > budget;
        }

        /** The frame holding time t, or null. */
        long[] frameAt(long t) {
            for (long[] f : frames.values()) {
                if (t >= f[0] && t < f[0] + f[1]) {
                    return f;
                }
            }
            return null;
        }

        Map<String, Long> normalProfile(long budget) {
            Map<String, Long> out = new HashMap<>();
            for (Object[] s : samples) {
                long[] f = frameAt((Long) s[0]);
                if (f != null && f[1] <= budget) {
                    out.merge((String) s[2], 1L, Long::sum);
                }
            }
            return out;
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void drillDownNumbersEqualTheRecordingFileComputation(String fixture, Budgets budgets) throws Exception {
        Path file = REPO.resolve(fixture);
        Expected x = new Expected(file);
        Report report = ReportPipeline.run(ReportRequest.of(List.of(file), budgets).withJmc(JmcOptions.OFF));
        AttributionResult a = report.slowFrames();
        long budget = budgets.frameNanos().getAsLong();
        long origin = report.overview().startNanos();
        assertTrue(origin <= x.frames.values().iterator().next()[0] && origin >= x.recordingStart - 1_000_000_000L,
                "the recording starts with its first chunk");
        JsonNode json = json(report);

        Map<String, Long> normal = x.normalProfile(budget);
        long normalTotal = normal.values().stream().mapToLong(Long::longValue).sum();
        assertEquals(normalTotal, a.normalFrameSamples());
        assertFalse(a.worstFrames().isEmpty());
        int withSamples = 0;
        for (int i = 0; i < a.worstFrames().size(); i++) {
            FrameAttribution f = a.worstFrames().get(i);
            long[] e = x.frames.get(f.tick());
            assertEquals(e[0], f.startNanos(), CONVERSION_NANOS);
            assertEquals(f.startNanos() - origin, f.offsetNanos());
            assertEquals(MILLIS.format(Instant.ofEpochSecond(0, f.startNanos())),
                    json.get("slowFrames").get("worstFrames").get(i).get("wallClock").asText());
            withSamples += checkHotMethods(x, e[0], e[0] + e[1], f.hotMethods(), normal, normalTotal);
        }
        for (int i = 0; i < a.streaks().size(); i++) {
            StreakAttribution k = a.streaks().get(i);
            long[] first = x.frames.get(k.firstTick());
            long[] last = x.frames.get(k.lastTick());
            assertEquals(first[0], k.startNanos(), CONVERSION_NANOS);
            assertEquals(k.startNanos() - origin, k.offsetNanos());
            assertEquals(MILLIS.format(Instant.ofEpochSecond(0, k.startNanos())),
                    json.get("slowFrames").get("streaks").get(i).get("wallClock").asText());
            withSamples += checkHotMethods(x, first[0], last[0] + last[1], k.hotMethods(), normal, normalTotal);
        }
        if (fixture.contains("sim-small")) {
            assertTrue(withSamples > 0, "some slow frame holds samples: the comparison is not vacuous");
        }
        checkLagShare(x, budget, a.lagShare());
    }

    /** Checks one frame's or streak's hot methods; returns its sample count. */
    private static int checkHotMethods(Expected x, long s0, long e0, HotMethods hot, Map<String, Long> normal,
                                       long normalTotal) {
        assertNotNull(hot, "the fixtures have execution samples");
        int n = 0;
        int main = 0;
        Map<String, Integer> byMethod = new HashMap<>();
        for (Object[] s : x.samples) {
            long t = (Long) s[0];
            if (t >= s0 && t < e0) {
                n++;
                main += (Boolean) s[1] ? 1 : 0;
                byMethod.merge((String) s[2], 1, Integer::sum);
            }
        }
        assertEquals(n, hot.samples());
        assertEquals(main, hot.mainThreadSamples());
        List<Map.Entry<String, Integer>> top = new ArrayList<>(byMethod.entrySet());
        top.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        top = top.subList(0, Math.min(5, top.size()));
        assertEquals(top.size(), hot.methods().size());
        for (int i = 0; i < top.size(); i++) {
            HotMethods.HotMethod m = hot.methods().get(i);
            assertEquals(top.get(i).getKey(), m.method());
            assertEquals((int) top.get(i).getValue(), m.samples());
            assertEquals((double) m.samples() / n, m.share(), 1e-12);
            assertEquals(normalTotal == 0 ? 0 : (double) normal.getOrDefault(m.method(), 0L) / normalTotal,
                    m.normalShare(), 1e-12);
        }
        int stackSamples = hot.stacks().stream().mapToInt(HotMethods.HotStack::samples).sum();
        assertTrue(stackSamples <= n);
        if (n > 0) {
            assertEquals(hot.methods().get(0).method(), hot.stacks().stream()
                    .filter(st -> st.methods().get(0).equals(hot.methods().get(0).method())).findFirst()
                    .map(st -> st.methods().get(0)).orElse(hot.methods().get(0).method()));
        }
        return n;
    }

    private static void checkLagShare(Expected x, long budget, LagShare lag) {
        assertNotNull(lag);
        long overFrames = x.frames.values().stream().filter(f -> f[1] > budget).count();
        assertEquals(overFrames, lag.overBudgetFrames());
        for (String kind : new String[] {"g", "s"}) {
            Map<String, Long> over = new HashMap<>();
            Map<String, Long> total = new HashMap<>();
            for (Object[] v : x.series) {
                if (!v[0].equals(kind)) {
                    continue;
                }
                String name = (String) v[1];
                total.merge(name, (Long) v[3], Long::sum);
                over.merge(name, x.over((Long) v[2], budget) ? (Long) v[3] : 0L, Long::sum);
            }
            long overSum = over.values().stream().mapToLong(Long::longValue).sum();
            long totalSum = total.values().stream().mapToLong(Long::longValue).sum();
            List<LagShare.Entry> entries = kind.equals("g") ? lag.groups() : lag.systems();
            assertEquals(overSum, kind.equals("g") ? lag.groupNanosOverBudget() : lag.systemNanosOverBudget());
            assertEquals(total.keySet(), new HashSet<>(entries.stream().map(LagShare.Entry::name).toList()));
            for (LagShare.Entry e : entries) {
                assertEquals((long) over.get(e.name()), e.overBudgetNanos(), e.name());
                assertEquals((long) total.get(e.name()), e.totalNanos(), e.name());
                assertEquals(overSum == 0 ? 0 : (double) over.get(e.name()) / overSum, e.lagShare(), 1e-12);
                assertEquals((double) total.get(e.name()) / totalSum, e.share(), 1e-12);
            }
            List<LagShare.Entry> sorted = new ArrayList<>(entries);
            sorted.sort(Comparator.comparingDouble(LagShare.Entry::lagShare).reversed());
            assertEquals(sorted.get(0).lagShare(), entries.get(0).lagShare(), "largest lag share first");
        }
        Set<Long> overTicks = new HashSet<>();
        x.frames.forEach((t, f) -> {
            if (f[1] > budget) {
                overTicks.add(t);
            }
        });
        assertEquals(overFrames, overTicks.size());
    }

    private static JsonNode json(Report report) throws Exception {
        StringWriter w = new StringWriter();
        new JsonWriter().write(report, w);
        return new ObjectMapper().readTree(w.toString());
    }
}
