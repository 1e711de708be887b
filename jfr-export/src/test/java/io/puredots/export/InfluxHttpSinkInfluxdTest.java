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
        assertTrue(stats.retried > 0);
        assertTrue(warnings.get(0).contains("unreachable"), warnings.toString());
        assertEquals(60, influxd.count("down", "SELECT count(\"value\") FROM \"frame_time\" WHERE \"level\"='group'"));
        assertEquals(90, influxd.count("down", "SELECT count(\"value\") FROM \"job_queue_wait\""));
    }

    @Test
    void missingDatabaseIsFatalWithAClearMessage() throws Exception {
        List<String> warnings = new ArrayList<>();
        InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(influxd.uri(), "nosuchdb", null), fast(warnings));
        sink.write(Point.raw(Metric.ENTITY_COUNT, 1_700_000_000_000_000_000L, Point.tags("archetype", "A"), 1));
        sink.close();
        assertEquals(1, sink.stats().requests);
        assertEquals(1, sink.stats().dropped);
        assertTrue(sink.fatalError().startsWith("influxdb has no database 'nosuchdb' (404); create it first: database not found"),
                sink.fatalError());
    }
}
