package io.puredots.analyzer.pipeline;

import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.timeline.FrameBucket;
import io.puredots.analyzer.model.timeline.FrameJobs;
import io.puredots.analyzer.model.timeline.Timeline;
import io.puredots.analyzer.output.ReportWriter;
import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.stats.Window;
import io.puredots.analyzer.stats.timeline.TimelineSettings;
import io.puredots.budgets.Budgets;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ReportRequest#timeline()}: the chart series only when asked for, from the same selection. */
class ReportPipelineTimelineTest {
    static final Path TWO_CHUNKS = ReportPipelineTest.FIXTURE;
    static final Path SIM_SMALL = Path.of("../recordings/fixtures/sim-small.jfr");

    private static ReportRequest request(Path file) {
        return ReportRequest.of(List.of(file), Budgets.defaults()).withJmc(JmcOptions.OFF);
    }

    private static String write(String format, Report r) throws Exception {
        StringWriter w = new StringWriter();
        ReportWriter.forFormat(format).write(r, w);
        return w.toString();
    }

    @Test
    void noTimelineUnlessAskedFor() throws Exception {
        assertNull(ReportPipeline.run(request(TWO_CHUNKS)).timeline());
        assertFalse(request(TWO_CHUNKS).timeline());
    }

    @Test
    void theTimelineLeavesEveryOtherOutputAsItWas() throws Exception {
        for (Path file : List.of(TWO_CHUNKS, SIM_SMALL)) {
            Report without = ReportPipeline.run(request(file));
            Report with = ReportPipeline.run(request(file).withTimeline(true));
            assertNotNull(with.timeline());
            for (String format : List.of("text", "json", "markdown")) {
                assertEquals(write(format, without), write(format, with), file + " as " + format);
            }
        }
    }

    @Test
    void theTimelineCoversTheSelectedFramesOnly() throws Exception {
        Report r = ReportPipeline.run(request(TWO_CHUNKS).withWindow(new Window(null, null, 10, false))
                .withTimeline(true));
        Timeline t = r.timeline();
        assertEquals(TimelineSettings.DEFAULT_MAX_BUCKETS, t.maxBuckets());
        assertEquals(110, r.frames().count());
        assertEquals(r.frames().count(), t.frames().stream().mapToLong(FrameBucket::frames).sum());
        assertEquals(10, t.frames().get(0).firstTick());
        assertEquals(r.frames().timeNanos().max(), t.frames().stream().mapToLong(FrameBucket::maxNanos).max()
                .orElseThrow());
        assertEquals(r.frames().timeNanos().min(), t.frames().stream().mapToLong(FrameBucket::minNanos).min()
                .orElseThrow());
        assertEquals(r.slowFrames().worstFrames().stream().map(f -> f.tick()).toList(),
                t.slowFrameJobs().stream().map(FrameJobs::tick).toList());
        assertTrue(t.slowFrameJobs().stream().allMatch(f -> f.tick() >= 10));
        assertEquals(r.overview().startNanos(), t.originNanos());
    }

    @Test
    void oneChunkAtATimeGivesTheSameTimelineAsTwo() throws Exception {
        ReadOptions o = ReadOptions.defaults().withSequentialBytes(0);
        Timeline one = ReportPipeline.run(request(TWO_CHUNKS).withReadOptions(o.withParallelism(1))
                .withTimeline(true)).timeline();
        Timeline two = ReportPipeline.run(request(TWO_CHUNKS).withReadOptions(o.withParallelism(2))
                .withTimeline(true)).timeline();
        assertEquals(one, two);
        assertFalse(one.groups().isEmpty());
        assertFalse(one.workers().isEmpty());
        assertFalse(one.memory().isEmpty());
    }
}
