package io.puredots.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puredots.budgets.Budgets;
import io.puredots.events.EventNames;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordingExporterTest {
    static final int FRAMES = 20;

    @TempDir
    static Path dir;
    static Path recording;
    static List<RecordedEvent> reference;

    @BeforeAll
    static void record() throws Exception {
        recording = TestRecordings.record(dir.resolve("small.jfr"), FRAMES);
        reference = RecordingFile.readAllEvents(recording);
    }

    static byte[] export(PointFormat format, Resolution resolution) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PointWriter w = format.open(bytes, true)) {
            RecordingExporter.export(recording, resolution, Budgets.defaults(), w);
        }
        return bytes.toByteArray();
    }

    static List<JsonNode> jsonl(Resolution r) throws IOException {
        ObjectMapper om = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : new String(export(PointFormat.JSONL, r), StandardCharsets.UTF_8).lines().toList()) {
            out.add(om.readTree(line));
        }
        return out;
    }

    static List<JsonNode> select(List<JsonNode> points, String metric, String level) {
        return points.stream().filter(n -> n.get("metric").asText().equals(metric)
                && (level == null || level.equals(n.get("tags").path("level").asText()))).collect(Collectors.toList());
    }

    static List<String> referenceKeys(String eventName, String field) {
        return reference.stream().filter(e -> e.getEventType().getName().equals(eventName))
                .map(e -> EventMapper.nanos(e.getStartTime()) + "|" + e.getString(field) + "|"
                        + e.getDuration().toNanos() / 1e6)
                .sorted().collect(Collectors.toList());
    }

    @Test
    void rawGroupFrameTimesMatchTheRecordingOneToOne() throws IOException {
        List<JsonNode> groups = select(jsonl(Resolution.RAW), "frame_time", "group");
        List<String> got = groups.stream().map(n -> n.get("timestamp").asLong() + "|" + n.get("tags").get("group").asText()
                + "|" + n.get("value").asDouble()).sorted().collect(Collectors.toList());
        assertEquals(FRAMES * TestRecordings.GROUPS.length, got.size());
        assertEquals(referenceKeys(EventNames.SYSTEM_GROUP_TICK, "group"), got);
    }

    @Test
    void rawCoversEveryMetricOfTheSmallRecording() throws IOException {
        List<JsonNode> points = jsonl(Resolution.RAW);
        assertEquals(FRAMES, select(points, "frame_time", "frame").size());
        assertEquals(FRAMES * 2, select(points, "frame_time", "system").size());
        assertEquals(FRAMES * 3, select(points, "job_run_time", null).size());
        assertEquals(FRAMES * 3, select(points, "job_queue_wait", null).size());
        assertEquals(FRAMES, select(points, "registry_entry_count", null).size());
        assertEquals(FRAMES, select(points, "registry_update_time", null).size());
        assertEquals(FRAMES, select(points, "spatial_grid_rebuild_time", null).size());
        assertEquals(FRAMES, select(points, "native_memory_reserved", null).size());
        JsonNode job = select(points, "job_run_time", null).get(0);
        assertEquals("worker-1", job.get("tags").get("worker").asText());
        assertEquals("MoveJob", job.get("tags").get("job").asText());
        List<Long> counts = select(points, "entity_count", null).stream().map(n -> n.get("value").asLong())
                .sorted().collect(Collectors.toList());
        assertEquals(1000L, counts.get(0));
        assertEquals(1000L + FRAMES - 1, counts.get(FRAMES - 1));
        assertEquals(6L, select(points, "registry_changes", null).get(0).get("value").asLong());
        JsonNode v = select(points, "budget_violation", null).get(0);
        assertEquals(1.5, v.get("value").asDouble());
        assertEquals(1.0, v.get("fields").get("limit").asDouble());
        assertEquals("CRITICAL", v.get("tags").get("severity").asText());
        List<JsonNode> budgets = select(points, "budget_frame_time", "group");
        assertTrue(budgets.stream().anyMatch(n -> n.get("tags").get("group").asText().equals("SpatialSystemGroup")
                && n.get("value").asDouble() == 1.0), budgets.toString());
        assertEquals(100.0 * 1024 * 1024, select(points, "budget_native_memory", null).get(0).get("value").asDouble());
    }

    @Test
    void reExportingYieldsIdenticalBytes() throws IOException {
        assertArrayEquals(export(PointFormat.INFLUX, Resolution.RAW), export(PointFormat.INFLUX, Resolution.RAW));
        assertArrayEquals(export(PointFormat.INFLUX, Resolution.SECONDS_1), export(PointFormat.INFLUX, Resolution.SECONDS_1));
    }

    @Test
    void frameResolutionWritesOneWindowPerTickAndWorkerUtilization() throws IOException {
        List<JsonNode> points = jsonl(Resolution.FRAME);
        List<JsonNode> groups = select(points, "frame_time", "group");
        assertEquals(FRAMES * 2, groups.size());
        assertTrue(groups.stream().allMatch(n -> n.get("fields").get("count").asLong() == 1));
        List<JsonNode> jobs = select(points, "job_run_time", null);
        assertEquals(FRAMES, jobs.size());
        assertTrue(jobs.stream().allMatch(n -> n.get("fields").get("count").asLong() == 3));
        List<JsonNode> util = select(points, "worker_utilization", null);
        assertEquals(FRAMES, util.size());
        assertTrue(util.stream().allMatch(n -> n.get("value").asDouble() > 0 && n.get("value").asDouble() <= 100), util.toString());
        // frame windows are stamped with the frame's start
        List<Long> frameStarts = reference.stream().filter(e -> e.getEventType().getName().equals(EventNames.FRAME))
                .map(e -> EventMapper.nanos(e.getStartTime())).sorted().collect(Collectors.toList());
        assertEquals(frameStarts, select(points, "frame_time", "frame").stream().map(n -> n.get("timestamp").asLong())
                .sorted().collect(Collectors.toList()));
        assertEquals(FRAMES, select(points, "registry_update_frequency", null).size());
    }

    @Test
    void secondWindowsKeepEveryEventCounted() throws IOException {
        List<JsonNode> points = jsonl(Resolution.SECONDS_1);
        long groupEvents = select(points, "frame_time", "group").stream().mapToLong(n -> n.get("fields").get("count").asLong()).sum();
        assertEquals(FRAMES * 2, groupEvents);
        long jobs = select(points, "job_run_time", null).stream().mapToLong(n -> n.get("fields").get("count").asLong()).sum();
        assertEquals(FRAMES * 3, jobs);
        assertTrue(points.stream().filter(n -> n.get("metric").asText().equals("frame_time"))
                .allMatch(n -> n.get("timestamp").asLong() % 1_000_000_000L == 0));
    }

    @Test
    void missingFileIsAClearError() {
        Path missing = dir.resolve("nope.jfr");
        ExportException e = assertThrows(ExportException.class,
                () -> RecordingExporter.export(missing, Resolution.RAW, null, PointFormat.JSONL.open(new ByteArrayOutputStream(), true)));
        assertEquals("cannot read '" + missing + "': no such file", e.getMessage());
    }

    @Test
    void notARecordingIsAClearError() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.jfr"), "hello, not a recording");
        ExportException e = assertThrows(ExportException.class,
                () -> RecordingExporter.export(bad, Resolution.RAW, null, PointFormat.JSONL.open(new ByteArrayOutputStream(), true)));
        assertTrue(e.getMessage().startsWith("cannot read '" + bad + "': "), e.getMessage());
    }
}
