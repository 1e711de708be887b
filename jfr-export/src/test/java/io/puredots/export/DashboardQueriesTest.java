package io.puredots.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puredots.budgets.Budgets;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every InfluxQL query of the Grafana dashboard (dashboards/puredots-telemetry.json) against
 * a real influxd holding what the exporter wrote (1 s windows, as the stream writes by default),
 * with Grafana's macros filled in, and asserts that every query returns data.
 */
class DashboardQueriesTest {
    static final Path DASHBOARDS = Path.of("..", "dashboards");

    @TempDir
    static Path dir;
    static InfluxdServer influxd;
    static long from;
    static long to;

    @BeforeAll
    static void start() throws Exception {
        Path rec = TestRecordings.record(dir.resolve("rec.jfr"), 40);
        from = Long.MAX_VALUE;
        to = Long.MIN_VALUE;
        for (var e : RecordingFile.readAllEvents(rec)) {
            from = Math.min(from, EventMapper.nanos(e.getStartTime()));
            to = Math.max(to, EventMapper.nanos(e.getEndTime()));
        }
        Files.createDirectories(dir.resolve("influxd"));
        influxd = new InfluxdServer(dir.resolve("influxd")).start();
        influxd.createDatabase("puredots");
        InfluxHttpSink.Options o = new InfluxHttpSink.Options();
        o.spillDir = dir.resolve("spill");
        InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(influxd.uri(), "puredots", null), o);
        try (sink) {
            RecordingExporter.export(rec, Resolution.SECONDS_1, Budgets.defaults(), sink);
        }
        assertEquals(0, sink.stats().dropped);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (influxd != null) {
            influxd.stop();
        }
    }

    @Test
    void everyPanelQueryReturnsData() throws Exception {
        JsonNode dash = new ObjectMapper().readTree(DASHBOARDS.resolve("puredots-telemetry.json").toFile());
        List<String> empty = new ArrayList<>();
        int queries = 0;
        for (JsonNode panel : dash.get("panels")) {
            assertTrue(panel.get("targets").size() > 0, panel.get("title").asText());
            for (JsonNode target : panel.get("targets")) {
                String q = target.get("query").asText()
                        .replace("$timeFilter", "time >= " + (from - 2_000_000_000L) + " AND time <= " + (to + 2_000_000_000L))
                        .replace("$__interval", "1s");
                JsonNode series = influxd.query("puredots", q).path("results").path(0).path("series");
                boolean hasValue = false;
                for (JsonNode s : series) {
                    for (JsonNode row : s.get("values")) {
                        hasValue |= !row.get(1).isNull();
                    }
                }
                if (!hasValue) {
                    empty.add(panel.get("title").asText() + " / " + target.get("refId").asText() + ": " + q);
                }
                queries++;
            }
        }
        assertEquals(List.of(), empty, "queries without data");
        assertTrue(queries >= 9, "queries: " + queries);
    }

    @Test
    void panelsUseTheProvisionedDatasource() throws Exception {
        JsonNode dash = new ObjectMapper().readTree(DASHBOARDS.resolve("puredots-telemetry.json").toFile());
        String provisioning = Files.readString(DASHBOARDS.resolve("provisioning/datasources/puredots-influxdb.yaml"));
        assertTrue(provisioning.contains("uid: puredots-influxdb") && provisioning.contains("type: influxdb"));
        for (JsonNode panel : dash.get("panels")) {
            assertEquals("puredots-influxdb", panel.get("datasource").get("uid").asText());
            for (JsonNode target : panel.get("targets")) {
                assertEquals("puredots-influxdb", target.get("datasource").get("uid").asText());
            }
        }
        assertTrue(Files.readString(DASHBOARDS.resolve("provisioning/dashboards/puredots.yaml")).contains("type: file"));
    }
}
