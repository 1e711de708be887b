package io.puredots.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.puredots.events.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live in-process export to a real InfluxDB 1.x (influxd) that is stopped and started again while
 * the game runs: how soon delivery resumes, what a game that ends right after the server returns
 * still delivers, and whether the end-of-run counts equal the points influxd stored.
 */
class TelemetryExporterInfluxdTest {
    /** Failed attempts before the server comes back: enough for the old backoff to reach many seconds. */
    private static final int FAILED_ATTEMPTS = 7;

    @TempDir
    static Path dir;
    static InfluxdServer influxd;
    final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(dir.resolve("influxd"));
        influxd = new InfluxdServer(dir.resolve("influxd")).start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (influxd != null) {
            influxd.stop();
        }
    }

    private TelemetryExporter.Config config(String db, CountDownLatch accepted) {
        TelemetryExporter.Config c = new TelemetryExporter.Config();
        c.endpoint = Endpoint.parse("http://127.0.0.1:" + influxd.port + "?db=" + db, null);
        c.resolution = Resolution.RAW;
        c.interval = Duration.ofMillis(100);
        c.sinkOptions.spillDir = dir.resolve("spill-" + db);
        c.sinkOptions.random = new Random(3); // the same jitter every run
        c.warnings = w -> {
            warnings.add(w);
            if (w.contains("accepted the batch after")) {
                accepted.countDown();
            }
        };
        return c;
    }

    /** Points influxd stored in {@code db}: every point has a {@code value} field. */
    static long stored(String db) throws Exception {
        long n = 0;
        for (JsonNode series : influxd.query(db, "SELECT count(\"value\") FROM /.*/").path("results").path(0).path("series")) {
            n += series.path("values").path(0).path(1).asLong();
        }
        return n;
    }

    @Test
    void deliveryResumesWithinAboutASecondOfTheServerComingBack() throws Exception {
        influxd.createDatabase("resume");
        CountDownLatch accepted = new CountDownLatch(1);
        TelemetryExporter.Config c = config("resume", accepted);
        c.sinkOptions.giveUpAfter = Duration.ofSeconds(60);
        influxd.stop();
        TelemetryExporter exporter = TelemetryExporter.start(c);
        long resumeMillis;
        try {
            TestRecordings.emitFrames(0, 20);
            assertTrue(Await.until(Duration.ofSeconds(120), () -> exporter.stats().requests >= FAILED_ATTEMPTS),
                    "attempts while influxd is down: " + exporter.stats());
        } finally {
            influxd.start();
        }
        long back = System.nanoTime();
        assertTrue(accepted.await(60, TimeUnit.SECONDS), "delivered after influxd came back: " + warnings);
        resumeMillis = (System.nanoTime() - back) / 1_000_000;
        exporter.close();
        DeliveryStats s = exporter.stats();
        assertTrue(resumeMillis < 2_500, "delivery resumed " + resumeMillis + " ms after influxd was back; " + s);
        assertTrue(exporter.everyPointDelivered(), exporter.summary());
        assertEquals(exporter.pointsWritten(), s.written, s.toString());
        assertEquals(s.written, stored("resume"), "points counted equal points stored");
    }

    @Test
    void aGameEndingRightAfterTheServerReturnsDeliversItsSpillFile() throws Exception {
        influxd.createDatabase("late");
        TelemetryExporter.Config c = config("late", new CountDownLatch(1));
        c.sinkOptions.batchLines = 50;
        c.sinkOptions.maxBatchesInMemory = 2;
        c.sinkOptions.giveUpAfter = Duration.ofSeconds(5);
        influxd.stop();
        TelemetryExporter exporter = TelemetryExporter.start(c);
        try {
            TestRecordings.emitFrames(0, 40);
            assertTrue(Await.until(Duration.ofSeconds(120), () -> exporter.stats().requests >= FAILED_ATTEMPTS),
                    "attempts while influxd is down: " + exporter.stats());
        } finally {
            influxd.start();
        }
        long closing = System.nanoTime();
        exporter.close(); // the game ends: a retry pause in progress must not outlast the give-up time
        long closeMillis = (System.nanoTime() - closing) / 1_000_000;
        DeliveryStats s = exporter.stats();
        assertTrue(s.spilledBatches > 0, "batches went to the spill file: " + s);
        assertTrue(exporter.everyPointDelivered(), exporter.summary() + " " + warnings);
        assertEquals(exporter.pointsWritten(), s.written, s.toString());
        assertEquals(s.written, stored("late"), "points counted equal points stored");
        assertTrue(closeMillis < 5_000, "close took " + closeMillis + " ms");
    }

    @Test
    void aServerStillDownAtTheEndIsReportedExactly() throws Exception {
        influxd.createDatabase("gone");
        TelemetryExporter.Config c = config("gone", new CountDownLatch(1));
        c.sinkOptions.giveUpAfter = Duration.ofSeconds(1);
        influxd.stop();
        TelemetryExporter exporter;
        try {
            exporter = TelemetryExporter.start(c);
            TestRecordings.emitFrames(0, 10);
            exporter.close();
        } finally {
            influxd.start();
        }
        DeliveryStats s = exporter.stats();
        assertFalse(exporter.everyPointDelivered());
        assertEquals(0, s.written);
        assertTrue(exporter.pointsWritten() > 0);
        assertEquals(exporter.pointsWritten(), exporter.undelivered());
        assertTrue(exporter.summary().endsWith("; " + exporter.pointsWritten() + " not delivered"), exporter.summary());
        assertEquals(0, stored("gone"));
    }

    @Test
    void aMissingDatabaseFoundOnlyWhileClosingIsNotDelivered() throws Exception {
        TelemetryExporter.Config c = config("nosuchdb", new CountDownLatch(1));
        c.interval = Duration.ofHours(1); // nothing is sent before close
        TelemetryExporter exporter = TelemetryExporter.start(c);
        TestRecordings.emitFrames(0, 5);
        exporter.close();
        assertEquals(1, exporter.stats().requests, "the first and only request was made while closing");
        assertFalse(exporter.everyPointDelivered(), exporter.summary());
        assertEquals(exporter.pointsWritten(), exporter.undelivered());
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("influxdb has no database 'nosuchdb' (404)")), warnings.toString());
    }
}
