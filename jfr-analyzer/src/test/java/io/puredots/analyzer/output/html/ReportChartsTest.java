package io.puredots.analyzer.output.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.puredots.analyzer.model.attribution.StreakAttribution;
import io.puredots.analyzer.model.timeline.FrameBucket;
import io.puredots.analyzer.model.timeline.FrameJobs;
import io.puredots.analyzer.model.timeline.GroupSeries;
import io.puredots.analyzer.model.timeline.Timeline;
import io.puredots.analyzer.model.timeline.WorkerSeries;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportChartsTest {
    private static final long MS = 1_000_000;

    /** Three buckets of 10 ticks: 0-9 calm, 10-19 with a 40 ms spike, 20-29 calm. */
    private static Timeline timeline() {
        List<FrameBucket> frames = List.of(
                new FrameBucket(0, 9, 10, 0, 100 * MS, 8 * MS, 12 * MS, 10 * MS, 3, 0),
                new FrameBucket(10, 19, 10, 100 * MS, 230 * MS, 9 * MS, 40 * MS, 13 * MS, 14, 2),
                new FrameBucket(20, 29, 10, 230 * MS, 330 * MS, 8 * MS, 11 * MS, 10 * MS, 22, 0));
        List<FrameJobs> jobs = List.of(
                new FrameJobs(14, 150 * MS, 40 * MS, List.of(new FrameJobs.JobSlice("w1", "Move", 0, 0, 2 * MS),
                        new FrameJobs.JobSlice("w0", "Move", 1, MS / 2, 3 * MS),
                        new FrameJobs.JobSlice("w1", "Needs", 0, 3 * MS, MS)), 5),
                new FrameJobs(22, 250 * MS, 11 * MS, List.of(), 0));
        return new Timeline(0, 2000, frames, List.of(new GroupSeries("G", List.of(1.5e6, 2e6, 1e6),
                List.of(2 * MS, 3 * MS, MS))), List.of(new WorkerSeries("w0", List.of(0.25, 0.5, 1.0))), List.of(), jobs);
    }

    private static JsonNode series(ObjectNode spec, String label) {
        for (JsonNode s : spec.get("series")) {
            if (s.get("label").asText().equals(label)) {
                return s;
            }
        }
        throw new AssertionError("no series " + label + " in " + spec);
    }

    private static List<String> values(JsonNode s) {
        List<String> v = new ArrayList<>();
        s.get("values").forEach(x -> v.add(x.isNull() ? "null" : x.asText()));
        return v;
    }

    @Test
    void frameTimeKeepsEachBucketsSpikeAndMarksBudgetAndStreaks() {
        StreakAttribution streak = new StreakAttribution(12, 18, 7, 0, 0, 0, 14, 40 * MS, List.of(), null, null, null);
        ObjectNode spec = ReportCharts.frameTime(timeline(), 16 * MS, List.of(streak));
        assertEquals("[0,10,20]", spec.get("x").toString());
        assertEquals(List.of("12.0", "40.0", "11.0"), values(series(spec, "max")));
        assertEquals(List.of("8.0", "9.0", "8.0"), values(series(spec, "min")));
        assertEquals(List.of("10.0", "13.0", "10.0"), values(series(spec, "mean")));
        assertEquals(List.of("16.0", "16.0", "16.0"), values(series(spec, "budget")));
        assertEquals(List.of("null", "16.0", "null"), values(series(spec, "over-budget streak")));
        assertEquals(List.of("null", "40.0", "null"), values(series(spec, "frames over budget")));
        assertEquals("[[0,1]]", spec.get("bands").toString(), "max..min band");
        assertEquals(ReportCharts.FRAMES_SYNC, spec.get("sync").asText());
    }

    @Test
    void withoutABudgetThereIsNoBudgetLineOrMarks() {
        ObjectNode spec = ReportCharts.frameTime(timeline(), null, List.of());
        assertEquals(3, spec.get("series").size());
    }

    @Test
    void groupsAreStackedAndWorkersInPercent() {
        ObjectNode groups = ReportCharts.groupSplit(timeline());
        assertTrue(groups.get("stacked").asBoolean());
        assertEquals(List.of("1.5", "2.0", "1.0"), values(series(groups, "G")));
        assertEquals(List.of("25.0", "50.0", "100.0"), values(series(ReportCharts.workerUtilization(timeline()), "w0")));
    }

    @Test
    void ganttHasALanePerThreadAndOnlyFramesWithJobs() {
        ObjectNode spec = ReportCharts.jobs(timeline());
        assertEquals("[\"w0\",\"w1\"]", spec.get("lanes").toString());
        assertEquals(1, spec.get("frames").size());
        JsonNode f = spec.get("frames").get(0);
        assertEquals("14", f.get("key").asText());
        assertEquals("tick 14 (40.000 ms, 3 job runs, 5 more not kept)", f.get("label").asText());
        assertEquals("[\"Move\",\"Needs\"]", f.get("names").toString());
        assertEquals("[[1,0.0,2.0,0],[0,0.5,3.0,0],[1,3.0,1.0,1]]", f.get("slices").toString());
    }

    @Test
    void focusShowsTheFramesWithBucketsEitherSide() {
        assertArrayEquals(new double[] {14 - 50, 14 + 50}, ReportCharts.focusRange(timeline(), 14, 14));
        assertArrayEquals(new double[] {12 - 50, 18 + 50}, ReportCharts.focusRange(timeline(), 12, 18));
    }
}
