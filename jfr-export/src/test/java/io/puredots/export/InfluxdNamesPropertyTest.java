package io.puredots.export;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Arbitrary Unicode system, group and thread names, written as line protocol by the HTTP sink
 * into a real influxd and read back with InfluxQL: a name comes back exactly as it was, or, when
 * line protocol cannot carry it, exactly as {@link LineProtocol} documents the replacement; the
 * point is stored either way and counted as renamed.
 */
class InfluxdNamesPropertyTest {
    private static final String DB = "names";
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final AtomicLong TRY = new AtomicLong();
    private static Path dir;
    private static InfluxdServer influxd;

    @BeforeContainer
    static void start() throws Exception {
        dir = Files.createTempDirectory("names-property");
        Files.createDirectories(dir.resolve("influxd"));
        influxd = new InfluxdServer(dir.resolve("influxd")).start();
        influxd.createDatabase(DB);
    }

    @AfterContainer
    static void stop() throws Exception {
        if (influxd != null) {
            influxd.stop();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Names with line protocol's special characters, controls, surrogates and any code point, often. */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<Integer> special = Arbitraries.of((int) '\\', (int) ',', (int) ' ', (int) '=', (int) '"', (int) '\'',
                (int) '#', (int) '\n', (int) '\r', (int) '\t', 0, 0x7f, 0x85, 0xa0, 0x200b, 0x2028, 0xfeff, 0xfffd, 0xffff,
                0xd83d, 0xde00, 0x1f600);
        Arbitrary<Integer> ascii = Arbitraries.integers().between(0x20, 0x7e);
        Arbitrary<Integer> any = Arbitraries.integers().between(0, Character.MAX_CODE_POINT);
        return Arbitraries.frequencyOf(Tuple.of(3, special), Tuple.of(4, ascii), Tuple.of(3, any))
                .list().ofMaxSize(12)
                .map(cps -> {
                    StringBuilder sb = new StringBuilder();
                    cps.forEach(sb::appendCodePoint);
                    return sb.toString();
                });
    }

    @Property(tries = 60)
    void namesComeBackAsWrittenOrAsDocumentedReplacements(@ForAll("names") String system, @ForAll("names") String group,
                                                          @ForAll("names") String thread) throws Exception {
        long t = T0 + TRY.incrementAndGet();
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        InfluxHttpSink.Options o = new InfluxHttpSink.Options();
        o.spillDir = dir.resolve("spill");
        o.backoffBase = Duration.ofMillis(20);
        o.giveUpAfter = Duration.ofSeconds(30);
        o.warnings = warnings::add;
        InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(influxd.uri(), DB, null), o);
        sink.write(Point.raw(Metric.FRAME_TIME, t, Point.tags("level", "system", "group", group, "system", system), 1_000_000));
        sink.write(Point.raw(Metric.JOB_RUN_TIME, t, Point.tags("job", "J", "worker", thread), 2_000_000));
        sink.close();

        boolean frameRenamed = !same(system) || !same(group);
        boolean jobRenamed = !same(thread);
        Statistics.label("names replaced").collect(frameRenamed || jobRenamed);
        Statistics.label("names replaced").coverage(c -> {
            c.check(true).percentage(p -> p >= 10);
            c.check(false).percentage(p -> p >= 10);
        });
        DeliveryStats s = sink.stats();
        assertEquals(2, s.written, s + " " + warnings);
        assertEquals(2, s.written + s.refused + s.dropped, s.toString());
        assertEquals((frameRenamed ? 1 : 0) + (jobRenamed ? 1 : 0), s.renamed, s + " " + warnings);
        assertEquals(s.renamed, warnings.size(), warnings.toString());

        JsonNode frame = row("SELECT \"value\", \"group\", \"system\" FROM \"frame_time\" WHERE time = " + t);
        assertEquals(stored(group), text(frame.path(2)), "group " + visible(group));
        assertEquals(stored(system), text(frame.path(3)), "system " + visible(system));
        JsonNode job = row("SELECT \"value\", \"worker\" FROM \"job_run_time\" WHERE time = " + t);
        assertEquals(stored(thread), text(job.path(2)), "thread " + visible(thread));
    }

    private static JsonNode row(String q) throws IOException, InterruptedException {
        JsonNode values = influxd.query(DB, q).path("results").path(0).path("series").path(0).path("values");
        assertEquals(1, values.size(), q + ": " + values);
        return values.path(0);
    }

    private static String text(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    private static boolean same(String name) {
        return name.isEmpty() || name.equals(stored(name));
    }

    /**
     * The documented rule, restated by code point: the name InfluxDB stores, or null for an empty
     * name (no tag). Line feeds, carriage returns, lone surrogates, and a backslash at the end or
     * before a backslash, comma, space or '=' become '?'.
     */
    static String stored(String name) {
        if (name.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < name.length()) {
            int cp = name.codePointAt(i);
            int next = i + Character.charCount(cp);
            boolean loneSurrogate = cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE;
            boolean lineEnd = cp == '\n' || cp == '\r';
            boolean badBackslash = cp == '\\' && (next == name.length() || "\\, =".indexOf(name.charAt(next)) >= 0);
            if (loneSurrogate || lineEnd || badBackslash) {
                sb.append('?');
            } else {
                sb.appendCodePoint(cp);
            }
            i = next;
        }
        return sb.toString();
    }

    private static String visible(String s) {
        StringBuilder sb = new StringBuilder("'");
        s.chars().forEach(c -> sb.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return sb.append('\'').toString();
    }
}
