package io.puredots.analyzer.stats.timeline;

import io.puredots.analyzer.model.timeline.FrameJobs;
import io.puredots.analyzer.model.timeline.FrameJobs.JobSlice;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SlowFrameJobsTest {

    private static void run(SlowFrameJobs s, long tick, long start) {
        s.jobRun("w", "Job", (int) start, tick, start, 1);
    }

    private static List<Long> ticks(List<FrameJobs> f) {
        return f.stream().map(FrameJobs::tick).toList();
    }

    @Test
    void keepsRunsThatComeBeforeAndAfterTheirFrame() {
        SlowFrameJobs s = new SlowFrameJobs(2, 100, 100);
        run(s, 5, 510);
        s.frame(5, 500, 90);
        run(s, 5, 520);
        run(s, 6, 610);
        s.frame(6, 600, 80);
        s.frame(7, 700, 10);
        run(s, 7, 710); // frame 7 seen and not among the two slowest: dropped
        List<FrameJobs> f = s.frames(0);
        assertEquals(List.of(5L, 6L), ticks(f));
        assertEquals(List.of(new JobSlice("w", "Job", 510, 10, 1), new JobSlice("w", "Job", 520, 20, 1)),
                f.get(0).jobs());
        assertEquals(1, f.get(1).jobs().size());
        assertEquals(0, f.get(0).jobsDropped());
    }

    @Test
    void aFrameThatLeavesTheTopTakesItsRunsAlong() {
        SlowFrameJobs s = new SlowFrameJobs(1, 100, 100);
        s.frame(1, 100, 10);
        run(s, 1, 110);
        s.frame(2, 200, 20);
        run(s, 1, 120);
        run(s, 2, 210);
        List<FrameJobs> f = s.frames(0);
        assertEquals(List.of(2L), ticks(f));
        assertEquals(1, f.get(0).jobs().size());
    }

    @Test
    void tiesGoToTheLowerTick() {
        SlowFrameJobs s = new SlowFrameJobs(2, 100, 100);
        s.frame(9, 900, 50);
        s.frame(3, 300, 50);
        s.frame(4, 400, 50);
        assertEquals(List.of(3L, 4L), ticks(s.frames(0)));
    }

    @Test
    void countsTheRunsBeyondTheCapPerFrame() {
        SlowFrameJobs s = new SlowFrameJobs(1, 2, 100);
        run(s, 1, 101);
        run(s, 1, 102);
        run(s, 1, 103);
        s.frame(1, 100, 10);
        run(s, 1, 104);
        FrameJobs f = s.frames(0).get(0);
        assertEquals(2, f.jobs().size());
        assertEquals(2, f.jobsDropped());
    }

    @Test
    void pendingRunsBeyondTheLimitAreCountedDroppedFromTheLowestTick() {
        SlowFrameJobs s = new SlowFrameJobs(2, 100, 3);
        run(s, 1, 101);
        run(s, 1, 102);
        run(s, 2, 201);
        run(s, 2, 202); // four pending: tick 1 gives its runs up
        run(s, 1, 103); // and takes no more
        s.frame(1, 100, 50);
        s.frame(2, 200, 40);
        List<FrameJobs> f = s.frames(0);
        assertEquals(List.of(1L, 2L), ticks(f));
        assertEquals(List.of(), f.get(0).jobs());
        assertEquals(3, f.get(0).jobsDropped());
        assertEquals(2, f.get(1).jobs().size());
        assertEquals(0, f.get(1).jobsDropped());
    }

    @Test
    void runsSplitOverChunksJoinTheirFrame() {
        SlowFrameJobs total = new SlowFrameJobs(2, 100, 100);
        SlowFrameJobs a = new SlowFrameJobs(2, 100, 100);
        a.frame(9, 900, 70);
        run(a, 9, 910);
        run(a, 10, 1010); // frame 10 is in the next chunk
        SlowFrameJobs b = new SlowFrameJobs(2, 100, 100);
        run(b, 9, 920); // frame 9 was in the previous chunk
        run(b, 10, 1020);
        b.frame(10, 1000, 80);
        b.frame(11, 1100, 5);
        run(b, 12, 1210); // frame 12 comes later
        SlowFrameJobs c = new SlowFrameJobs(2, 100, 100);
        c.frame(12, 1200, 75);
        total.merge(a);
        total.merge(b);
        total.merge(c);
        List<FrameJobs> f = total.frames(0);
        assertEquals(List.of(10L, 12L), ticks(f));
        assertEquals(List.of(10L, 20L), f.get(0).jobs().stream().map(JobSlice::startOffsetNanos).toList());
        assertEquals(List.of(10L), f.get(1).jobs().stream().map(JobSlice::startOffsetNanos).toList());

        SlowFrameJobs three = new SlowFrameJobs(3, 100, 100);
        SlowFrameJobs d = new SlowFrameJobs(3, 100, 100);
        d.frame(9, 900, 70);
        SlowFrameJobs e = new SlowFrameJobs(3, 100, 100);
        run(e, 9, 920);
        three.merge(d);
        three.merge(e);
        assertEquals(List.of(20L), three.frames(0).get(0).jobs().stream().map(JobSlice::startOffsetNanos).toList());
    }

    @Test
    void noSlowFramesKeepsNoRuns() {
        SlowFrameJobs s = new SlowFrameJobs(0, 100, 100);
        run(s, 1, 101);
        s.frame(1, 100, 10);
        assertEquals(List.of(), s.frames(0));
    }
}
