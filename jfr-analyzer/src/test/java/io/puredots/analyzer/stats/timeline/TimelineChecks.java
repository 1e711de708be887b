package io.puredots.analyzer.stats.timeline;

import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.Selection;
import io.puredots.analyzer.model.timeline.FrameBucket;
import io.puredots.analyzer.model.timeline.FrameJobs;
import io.puredots.analyzer.model.timeline.GroupSeries;
import io.puredots.analyzer.model.timeline.MemorySeries;
import io.puredots.analyzer.model.timeline.Timeline;
import io.puredots.analyzer.model.timeline.WorkerSeries;
import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.read.ReadResult;
import io.puredots.analyzer.read.RecordingReader;
import io.puredots.analyzer.stats.ChunkStats;
import io.puredots.budgets.Budgets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timeline of a recording, read chunk by chunk as {@code report} reads it (one
 * {@link ChunkStats} partial per chunk, two chunks in flight, merged in chunk order), against the
 * plain computation of {@link TimelineReference} from the JDK's {@code RecordingFile}, bucket by
 * bucket, and against the report's own statistics. Subclasses name the recording and the number
 * of buckets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TimelineChecks {
    /**
     * Event times may differ by a few hundred ns from the JDK's: {@code RecordingFile} converts
     * a chunk's ticks with the time base (start ticks and nanos) of the chunk whose metadata it
     * last parsed, reusing it while the metadata is unchanged; this decoder and JMC's use each
     * chunk's own header, and the two bases drift apart by ~300 ns per chunk. Durations are equal.
     */
    static final double TIME_TOLERANCE_NANOS = 1000;
    static final Budgets BUDGETS = Budgets.defaults();
    Path file;
    TimelineSettings settings;
    Report report;
    Timeline timeline;
    TimelineReference ref;

    abstract Path recording() throws Exception;

    /** Most buckets per series. */
    abstract int maxBuckets();

    /** Every check holds with this many chunks in the recording, at least. */
    abstract int chunks();

    @BeforeAll
    void read() throws Exception {
        file = recording();
        settings = TimelineSettings.from(BUDGETS).withMaxBuckets(maxBuckets());
        report = read(file, settings, Selection.ALL, 2);
        timeline = report.timeline();
        ref = new TimelineReference(file, maxBuckets(), BUDGETS.frameNanos().orElse(0), Long.MIN_VALUE);
    }

    /** The report of {@code file} with a timeline, {@code parallelism} chunks at a time. */
    static Report read(Path file, TimelineSettings settings, Selection selection, int parallelism) throws Exception {
        ChunkStats total = ChunkStats.runTotal(BUDGETS, selection, 0, null, new TimelineAggregator(settings));
        ReadResult<ChunkStats> r = RecordingReader.read(List.of(file), total.partials(),
                ReadOptions.defaults().withParallelism(parallelism).withSequentialBytes(0), total::merge);
        assertTrue(r.skippedChunks().isEmpty());
        return total.toReport(List.of(file.toString()));
    }

    @Test
    void readsTheChunksOfTheRecording() {
        assertTrue(report.overview().chunks() >= chunks(), "chunks: " + report.overview().chunks());
        assertNotNull(timeline);
        assertEquals(report.overview().startNanos(), timeline.originNanos());
        assertEquals(maxBuckets(), timeline.maxBuckets());
    }

    @Test
    void frameBucketsMatchTheReference() {
        List<FrameBucket> expected = ref.frameBuckets(timeline.originNanos());
        assertEquals(expected.size(), timeline.frames().size());
        for (int i = 0; i < expected.size(); i++) {
            FrameBucket e = expected.get(i);
            FrameBucket a = timeline.frames().get(i);
            String at = "bucket " + i + ": " + a;
            assertEquals(e.firstTick(), a.firstTick(), at);
            assertEquals(e.lastTick(), a.lastTick(), at);
            assertEquals(e.frames(), a.frames(), at);
            assertEquals(e.minNanos(), a.minNanos(), at);
            assertEquals(e.maxNanos(), a.maxNanos(), at);
            assertEquals(e.maxTick(), a.maxTick(), at);
            assertEquals(e.meanNanos(), a.meanNanos(), 0.0, at);
            assertEquals(e.overBudget(), a.overBudget(), at);
            assertEquals(e.startOffsetNanos(), a.startOffsetNanos(), TIME_TOLERANCE_NANOS, at);
            assertEquals(e.endOffsetNanos(), a.endOffsetNanos(), TIME_TOLERANCE_NANOS, at);
        }
        assertTrue(timeline.frames().size() <= maxBuckets(), timeline.frames().size() + " buckets");
        assertEquals(report.frames().count(), timeline.frames().stream().mapToLong(FrameBucket::frames).sum());
        assertEquals(report.frames().overBudget(), timeline.frames().stream().mapToLong(FrameBucket::overBudget).sum());
    }

    @Test
    void spikesAreNeverAveragedAway() {
        long min = timeline.frames().stream().mapToLong(FrameBucket::minNanos).min().orElseThrow();
        long max = timeline.frames().stream().mapToLong(FrameBucket::maxNanos).max().orElseThrow();
        assertEquals(report.frames().timeNanos().min(), min);
        assertEquals(report.frames().timeNanos().max(), max);
    }

    @Test
    void groupMeansMatchTheReference() {
        List<GroupSeries> expected = ref.groups();
        assertFalse(expected.isEmpty());
        assertEquals(expected, timeline.groups());
        for (GroupSeries g : timeline.groups()) {
            assertEquals(timeline.frames().size(), g.meanNanos().size(), g.group());
        }
    }

    @Test
    void workerUtilizationMatchesTheReference() {
        List<WorkerSeries> expected = ref.workers();
        assertFalse(expected.isEmpty());
        assertEquals(expected.size(), timeline.workers().size());
        for (int i = 0; i < expected.size(); i++) {
            WorkerSeries e = expected.get(i);
            WorkerSeries a = timeline.workers().get(i);
            assertEquals(e.thread(), a.thread());
            assertEquals(e.utilization().size(), a.utilization().size(), a.thread());
            for (int b = 0; b < e.utilization().size(); b++) {
                // a bucket's span comes from frame times, which may differ slightly (see TIME_TOLERANCE_NANOS)
                FrameBucket f = timeline.frames().get(b);
                double span = f.endOffsetNanos() - f.startOffsetNanos();
                assertEquals(e.utilization().get(b), a.utilization().get(b),
                        e.utilization().get(b) * 2 * TIME_TOLERANCE_NANOS / span + 1e-12, a.thread() + " bucket " + b);
            }
        }
        assertTrue(timeline.workers().stream().anyMatch(w -> w.utilization().stream().anyMatch(u -> u > 0)));
    }

    @Test
    void memoryPointsMatchTheReference() {
        List<MemorySeries> expected = ref.memory(timeline.originNanos());
        assertEquals(expected.stream().map(MemorySeries::id).toList(),
                timeline.memory().stream().map(MemorySeries::id).toList());
        for (int i = 0; i < expected.size(); i++) {
            List<MemorySeries.Point> e = expected.get(i).points();
            List<MemorySeries.Point> a = timeline.memory().get(i).points();
            String id = expected.get(i).id();
            assertEquals(e.size(), a.size(), id);
            for (int p = 0; p < e.size(); p++) {
                assertEquals(e.get(p).offsetNanos(), a.get(p).offsetNanos(), TIME_TOLERANCE_NANOS, id + " " + p);
                assertEquals(e.get(p).min(), a.get(p).min(), id + " " + p);
                assertEquals(e.get(p).max(), a.get(p).max(), id + " " + p);
                assertEquals(e.get(p).last(), a.get(p).last(), id + " " + p);
            }
        }
        assertFalse(timeline.memory().isEmpty());
        timeline.memory().forEach(m -> assertTrue(m.points().size() <= maxBuckets(), m.id()));
    }

    @Test
    void slowFramesKeepEveryJobOfTheirTick() {
        List<FrameJobs> expected = ref.slowFrameJobs(settings.slowFrames(), timeline.originNanos());
        assertEquals(expected.size(), timeline.slowFrameJobs().size());
        for (int i = 0; i < expected.size(); i++) {
            FrameJobs e = expected.get(i);
            FrameJobs a = timeline.slowFrameJobs().get(i);
            assertEquals(e.tick(), a.tick());
            assertEquals(e.durationNanos(), a.durationNanos());
            assertEquals(e.startOffsetNanos(), a.startOffsetNanos(), TIME_TOLERANCE_NANOS);
            assertEquals(0, a.jobsDropped());
            assertEquals(e.jobs().size(), a.jobs().size(), "tick " + a.tick());
            for (int j = 0; j < e.jobs().size(); j++) {
                FrameJobs.JobSlice x = e.jobs().get(j);
                FrameJobs.JobSlice y = a.jobs().get(j);
                assertEquals(List.of(x.thread(), x.job(), x.batchIndex(), x.durationNanos()),
                        List.of(y.thread(), y.job(), y.batchIndex(), y.durationNanos()), "tick " + a.tick());
                assertEquals(x.startOffsetNanos(), y.startOffsetNanos(), TIME_TOLERANCE_NANOS, "tick " + a.tick());
            }
        }
        assertEquals(Math.min(settings.slowFrames(), report.frames().count()), timeline.slowFrameJobs().size());
        assertTrue(timeline.slowFrameJobs().stream().anyMatch(f -> !f.jobs().isEmpty()));
        // the same frames the report explains as its worst
        assertEquals(report.slowFrames().worstFrames().stream().map(f -> f.tick()).toList(),
                timeline.slowFrameJobs().stream().map(FrameJobs::tick).toList());
    }

    @Test
    void chunkByChunkEqualsOneChunkAtATime() throws Exception {
        assertEquals(timeline, read(file, settings, Selection.ALL, 1).timeline());
    }
}
