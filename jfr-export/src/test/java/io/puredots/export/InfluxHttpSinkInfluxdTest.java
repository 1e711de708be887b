package io.puredots.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.puredots.budgets.Budgets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP sink against a real InfluxDB 1.x (influxd), started and stopped by the test. */
class InfluxHttpSinkInfluxdTest {
    @TempDir
    static Path dir;
    static InfluxdServer influxd;
    static Path recording;

    @BeforeAll
    static void start() throws Exception {
        recording = TestRecordings.record(dir.resolve("rec.jfr"), 30);
        java.nio.file.Files.createDirectories(dir.resolve("influxd"));
        influxd = new InfluxdServer(dir.resolve("influxd")).start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (influxd != null) {
            influxd.stop();
        }
    }

    static InfluxHttpSink.Options fast(List<String> warnings) {
        InfluxHttpSink.Options o = new InfluxHttpSink.Options();
        o.backoffBase = Duration.ofMillis(20);
        o.backoffCap = Duration.ofMillis(200);
        o.giveUpAfter = Duration.ofSeconds(60);
        o.spillDir = dir.resolve("spill");
        o.warnings = warnings::add;
        return o;
    }

    static List<String> lines(Resolution r) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PointWriter w = PointFormat.INFLUX.open(bytes, true)) {
            RecordingExporter.export(recording, r, Budgets.defaults(), w);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    static DeliveryStats exportTo(String db, Resolution r, InfluxHttpSink.Options o) throws IOException {
        InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(influxd.uri(), db, null), o);
        try (sink) {
            RecordingExporter.export(recording, r, Budgets.defaults(), sink);
        }
        return sink.stats();
    }

    @Test
    void storesEveryPointAndQueriesBackExactCountsAndValues() throws Exception {
        influxd.createDatabase("exact");
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        List<String> expected = lines(Resolution.RAW);
        DeliveryStats stats = exportTo("exact", Resolution.RAW, fast(warnings));
        assertEquals(expected.size(), stats.written, stats.toString());
        assertEquals(0, stats.dropped);
        assertEquals(0, stats.retried);
        assertAccounted(stats, expected.size());
        assertEquals(List.of(), warnings);
        assertEquals(60, influxd.count("exact", "SELECT count(\"value\") FROM \"frame_time\" WHERE \"level\"='group'"));
        assertEquals(90, influxd.count("exact", "SELECT count(\"value\") FROM \"job_run_time\""));
        assertEquals(30, influxd.count("exact", "SELECT count(\"value\") FROM \"entity_count\""));
        // values: the SpatialSystemGroup line with the earliest timestamp, as written to the file
        String first = expected.stream().filter(l -> l.startsWith("frame_time,group=SpatialSystemGroup,level=group "))
                .min((a, b) -> Long.compare(ts(a), ts(b))).orElseThrow();
        JsonNode row = influxd.query("exact", "SELECT \"value\" FROM \"frame_time\" WHERE \"group\"='SpatialSystemGroup' "
                + "AND \"level\"='group' ORDER BY time ASC LIMIT 1").path("results").path(0).path("series").path(0).path("values").path(0);
        assertEquals(ts(first), row.path(0).asLong());
        assertEquals(Double.parseDouble(first.split(" ")[1].substring("value=".length())), row.path(1).asDouble());
        assertEquals(1029, influxd.count("exact", "SELECT max(\"value\") FROM \"entity_count\""));
    }

    @Test
    void influxdReadsTheFloatsTheWriterFormats() throws Exception {
        influxd.createDatabase("floats");
        double[] values = {1.0E-4, 1.2345678E7, 15.2, 3, 0.000123456789};
        InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(influxd.uri(), "floats", null), fast(new ArrayList<>()));
        for (int i = 0; i < values.length; i++) {
            sink.write(Point.rawDouble(Metric.WORKER_UTILIZATION, 1_700_000_000_000_000_000L + i, Point.tags("worker", "w"), values[i]));
        }
        sink.close();
        assertEquals(values.length, sink.stats().written);
        JsonNode rows = influxd.query("floats", "SELECT \"value\" FROM \"worker_utilization\" ORDER BY time ASC")
                .path("results").path(0).path("series").path(0).path("values");
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], rows.path(i).path(1).asDouble());
        }
    }

    static long ts(String line) {
        return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
    }

    @Test
    void reExportingCreatesNoDuplicates() throws Exception {
        influxd.createDatabase("twice");
        List<String> warnings = new ArrayList<>();
        exportTo("twice", Resolution.SECONDS_1, fast(warnings));
        long once = influxd.count("twice", "SELECT count(\"count\") FROM \"frame_time\"");
        long sumOnce = influxd.count("twice", "SELECT sum(\"count\") FROM \"frame_time\" WHERE \"level\"='group'");
        exportTo("twice", Resolution.SECONDS_1, fast(warnings));
        assertTrue(once > 0);
        assertEquals(once, influxd.count("twice", "SELECT count(\"count\") FROM \"frame_time\""));
        assertEquals(60, sumOnce);
        assertEquals(sumOnce, influxd.count("twice", "SELECT sum(\"count\") FROM \"frame_time\" WHERE \"level\"='group'"));
    }

    @Test
    void sendsBatchesOfTheConfiguredSize() throws Exception {
        influxd.createDatabase("batches");
        InfluxHttpSink.Options o = fast(new ArrayList<>());
        o.batchLines = 50;
        int n = lines(Resolution.RAW).size();
        DeliveryStats stats = exportTo("batches", Resolution.RAW, o);
        assertEquals((n + 49) / 50, stats.requests);
        assertEquals(n, stats.written);
        long frameLines = lines(Resolution.RAW).stream().filter(l -> l.startsWith("frame_time,")).count();
        assertEquals(frameLines, influxd.count("batches", "SELECT count(\"value\") FROM \"frame_time\""));
    }

    @Test
    void serverDownDuringExportSpillsAndDeliversLaterWithNothingLost() throws Exception {
        influxd.createDatabase("down");
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        InfluxHttpSink.Options o = fast(warnings);
        o.batchLines = 20;
        o.maxBatchesInMemory = 2;
        List<String> expected = lines(Resolution.RAW);
        influxd.stop();
        InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(influxd.uri(), "down", null), o);
        try {
            RecordingExporter.export(recording, Resolution.RAW, Budgets.defaults(), sink);
            sink.flush();
            // nothing can be delivered: all but the batch in hand and two in memory went to the spill file
            assertEquals(0, sink.stats().written);
            assertTrue(sink.stats().spilledBatches >= (expected.size() / 20) - 3, sink.stats().toString());
        } finally {
            influxd.start();
        }
        sink.close();
        DeliveryStats stats = sink.stats();
        assertEquals(expected.size(), stats.written, stats.toString());
        assertEquals(0, stats.dropped, "points lost");
        assertAccounted(stats, expected.size());
        assertTrue(stats.retried > 0);
        assertTrue(warnings.get(0).contains("unreachable"), warnings.toString());
        assertEquals(60, influxd.count("down", "SELECT count(\"value\") FROM \"frame_time\" WHERE \"level\"='group'"));
        assertEquals(90, influxd.count("down", "SELECT count(\"value\") FROM \"job_queue_wait\""));
    }

    /** Every point handed to the sink is written, refused or dropped: exactly one of them. */
    static void assertAccounted(DeliveryStats s, long handed) {
        assertEquals(handed, s.points, s.toString());
        assertEquals(handed, s.written + s.refused + s.dropped, s.toString());
    }

    @Test
    void tagValueEndingInBackslashIsStoredWithItReplacedAndCounted() throws Exception {
        influxd.createDatabase("backslash");
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(influxd.uri(), "backslash", null), fast(warnings));
        for (int i = 0; i < 10; i++) {
            String group = i % 2 == 0 ? "Spatial\\" : "Spatial";
            sink.write(Point.raw(Metric.FRAME_TIME, 1_700_000_000_000_000_000L + i, Point.tags("level", "group", "group", group), 1_000_000));
        }
        sink.close();
        DeliveryStats s = sink.stats();
        assertEquals(10, s.written, s.toString());
        assertEquals(5, s.renamed, s.toString());
        assertAccounted(s, 10);
        assertTrue(sink.allDelivered());
        assertEquals(10, influxd.count("backslash", "SELECT count(\"value\") FROM \"frame_time\""));
        assertEquals(5, influxd.count("backslash", "SELECT count(\"value\") FROM \"frame_time\" WHERE \"group\"='Spatial?'"));
        assertEquals(List.of("line protocol cannot carry the value of tag 'group' 'Spatial\\' of series"
                + " frame_time{group=\"Spatial\\\",level=\"group\"}: written as 'Spatial?' in this and later points"), warnings);
    }

    @Test
    void partialWriteOfARealInfluxdCountsTheRefusedPoints() throws Exception {
        influxd.createDatabase("conflict");
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        InfluxHttpSink.Options o = fast(warnings);
        o.batchLines = 10;
        InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(influxd.uri(), "conflict", null), o);
        long t0 = 1_700_000_000_000_000_000L;
        for (int i = 0; i < 10; i++) { // first batch: value is an integer field
            sink.write(Point.raw(Metric.ENTITY_COUNT, t0 + i, Point.tags("archetype", "A"), i));
        }
        for (int i = 0; i < 10; i++) { // second batch: 3 floats into the integer field, 7 good points
            sink.write(i < 3 ? Point.rawDouble(Metric.ENTITY_COUNT, t0 + 100 + i, Point.tags("archetype", "A"), 0.5)
                    : Point.raw(Metric.ENTITY_COUNT, t0 + 100 + i, Point.tags("archetype", "A"), i));
        }
        sink.close();
        DeliveryStats s = sink.stats();
        assertEquals(3, s.refused, s.toString());
        assertEquals(17, s.written, s.toString());
        assertAccounted(s, 20);
        assertFalse(sink.allDelivered());
        assertEquals(s.written, influxd.count("conflict", "SELECT count(\"value\") FROM \"entity_count\""));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("influxdb stored part of a batch (400 partial write): 3 of 10 points refused,"
                + " the rest stored; not re-sent: field type conflict"), warnings.get(0));
    }

    @Test
    void realInfluxdAnswerToUnparsableLinesIsCountedLineByLine() throws Exception {
        influxd.createDatabase("unparsable");
        String body = String.join("\n",
                "m,t=a value=1 1",
                "m,t=b\\ value=2 2", // the old writer's trailing backslash: escapes the space
                "m,t=c value=3 3",
                "m,t=d value= 4",
                "m,t=e value=5 5");
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(influxd.uri().resolve("/write?db=unparsable&precision=ns"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode(), r.body());
        WriteRefusal w = WriteRefusal.of(r.statusCode(), r.body(), 5);
        assertEquals(influxd.count("unparsable", "SELECT count(\"value\") FROM \"m\""), 5 - w.refused, r.body());
        assertEquals(2, w.refused, r.body());
        assertTrue(w.reason.startsWith("unable to parse 'm,t=b\\ value=2 2': "), w.reason);
    }

    @Test
    void missingDatabaseIsFatalWithAClearMessage() throws Exception {
        List<String> warnings = new ArrayList<>();
        InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(influxd.uri(), "nosuchdb", null), fast(warnings));
        sink.write(Point.raw(Metric.ENTITY_COUNT, 1_700_000_000_000_000_000L, Point.tags("archetype", "A"), 1));
        sink.close();
        assertEquals(1, sink.stats().requests);
        assertEquals(1, sink.stats().refused);
        assertAccounted(sink.stats(), 1);
        assertTrue(sink.fatalError().startsWith("influxdb has no database 'nosuchdb' (404); create it first: database not found"),
                sink.fatalError());
    }
}
