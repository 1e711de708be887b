package io.puredots.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.puredots.events.provoke.DeoptTarget;
import io.puredots.events.provoke.JdkEventProvoker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code puredots.jfc} and {@code puredots-detailed.jfc}: they parse on the running JDK, the jar
 * holds the same bytes as the plain files, they enable what EVENTS.md says, and a recording made
 * with puredots.jfc holds our events and every JDK event the analyzer needs.
 */
class PuredotsJfcTest {
    private static final Path PLAIN = Path.of("jfc", "puredots.jfc");
    private static final Path DETAILED = Path.of("jfc", "puredots-detailed.jfc");

    /** Upper bound for provoking every event; normal runs need 2 to 5 s (1 s periodic events). */
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(90);

    @TempDir
    Path dir;

    private static Map<String, String> settings(Path jfc) throws Exception {
        return Configuration.create(jfc).getSettings();
    }

    /** Event names the .jfc configures, from its "name#setting" keys. */
    private static Set<String> configuredEvents(Map<String, String> settings) {
        return settings.keySet().stream().map(k -> k.substring(0, k.indexOf('#')))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void jarHoldsTheSameBytesAsThePlainFiles() throws IOException {
        for (Path plain : List.of(PLAIN, DETAILED)) {
            String resource = "/io/puredots/events/" + plain.getFileName();
            try (InputStream in = EventNames.class.getResourceAsStream(resource)) {
                assertNotNull(in, "missing class-path resource " + resource);
                assertArrayEquals(Files.readAllBytes(plain), in.readAllBytes(), resource + " differs from " + plain);
            }
        }
    }

    @Test
    void parsesOnThisJdkWithItsLabel() throws Exception {
        assertEquals("PureDOTS", Configuration.create(PLAIN).getLabel());
        assertEquals("PureDOTS detailed", Configuration.create(DETAILED).getLabel());
    }

    @Test
    void everyConfiguredEventExistsOnThisJdk() throws Exception {
        Set<String> known = new HashSet<>(EventNames.ALL);
        for (EventType t : FlightRecorder.getFlightRecorder().getEventTypes()) {
            known.add(t.getName());
        }
        for (Path jfc : List.of(PLAIN, DETAILED)) {
            Set<String> unknown = new TreeSet<>(configuredEvents(settings(jfc)));
            unknown.removeAll(known);
            assertTrue(unknown.isEmpty(), jfc + " configures events this JDK does not have (typo?): " + unknown);
        }
    }

    @Test
    void puredotsEventsAreOnWithThresholdZeroAndWithoutStackTraces() throws Exception {
        for (Path jfc : List.of(PLAIN, DETAILED)) {
            Map<String, String> s = settings(jfc);
            for (String name : EventNames.ALL) {
                assertEquals("true", s.get(name + "#enabled"), jfc + " " + name);
                if (name.equals(EventNames.ENTITY_COUNT) || name.equals(EventNames.NATIVE_MEMORY)) {
                    assertEquals("1 s", s.get(name + "#period"), jfc + " " + name);
                } else {
                    assertEquals("0 ms", s.get(name + "#threshold"), jfc + " " + name);
                    assertEquals("false", s.get(name + "#stackTrace"), jfc + " " + name);
                }
            }
        }
    }

    @Test
    void analyzerJdkEventsAreOnWithTheDocumentedSettings() throws Exception {
        Map<String, String> s = settings(PLAIN);
        for (String name : EventNames.Jdk.REQUIRED) {
            assertEquals("true", s.get(name + "#enabled"), name);
        }
        Map<String, String> expected = new TreeMap<>(Map.of(
                EventNames.Jdk.JAVA_MONITOR_ENTER + "#threshold", "1 ms",
                EventNames.Jdk.THREAD_PARK + "#threshold", "1 ms",
                EventNames.Jdk.COMPILATION + "#threshold", "1 ms",
                EventNames.Jdk.GC_PAUSE + "#threshold", "0 ms",
                EventNames.Jdk.SAFEPOINT_BEGIN + "#threshold", "0 ms",
                EventNames.Jdk.OBJECT_ALLOCATION_SAMPLE + "#throttle", "150/s",
                EventNames.Jdk.CPU_LOAD + "#period", "1 s",
                EventNames.Jdk.THREAD_CPU_LOAD + "#period", "1 s",
                EventNames.Jdk.DIRECT_BUFFER_STATISTICS + "#period", "1 s"));
        Map<String, String> actual = new TreeMap<>();
        expected.keySet().forEach(k -> actual.put(k, s.get(k)));
        assertEquals(expected, actual);
    }

    @Test
    void detailedEnablesEverythingTheDefaultDoesWithThresholdsNoHigher() throws Exception {
        Map<String, String> plain = settings(PLAIN);
        Map<String, String> detailed = settings(DETAILED);
        for (Map.Entry<String, String> e : plain.entrySet()) {
            String key = e.getKey();
            assertTrue(detailed.containsKey(key), "detailed lacks " + key);
            if (key.endsWith("#enabled") && e.getValue().equals("true")) {
                assertEquals("true", detailed.get(key), key);
            }
            if (key.endsWith("#threshold")) {
                assertTrue(millis(detailed.get(key)) <= millis(e.getValue()), key + ": " + detailed.get(key) + " > " + e.getValue());
            }
        }
        assertEquals("true", detailed.get("jdk.ObjectAllocationOutsideTLAB#enabled"));
        assertEquals("true", detailed.get("jdk.NativeMethodSample#enabled"));
        assertEquals("0 ms", detailed.get(EventNames.Jdk.JAVA_MONITOR_ENTER + "#threshold"));
        assertEquals("0 ms", detailed.get(EventNames.Jdk.THREAD_PARK + "#threshold"));
    }

    private static double millis(String threshold) {
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?) (ns|us|ms|s)").matcher(threshold.trim());
        assertTrue(m.matches(), "unexpected threshold '" + threshold + "'");
        double v = Double.parseDouble(m.group(1));
        switch (m.group(2)) {
            case "ns": return v / 1e6;
            case "us": return v / 1e3;
            case "ms": return v;
            default: return v * 1e3;
        }
    }

