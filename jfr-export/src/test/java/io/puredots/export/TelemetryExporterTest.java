package io.puredots.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.puredots.events.EventNames;
import io.puredots.events.testing.GameEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TelemetryExporterTest {
    @TempDir
    Path dir;

    static List<JsonNode> read(Path file) throws Exception {
        ObjectMapper om = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            out.add(om.readTree(line));
        }
        return out;
    }

    @Test
    void inProcessExportWritesEveryFrameCommittedBeforeClose() throws Exception {
        Path out = dir.resolve("live.jsonl");
        TelemetryExporter.Config c = new TelemetryExporter.Config();
        c.endpoint = Endpoint.parse(out.toString(), null);
        c.resolution = Resolution.FRAME;
        c.interval = Duration.ofMillis(100);
        CountDownLatch firstBatch = new CountDownLatch(20);
        CountDownLatch separator = new CountDownLatch(1);
        c.afterEvent = e -> {
            if (e.getEventType().getName().equals(EventNames.FRAME)) {
                firstBatch.countDown();
            } else if (e.getEventType().getName().equals(EventNames.ENTITY_COUNT)
                    && "flush-separator".equals(e.getString("archetype"))) {
                separator.countDown();
            }
        };
        TelemetryExporter exporter = TelemetryExporter.start(c);
        TestRecordings.emitFrames(1_000_000, 20);
        // the second batch goes into a stream flush at least two after the first batch's (the
        // separator, committed once the first batch came through, arrives in a later flush than it):
        // the names the second batch uses were pooled in an earlier flush
        assertTrue(firstBatch.await(60, TimeUnit.SECONDS), "the first 20 frames came through the stream");
        GameEvents.entityCount("flush-separator", 0);
        assertTrue(separator.await(60, TimeUnit.SECONDS), "the separator came through the stream");
        TestRecordings.emitFrames(1_000_020, 20);
        exporter.close(); // no waiting here: close itself waits for its marker to come through the stream
        assertNull(exporter.failure());
        List<JsonNode> points = read(out);
        long frames = points.stream().filter(n -> n.get("metric").asText().equals("frame_time")
                && n.get("tags").get("level").asText().equals("frame")).count();
        List<JsonNode> groupPoints = points.stream().filter(n -> n.get("metric").asText().equals("frame_time")
                && n.get("tags").get("level").asText().equals("group")).collect(java.util.stream.Collectors.toList());
        long groups = groupPoints.size();
        // every name arrives: the last flush (the one close() waits for) used to lose pooled
        // names, because the marker's event type was first registered there (see start())
        long unnamed = groupPoints.stream().filter(n -> !n.get("tags").has("group")).count();
        assertEquals(0, exporter.unresolvedNames());
        assertEquals(0, unnamed);
        long namedEvents = groupPoints.stream().mapToLong(n -> n.get("fields").get("count").asLong()).sum();
        assertEquals(0, exporter.lateSamples());
        assertEquals(40, frames);
        assertEquals(80, namedEvents, "every group tick arrives, with its name");
        assertEquals(80, groups, "two named groups per frame");
        assertTrue(points.stream().anyMatch(n -> n.get("metric").asText().equals("worker_utilization")));
    }

    @Test
    void aBatchLostWithTheSinksSenderIsNotDelivered() throws Exception {
        // an error body this long overflowed the stack of the sink's error parser, which killed its
        // sender with the batch in flight: counted neither written nor dropped
        String body = "{\"error\":\"" + "\\\"x".repeat(4000) + "\"}";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(400, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        try {
            TelemetryExporter.Config c = new TelemetryExporter.Config();
            c.endpoint = Endpoint.parse("http://127.0.0.1:" + server.getAddress().getPort() + "?db=x", null);
            c.resolution = Resolution.RAW;
            c.interval = Duration.ofHours(1); // one batch, sent while closing
            c.sinkOptions.spillDir = dir;
            c.sinkOptions.giveUpAfter = Duration.ofSeconds(5);
            TelemetryExporter exporter = TelemetryExporter.start(c);
            TestRecordings.emitFrames(0, 3);
            exporter.close();
            assertTrue(exporter.pointsWritten() > 0);
            assertEquals(exporter.pointsWritten(), exporter.undelivered(), exporter.summary());
            assertFalse(exporter.everyPointDelivered(), exporter.summary());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void disabledStartsNothing() throws Exception {
        TelemetryExporter.Config c = new TelemetryExporter.Config();
        c.enabled = false;
        c.endpoint = Endpoint.parse(dir.resolve("x.jsonl").toString(), null);
        assertNull(TelemetryExporter.start(c));
        assertTrue(Files.notExists(dir.resolve("x.jsonl")));
    }

    @Test
    void endpointsParseAndRefuseToOverwrite() throws Exception {
        assertEquals("InfluxDB 1.x http://127.0.0.1:8086 database 'game'",
                Endpoint.parse("http://127.0.0.1:8086?db=game", null).toString());
        assertEquals("InfluxDB 2.x http://h:8086 bucket 'b' of org 'o' (with token)",
                Endpoint.parse("http://h:8086?org=o&bucket=b", "tok").toString());
        Path existing = Files.writeString(dir.resolve("keep.jsonl"), "precious");
        ExportException e = assertThrows(ExportException.class,
                () -> Endpoint.parse(existing.toString(), null).open(new InfluxHttpSink.Options(), new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
        assertEquals("'" + existing + "' exists; not overwriting it", e.getMessage());
        assertEquals("precious", Files.readString(existing));
        assertThrows(ExportException.class, () -> Endpoint.parse("metrics.txt", null));
        assertThrows(ExportException.class, () -> Endpoint.parse("http://h:8086", null));
    }

    @Test
    void attachedExportEndsWhenTheGameExitsAndWritesWhatItSent() throws Exception {
        Process game = startFakeGame();
        try {
            Path out = dir.resolve("until-exit.jsonl");
            TelemetryExporter.Config c = rawTo(out);
            CountDownLatch seen = framesSeen(c, 20);
            TelemetryExporter exporter = TelemetryExporter.attach(game.pid(), c);
            assertTrue(seen.await(120, TimeUnit.SECONDS), "20 frames streamed from pid " + game.pid());
            assertFalse(exporter.awaitTermination(Duration.ZERO), "the export runs while the game does");
            game.getOutputStream().close(); // the game exits
            assertTrue(game.waitFor(60, TimeUnit.SECONDS), "the game exited");
            assertTrue(exporter.awaitTermination(Duration.ofSeconds(60)), "the export ended after the game exited");
            assertTrue(exporter.sourceExited());
            exporter.close();
            assertNull(exporter.failure());
            assertTrue(exporter.everyPointDelivered(), exporter.summary());
            long frames = read(out).stream().filter(n -> n.get("metric").asText().equals("frame_time")
                    && n.get("tags").get("level").asText().equals("frame")).count();
            assertTrue(frames >= 20, "frames written: " + frames);
            assertEquals(read(out).size(), exporter.pointsWritten());
        } finally {
            game.destroy();
            game.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void attachesToAnotherJvmByPidWithNoCodeInTheGame() throws Exception {
        Process game = startFakeGame();
        try {
            Path out = dir.resolve("remote.jsonl");
            TelemetryExporter.Config c = rawTo(out);
            CountDownLatch seen = framesSeen(c, 50);
            TelemetryExporter exporter = TelemetryExporter.attach(game.pid(), c);
            assertTrue(seen.await(120, TimeUnit.SECONDS), "50 frames streamed from pid " + game.pid());
            exporter.close();
            assertNull(exporter.failure());
            // every streamed frame has both of its groups (a frame's events arrive together)
            Map<Long, Integer> groupsPerFrameStart = new TreeMap<>();
            List<JsonNode> points = read(out);
            List<Long> frameStarts = new ArrayList<>();
            List<long[]> frameSpans = new ArrayList<>();
            for (JsonNode n : points) {
                if (n.get("metric").asText().equals("frame_time") && n.get("tags").get("level").asText().equals("frame")) {
                    long start = n.get("timestamp").asLong();
                    frameStarts.add(start);
                    frameSpans.add(new long[] {start, start + (long) (n.get("value").asDouble() * 1e6) + 1});
                }
            }
            assertTrue(frameStarts.size() >= 50, "frames: " + frameStarts.size());
            for (JsonNode n : points) {
                if (n.get("metric").asText().equals("frame_time") && n.get("tags").get("level").asText().equals("group")) {
                    long ts = n.get("timestamp").asLong();
                    for (long[] span : frameSpans) {
                        if (ts >= span[0] && ts <= span[1]) {
                            groupsPerFrameStart.merge(span[0], 1, Integer::sum);
                        }
                    }
                }
            }
            long complete = groupsPerFrameStart.values().stream().filter(v -> v == 2).count();
            assertTrue(complete >= frameStarts.size() - 2, complete + " of " + frameStarts.size() + " frames have both groups");
        } finally {
            game.getOutputStream().close();
            game.destroy();
            game.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** FakeGame in its own JVM, once it says it is ready. */
    private static Process startFakeGame() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process game = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), FakeGame.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(game.getInputStream(), StandardCharsets.UTF_8));
        String first = r.readLine();
        if (!"ready".equals(first)) {
            game.destroy();
        }
        assertEquals("ready", first);
        return game;
    }

    /** A raw-resolution export into the JSON Lines file {@code out}. */
    private static TelemetryExporter.Config rawTo(Path out) {
        TelemetryExporter.Config c = new TelemetryExporter.Config();
        c.endpoint = Endpoint.parse(out.toString(), null);
        c.resolution = Resolution.RAW;
        return c;
    }

    /** Counts down once per frame event the export maps, from {@code frames}. */
    private static CountDownLatch framesSeen(TelemetryExporter.Config c, int frames) {
        CountDownLatch seen = new CountDownLatch(frames);
        c.afterEvent = e -> {
            if (e.getEventType().getName().equals(EventNames.FRAME)) {
                seen.countDown();
            }
        };
        return seen;
    }
}
