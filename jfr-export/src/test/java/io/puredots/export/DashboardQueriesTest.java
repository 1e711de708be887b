package io.puredots.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puredots.budgets.Budgets;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every InfluxQL query of the Grafana dashboard (dashboards/puredots-telemetry.json) against
 * a real influxd holding what the exporter wrote, once per resolution the CLI writes ({@code raw},
 * export's default; {@code frame}; {@code 1s}, the stream's and the game's default; {@code 10s}),
 * each in its own database, with Grafana's macros filled in, and asserts that every query returns
 * data. The budgets written are budgets/default.budgets, so every group budget there must have a
 * line.
 */
class DashboardQueriesTest {
    static final Path DASHBOARDS = Path.of("..", "dashboards");
    static final Path DEFAULT_BUDGETS = Path.of("..", "budgets", "default.budgets");

    @TempDir
    static Path dir;
    static InfluxdServer influxd;
    static Budgets budgets;
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
        budgets = Budgets.read(DEFAULT_BUDGETS);
        Files.createDirectories(dir.resolve("influxd"));
        influxd = new InfluxdServer(dir.resolve("influxd")).start();
        for (Resolution r : Resolution.values()) {
            influxd.createDatabase(db(r));
            InfluxHttpSink.Options o = new InfluxHttpSink.Options();
            o.spillDir = dir;
            InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(influxd.uri(), db(r), null), o);
            try (sink) {
                RecordingExporter.export(rec, r, budgets, sink);
            }
            assertEquals(0, sink.stats().dropped, r.cliName());
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (influxd != null) {
            influxd.stop();
        }
    }

    static String db(Resolution r) {
        return "puredots_" + r.name().toLowerCase(Locale.ROOT);
    }

    static JsonNode dashboard() throws Exception {
        return new ObjectMapper().readTree(DASHBOARDS.resolve("puredots-telemetry.json").toFile());
    }

    /**
     * A panel query with Grafana's macros filled in as Grafana would for a 1 s interval, over the
     * recording's span widened to whole 10 s windows (a window is stamped with its start).
     */
    static String expand(String query) {
        long widest = Resolution.SECONDS_10.windowNanos();
        long start = Math.floorDiv(from, widest) * widest;
        return query.replace("$timeFilter", "time >= " + start + " AND time <= " + (to + 2_000_000_000L))
                .replace("$__interval_ms", "1000")
                .replace("$__interval", "1s");
    }

    static JsonNode series(Resolution r, String query) throws Exception {
        return influxd.query(db(r), expand(query)).path("results").path(0).path("series");
    }

    /** Whether any of the series has a non-null value. */
    static boolean hasValue(JsonNode seriesList) {
        for (JsonNode s : seriesList) {
            if (drawsSomething(s)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one series has a non-null value, so Grafana draws it. */
    static boolean drawsSomething(JsonNode series) {
        for (JsonNode row : series.path("values")) {
            if (!row.get(1).isNull()) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @EnumSource(Resolution.class)
    void everyPanelQueryReturnsData(Resolution resolution) throws Exception {
        List<String> empty = new ArrayList<>();
        int queries = 0;
        for (JsonNode panel : dashboard().get("panels")) {
            assertTrue(panel.get("targets").size() > 0, panel.get("title").asText());
            for (JsonNode target : panel.get("targets")) {
                JsonNode series = series(resolution, target.get("query").asText());
                if (!hasValue(series)) {
                    empty.add(panel.get("title").asText() + " / " + target.get("refId").asText());
                }
                // the two subqueries of a panel (windows, raw points) merge into one line per tag set
                Set<String> tagSets = new TreeSet<>();
                for (JsonNode s : series) {
                    assertTrue(tagSets.add(s.path("tags").toString()), "a line drawn twice: " + s.path("tags")
                            + " in " + panel.get("title").asText() + " / " + target.get("refId").asText());
                }
                queries++;
            }
        }
        assertEquals(List.of(), empty, "queries without data at resolution " + resolution.cliName());
        assertEquals(15, queries);
    }

    @ParameterizedTest
    @EnumSource(Resolution.class)
    void everyGroupBudgetHasALine(Resolution resolution) throws Exception {
        JsonNode budgetTarget = null;
        for (JsonNode panel : dashboard().get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                if (target.get("query").asText().contains("FROM \"budget_frame_time\" WHERE \"level\" = 'group'")) {
                    budgetTarget = target;
                }
            }
        }
        assertTrue(budgetTarget != null, "no panel draws the group budgets");
        Set<String> drawn = new TreeSet<>();
        for (JsonNode s : series(resolution, budgetTarget.get("query").asText())) {
            if (drawsSomething(s)) {
                drawn.add(s.path("tags").path("group").asText());
            }
        }
        assertEquals(new TreeSet<>(budgets.groupNanos().keySet()), drawn);
        assertTrue(drawn.size() >= 7, drawn.toString());
    }

    @Test
    void panelsUseTheProvisionedDatasource() throws Exception {
        JsonNode dash = dashboard();
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