    /**
     * A recording made with puredots.jfc holds every puredots event and every event of
     * {@link EventNames.Jdk#REQUIRED}, provoked on purpose. A recording stream with the same
     * settings tells when all have occurred; the dump is then read back from the file.
     */
    @Test
    void recordingHoldsOurEventsAndTheJdkEventsTheAnalyzerNeeds() throws Exception {
        Set<String> wanted = new TreeSet<>(EventNames.ALL);
        wanted.addAll(EventNames.Jdk.REQUIRED);
        int rounds = 0;
        Set<String> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch allSeen = new CountDownLatch(1);
        Path file = dir.resolve("puredots-jfc.jfr");

        SampleGame.registerPeriodicHooks();
        try (RecordingStream rs = new RecordingStream(Configuration.create(PLAIN));
             JdkEventProvoker provoke = new JdkEventProvoker()) {
            for (String name : wanted) {
                rs.onEvent(name, e -> {
                    if (name.equals(EventNames.Jdk.DEOPTIMIZATION) && !isOurDeopt(e)) {
                        return; // wait for the provoked one, not one the JVM happened to do
                    }
                    if (seen.add(name) && seen.containsAll(wanted)) {
                        allSeen.countDown();
                    }
                });
            }
            rs.startAsync();
            SampleGame game = SampleGame.create();
            long deadline = System.nanoTime() + DEADLINE_NANOS;
            int round = 0;
            do {
                game.frame(round);
                provoke.allocate(16);
                if (round == 0 || !seen.contains(EventNames.Jdk.GC_PAUSE_LEVEL_1)) {
                    provoke.gc();
                }
                if (round == 0 || !seen.containsAll(List.of(EventNames.Jdk.JAVA_MONITOR_ENTER,
                        EventNames.Jdk.THREAD_PARK, EventNames.Jdk.THREAD_START, EventNames.Jdk.THREAD_END))) {
                    provoke.contendAndPark();
                }
                if (!seen.contains(EventNames.Jdk.COMPILATION)) {
                    provoke.compileWork(round);
                }
                if (!seen.contains(EventNames.Jdk.DEOPTIMIZATION)) {
                    provoke.deoptimize(round);
                }
                round++;
            } while (!allSeen.await(100, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline);
            rounds = round;
            assertEquals(JdkEventProvoker.DIRECT_BYTES, provoke.directCapacity());
            rs.dump(file);
        } finally {
            SampleGame.removePeriodicHooks();
        }
        Set<String> missingLive = new TreeSet<>(wanted);
        missingLive.removeAll(seen);
        assertTrue(missingLive.isEmpty(), "never occurred within " + DEADLINE_NANOS / 1_000_000_000 + " s ("
                + rounds + " rounds; Deoptimization counts only if in DeoptTarget): " + missingLive);

        Map<String, List<RecordedEvent>> byName = new TreeMap<>();
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                String name = e.getEventType().getName();
                if (wanted.contains(name)) {
                    byName.computeIfAbsent(name, k -> new ArrayList<>()).add(e);
                }
            }
        }
        Set<String> missingInFile = new TreeSet<>(wanted);
        missingInFile.removeAll(byName.keySet());
        assertTrue(missingInFile.isEmpty(), "not in the dumped recording: " + missingInFile);

