package io.puredots.export;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults a real influxd cannot be made to produce on demand, from a small HTTP server on
 * loopback: 503 with Retry-After, 400 partial write, a slow server, 401/413. Each test reports
 * what was lost.
 */
class InfluxHttpSinkFaultTest {
    static final String TOKEN = "s3cr3t-T0KEN-value";

    @TempDir
    Path dir;
    HttpServer server;
    final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    final List<String> auth = Collections.synchronizedList(new ArrayList<>());
    final List<Long> sleeps = Collections.synchronizedList(new ArrayList<>());
    final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    interface Responder {
        void respond(HttpExchange ex, int request) throws IOException;
    }

    URI serve(Responder r) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", ex -> {
            String body;
            try (InputStream in = new GZIPInputStream(ex.getRequestBody())) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int n;
            synchronized (bodies) {
                bodies.add(body);
                n = bodies.size();
            }
            auth.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")) + " " + ex.getRequestURI());
            r.respond(ex, n);
            ex.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            ex.getResponseBody().write(b);
        }
    }

    InfluxHttpSink.Options options() {
        InfluxHttpSink.Options o = new InfluxHttpSink.Options();
        o.spillDir = dir;
        o.sleeper = sleeps::add; // record the delays instead of waiting them
        o.random = new Random(1);
        o.warnings = warnings::add;
        o.giveUpAfter = Duration.ofSeconds(30);
        return o;
    }

    /** Every point handed to the sink is written, refused or dropped: exactly one of them. */
    static void assertAccounted(DeliveryStats s, long handed) {
        assertEquals(handed, s.points, s.toString());
        assertEquals(handed, s.written + s.refused + s.dropped, s.toString());
    }

    static void writePoints(PointWriter w, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            w.write(Point.raw(Metric.ENTITY_COUNT, 1_700_000_000_000_000_000L + i, Point.tags("archetype", "A"), i));
        }
    }

    @Test
    void retriesA503HonouringRetryAfterAndLosesNothing() throws Exception {
        URI uri = serve((ex, n) -> {
            if (n <= 2) {
                ex.getResponseHeaders().add("Retry-After", "3");
                answer(ex, 503, "{\"error\":\"busy\"}");
            } else {
                answer(ex, 204, "");
            }
        });
        InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(uri, "db", null), options());
        writePoints(sink, 10);
        sink.close();
        DeliveryStats s = sink.stats();
        assertEquals(10, s.written);
        assertEquals(20, s.retried);
        assertEquals(0, s.dropped, "points lost");
        assertEquals(3, s.requests);
        assertEquals(List.of(3000L, 3000L), sleeps);
        assertAccounted(s, 10);
        assertTrue(sink.allDelivered());
        assertEquals(bodies.get(0), bodies.get(2), "the retry re-sends the identical points");
        assertTrue(warnings.get(0).startsWith("database 'db' unreachable (HTTP 503: busy); retrying"), warnings.toString());
    }

    @Test
    void backoffGrowsExponentiallyWithJitterWithoutRetryAfter() throws Exception {
        URI uri = serve((ex, n) -> answer(ex, n <= 5 ? 500 : 204, ""));
        InfluxHttpSink.Options o = options();
        o.backoffBase = Duration.ofMillis(100);
        o.backoffCap = Duration.ofMillis(1000);
        InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(uri, "db", null), o);
        writePoints(sink, 3);
        sink.close();
        assertEquals(5, sleeps.size());
        long[] ceilings = {100, 200, 400, 800, 1000};
        for (int i = 0; i < 5; i++) {
            assertTrue(sleeps.get(i) >= 0 && sleeps.get(i) <= ceilings[i], sleeps.toString());
        }
        assertFalse(sleeps.stream().distinct().count() == 1, "jitter: " + sleeps);
        assertEquals(3, sink.stats().written);
        assertAccounted(sink.stats(), 3);
    }

    @Test
    void partialWriteIsNotResent() throws Exception {
        URI uri = serve((ex, n) -> answer(ex, 400, "{\"error\":\"partial write: field type conflict: input field \\\"value\\\" "
                + "on measurement \\\"entity_count\\\" is type float, already exists as type integer dropped=4\"}"));
        InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(uri, "db", null), options());
        writePoints(sink, 10);
        sink.close();
        DeliveryStats s = sink.stats();
        assertEquals(1, s.requests, "never re-sent");
        assertEquals(6, s.written);
        assertEquals(4, s.refused);
        assertEquals(0, s.dropped);
        assertEquals(0, s.retried);
        assertAccounted(s, 10);
        assertFalse(sink.allDelivered());
        assertEquals(List.of("influxdb stored part of a batch (400 partial write): 4 of 10 points refused, the rest stored;"
                + " not re-sent: field type conflict: input field \"value\" on measurement \"entity_count\" is type float,"
                + " already exists as type integer (later refusals are only counted)"), warnings);
    }

    @Test
    void partialWriteOfLinesInfluxdCouldNotParseCountsEachOfThemRefused() throws Exception {
        // InfluxDB 1.x reports lines it cannot parse one per "unable to parse", and dropped=0
        URI uri = serve((ex, n) -> answer(ex, 400, "{\"error\":\"partial write: unable to parse 'frame_time,group=a\\\\ value=1 5':"
                + " missing fields\\nunable to parse 'frame_time,group=b\\\\ value=2 6': missing fields dropped=0\"}\n"));
        InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(uri, "db", null), options());
        writePoints(sink, 10);
        sink.close();
        DeliveryStats s = sink.stats();
        assertEquals(2, s.refused, s.toString());
        assertEquals(8, s.written, s.toString());
        assertAccounted(s, 10);
        assertEquals(List.of("influxdb stored part of a batch (400 partial write): 2 of 10 points refused, the rest stored;"
                + " not re-sent: unable to parse 'frame_time,group=a\\ value=1 5': missing fields;"
                + " unable to parse 'frame_time,group=b\\ value=2 6': missing fields (later refusals are only counted)"), warnings);
    }

    @Test
    void refusalWithoutACountCountsTheWholeBatchAndSaysSo() throws Exception {
        URI uri = serve((ex, n) -> answer(ex, 422, "{\"code\":\"unprocessable entity\",\"message\":\"failure writing points to database: partial write: points beyond retention policy\"}"));
        InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v2(uri, "o", "b", "a-token"), options());
        writePoints(sink, 10);
        sink.close();
        DeliveryStats s = sink.stats();
        assertEquals(10, s.refused);
        assertEquals(0, s.written);
        assertAccounted(s, 10);
        assertEquals(List.of("influxdb refused part of a batch of 10 points (422) without saying how many; all 10 counted as"
                + " refused, some may be stored; not re-sent: failure writing points to database: partial write: points beyond"
                + " retention policy (later refusals are only counted)"), warnings);
    }

    @Test
    void theServersReasonIsShownOnceAndEveryRefusalCounted() throws Exception {
        URI uri = serve((ex, n) -> answer(ex, 400, "{\"error\":\"unable to parse 'x': bad timestamp\"}"));
        InfluxHttpSink.Options o = options();
        o.batchLines = 4;
        InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(uri, "db", null), o);
        writePoints(sink, 10);
        sink.close();
        DeliveryStats s = sink.stats();
        assertEquals(3, s.requests);
        assertEquals(10, s.refused);
        assertAccounted(s, 10);
        assertEquals(List.of("influxdb refused a batch of 4 points (400); not re-sent: unable to parse 'x': bad timestamp"
                + " (later refusals are only counted)"), warnings);
    }

    @Test
    void errorBodyOfTwoKilobytesIsCountedNotFatalToTheSender() throws Exception {
        // a JSON error of 2 KB of escaped quotes: the error-body regex overflowed the stack on such bodies
        String error = "\\\"x".repeat(700);
        URI uri = serve((ex, n) -> {
            if (n == 1) {
                answer(ex, 503, "{\"error\":\"" + error + "\"}");
            } else if (n == 2) {
                answer(ex, 400, "{\"error\":\"" + error + "\"}");
            } else {
                answer(ex, 204, "");
            }
        });
        InfluxHttpSink.Options o = options();
        o.batchLines = 5;
        InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(uri, "db", null), o);
        writePoints(sink, 10);
        sink.close();
        DeliveryStats s = sink.stats();
        assertEquals(5, s.refused, s.toString());
        assertEquals(5, s.written, s.toString());
        assertAccounted(s, 10);
        String shown = warnings.get(1);
        assertTrue(shown.startsWith("influxdb refused a batch of 5 points (400); not re-sent: \"x\"x"), shown);
        assertTrue(shown.length() < 400, "the reason is shortened: " + shown.length());
    }

    @Test
    void aBatchTheSenderFailsOnIsCountedAsDroppedAndTheNextIsSent() throws Exception {
        URI uri = serve((ex, n) -> answer(ex, n == 1 ? 503 : 204, ""));
        InfluxHttpSink.Options o = options();
        o.batchLines = 5;
        o.sleeper = millis -> {
            throw new IllegalStateException("sleeper broke");
        };
        InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(uri, "db", null), o);
        writePoints(sink, 10);
        sink.close();
        DeliveryStats s = sink.stats();
        assertEquals(5, s.dropped, s.toString());
        assertEquals(5, s.written, s.toString());
        assertAccounted(s, 10);
        assertTrue(warnings.contains("internal error while sending a batch of 5 points to database 'db', counted as dropped:"
                + " java.lang.IllegalStateException: sleeper broke"), warnings.toString());
    }

    @Test
    void slowServerTimesOutAndTheRetryDelivers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        URI uri = serve((ex, n) -> {
            if (n == 1) {
                try {
                    release.await(30, TimeUnit.SECONDS); // slow: answers only after the client gave up on it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer(ex, 204, "");
            } else {
                release.countDown();
                answer(ex, 204, "");
            }
        });
        InfluxHttpSink.Options o = options();
        o.requestTimeout = Duration.ofMillis(1000);
        InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(uri, "db", null), o);
        writePoints(sink, 7);
        sink.close();
        DeliveryStats s = sink.stats();
        assertEquals(7, s.written);
        assertTrue(s.retried >= 7 && s.retried % 7 == 0, s.toString());
        assertEquals(0, s.dropped, "points lost");
        assertEquals(bodies.get(0), bodies.get(1), "identical points: a write the slow server did apply is overwritten, not duplicated");
        assertTrue(warnings.get(0).contains("HttpTimeoutException"), warnings.toString());
        assertAccounted(s, 7);
    }

    @Test
    void unauthorizedIsFatalAndTheTokenNeverAppears() throws Exception {
        URI uri = serve((ex, n) -> answer(ex, 401, "{\"message\":\"token " + TOKEN + " is not valid\"}"));
        InfluxTarget target = InfluxTarget.v2(uri, "my-org", "my-bucket", TOKEN);
        InfluxHttpSink sink = new InfluxHttpSink(target, options());
        writePoints(sink, 5);
        sink.close();
        assertEquals(1, sink.stats().requests, "401 is not retried");
        assertEquals(5, sink.stats().refused);
        assertAccounted(sink.stats(), 5);
        assertEquals("Token " + TOKEN + " /api/v2/write?org=my-org&bucket=my-bucket&precision=ns", auth.get(0));
        String fatal = sink.fatalError();
        assertEquals("influxdb refused the credentials (401): check the token in INFLUX_TOKEN or --token-file: "
                + "token *** is not valid", fatal);
        for (String text : List.of(fatal, String.join("\n", warnings), target.toString(), sink.stats().toString())) {
            assertFalse(text.contains(TOKEN), text);
        }
        ExportException after = org.junit.jupiter.api.Assertions.assertThrows(ExportException.class,
                () -> sink.write(Point.raw(Metric.ENTITY_COUNT, 1, new String[0], 1)));
        assertFalse(after.getMessage().contains(TOKEN));
    }

    @Test
    void tooLargeIsNotRetried() throws Exception {
        URI uri = serve((ex, n) -> answer(ex, 413, "{\"error\":\"Request Entity Too Large\"}"));
        InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(uri, "db", null), options());
        writePoints(sink, 5);
        sink.close();
        assertEquals(1, sink.stats().requests);
        assertEquals(5, sink.stats().refused);
        assertAccounted(sink.stats(), 5);
        assertTrue(sink.fatalError().startsWith("influxdb refused a batch of 5 points, "), sink.fatalError());
        assertTrue(sink.fatalError().endsWith(" bytes gzip, as too large (413); use a smaller batch size"), sink.fatalError());
    }

    @Test
    void boundedSpillDropsAndCountsWhenFull() throws Exception {
        URI uri = serve((ex, n) -> answer(ex, 503, ""));
        InfluxHttpSink.Options o = options();
        o.batchLines = 10;
        o.maxBatchesInMemory = 1;
        o.maxSpillBytes = 200;
        o.giveUpAfter = Duration.ofMillis(300);
        InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(uri, "db", null), o);
        writePoints(sink, 200);
        sink.close();
        DeliveryStats s = sink.stats();
        assertEquals(0, s.written);
        assertEquals(200, s.dropped, "every point is accounted for as dropped once we gave up");
        assertTrue(s.maxSpillBytes <= 200, s.toString());
        assertAccounted(s, 200);
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("spill file full (200 bytes)")), warnings.toString());
    }

    @Test
    void tokenComesFromFileOrEnvironment() throws Exception {
        Path f = java.nio.file.Files.writeString(dir.resolve("token"), "  file-token \n");
        assertEquals("file-token", InfluxTarget.readToken(f, "env-token"));
        assertEquals("env-token", InfluxTarget.readToken(null, "env-token"));
        assertEquals(null, InfluxTarget.readToken(null, null));
        ExportException e = org.junit.jupiter.api.Assertions.assertThrows(ExportException.class,
                () -> InfluxTarget.v1(URI.create("http://user:" + TOKEN + "@127.0.0.1:1"), "db", null));
        assertFalse(e.getMessage().contains(TOKEN));
    }
}
