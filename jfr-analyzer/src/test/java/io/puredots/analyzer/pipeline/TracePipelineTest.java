package io.puredots.analyzer.pipeline;

import io.puredots.analyzer.read.ChunkInfo;
import io.puredots.analyzer.stats.trace.TraceWindow;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which chunks a trace window reads: those whose events can overlap it, with the slop and the longest event. */
class TracePipelineTest {
    private static final long S = 1_000_000_000L;

    private static ChunkInfo chunk(long startSeconds, long endSeconds, long extraNanos) {
        return new ChunkInfo(Path.of("r.jfr"), 0, 0, 1, startSeconds * S, (endSeconds - startSeconds) * S + extraNanos,
                2, 1);
    }

    @Test
    void chunksFarBeforeOrAfterTheWindowAreNotRead() {
        TraceWindow w = TraceWindow.time(100 * S, 110 * S);
        long slop = TracePipeline.CHUNK_SLOP_NANOS;
        long longest = TracePipeline.LONGEST_EVENT_NANOS;
        assertFalse(TracePipeline.mayOverlap(chunk(0, 99, 0), w), "ends more than the slop before the window");
        assertTrue(TracePipeline.mayOverlap(chunk(0, 99, 1), w), "an event may end in the window");
        assertTrue(TracePipeline.mayOverlap(chunk(105, 106, 0), w));
        long lastStart = 110 * S + slop + longest;
        assertTrue(TracePipeline.mayOverlap(new ChunkInfo(Path.of("r.jfr"), 0, 0, 1, lastStart - 1, S, 2, 1), w),
                "a long event may have started in the window");
        assertFalse(TracePipeline.mayOverlap(new ChunkInfo(Path.of("r.jfr"), 0, 0, 1, lastStart, S, 2, 1), w));
        assertTrue(TracePipeline.mayOverlap(chunk(0, 1000, 0), TraceWindow.ALL));
    }
}