        // the thresholds apply: nothing shorter than 1 ms is recorded for monitors and parks
        for (String name : List.of(EventNames.Jdk.JAVA_MONITOR_ENTER, EventNames.Jdk.THREAD_PARK, EventNames.Jdk.COMPILATION)) {
            for (RecordedEvent e : byName.get(name)) {
                assertTrue(e.getDuration().compareTo(Duration.ofMillis(1)) >= 0, name + " below threshold: " + e.getDuration());
            }
        }
        boolean ours = byName.get(EventNames.Jdk.JAVA_MONITOR_ENTER).stream()
                .anyMatch(e -> "puredots-contender".equals(e.getThread().getJavaName()));
        assertTrue(ours, "the provoked monitor contention was not recorded");
        long maxDirect = byName.get(EventNames.Jdk.DIRECT_BUFFER_STATISTICS).stream()
                .mapToLong(e -> e.getLong("totalCapacity")).max().orElse(0);
        assertTrue(maxDirect >= JdkEventProvoker.DIRECT_BYTES, "direct buffer statistics miss our buffer: " + maxDirect);
        assertTrue(byName.get(EventNames.Jdk.DEOPTIMIZATION).stream().anyMatch(PuredotsJfcTest::isOurDeopt),
                "the provoked deoptimization is not in the file");
        // our events are recorded without stack traces, the JDK lock events with them
        assertEquals(null, byName.get(EventNames.JOB_RUN).get(0).getStackTrace());
        assertNotNull(byName.get(EventNames.Jdk.THREAD_PARK).get(0).getStackTrace());
    }

    private static boolean isOurDeopt(RecordedEvent e) {
        RecordedMethod m = e.getValue("method");
        return m != null && m.getType().getName().equals(DeoptTarget.class.getName());
    }

    /**
     * The user's way: {@code -XX:StartFlightRecording:settings=jfc/puredots.jfc} on a child JVM of
     * the running JDK, then {@code jfr summary}: our events appear under their puredots names.
     */
    @Test
    void startFlightRecordingWithThePlainFileRecordsPuredotsEvents() throws Exception {
        Path javaTool = Path.of(System.getProperty("java.home"), "bin", "java");
        Path jfrTool = Path.of(System.getProperty("java.home"), "bin", "jfr");
        Path out = dir.resolve("child.jfr");
        String cp = Path.of(EventNames.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                + java.io.File.pathSeparator
                + Path.of(SampleGame.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        int frames = 30;
        run(List.of(javaTool.toString(),
                "-XX:StartFlightRecording:settings=" + PLAIN.toAbsolutePath() + ",filename=" + out,
                "-Xlog:jfr+startup=warning", "-cp", cp, SampleGame.class.getName(), String.valueOf(frames)));
        String summary = run(List.of(jfrTool.toString(), "summary", out.toString()));
        Map<String, Long> counted = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*(puredots\\.\\w+)\\s+(\\d+)\\s+\\d+\\s*$").matcher(summary);
        while (m.find()) {
            counted.put(m.group(1), Long.parseLong(m.group(2)));
        }
        assertEquals(Long.valueOf(frames), counted.get(EventNames.FRAME), summary);
        assertEquals(Long.valueOf(frames * SampleGame.SYSTEMS), counted.get(EventNames.SYSTEM_TICK), summary);
        assertEquals(Long.valueOf((long) frames * SampleGame.JOBS * SampleGame.BATCHES), counted.get(EventNames.JOB_RUN), summary);
        assertEquals(Long.valueOf(1), counted.get(EventNames.BUDGET_VIOLATION), summary);
    }

    private String run(List<String> cmd) throws IOException, InterruptedException {
        Path log = dir.resolve("proc-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", cmd) + " did not finish in 120 s");
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed:\n" + text);
        return text;
    }
}
