package io.puredots.analyzer.stats.trace;

import io.puredots.analyzer.model.trace.TraceSink;
import io.puredots.analyzer.model.trace.TraceSlice;
import io.puredots.analyzer.read.ChunkInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which slices the assembler writes as nested and which as async, across chunks, and its flows. */
class TraceAssemblerTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    /** Writes each call down as one line: "X name", "async name", "flow fromTid->toTid", "thread tid name". */
    static final class Lines implements TraceSink {
        final List<String> lines = new ArrayList<>();

        @Override
        public void begin(long originNanos, long pid, String processName, Map<String, Object> about) {
            lines.add("begin " + pid + " " + processName);
        }

        @Override
        public void thread(long tid, String name, Integer sortIndex) {
            lines.add("thread " + tid + " " + name);
        }

        @Override
        public void complete(TraceSlice s) {
            lines.add("X " + s.name());
        }

        @Override
        public void async(TraceSlice s, long id) {
            lines.add("async " + s.name());
        }

        @Override
        public void flow(long id, long fromTid, long fromNanos, long toTid, long toNanos) {
            lines.add("flow " + fromTid + "->" + toTid);
        }

        @Override
        public void counter(String category, String name, long atNanos, String series, long value) {
            lines.add("C " + name + " " + series + "=" + value);
        }

        @Override
        public void instant(TraceSlice s) {
            lines.add("i " + s.name());
        }

        @Override
        public void end() {
            lines.add("end");
        }

        @Override
        public long written() {
            return lines.size();
        }

        List<String> slices() {
            return lines.stream().filter(l -> l.startsWith("X ") || l.startsWith("async ")).toList();
        }
    }

    private static TraceChunk chunk(long endNanos) {
        TraceChunk c = new TraceChunk(TraceWindow.ALL);
        c.chunkStart(new ChunkInfo(Path.of("r.jfr"), 0, 0, 0, 0, endNanos, 2, 1));
        c.jvmInformation(0, "VM", "17", "", "game.Main --fast", 0, 4242);
        return c;
    }

    private static void group(TraceChunk c, long start, long dur, String name) {
        c.systemGroupTickOnThread(start, dur, 1, "main", name, 7);
    }

    private static void system(TraceChunk c, long start, long dur, String name) {
        c.systemTickOnThread(start, dur, 1, "main", name, "G", 7, 0);
    }

    @Test
    void aSliceEndingAfterItsParentIsAsyncTheOthersNest() throws Exception {
        Lines sink = new Lines();
        TraceAssembler a = new TraceAssembler(sink, 0, Map.of());
        TraceChunk c = chunk(10 * S);
        system(c, 40 * MS, 80 * MS, "B");      // 40..120 ms: past its group's end
        system(c, 10 * MS, 40 * MS, "A");      // 10..50 ms
        group(c, 0, 100 * MS, "G");            // 0..100 ms
        group(c, 200 * MS, 10 * MS, "H");      // 200..210 ms
        system(c, 200 * MS, 10 * MS, "C");     // the same span as its group
        a.add(c);
        a.finish();
        assertEquals(List.of("X G", "X A", "async B", "X H", "X C"), sink.slices());
        assertEquals("begin 4242 game.Main", sink.lines.get(0));
        assertEquals("end", sink.lines.get(sink.lines.size() - 1));
    }

    @Test
    void aParentInTheNextChunkStillNestsItsChildrenALateSliceIsAsync() throws Exception {
        Lines sink = new Lines();
        TraceAssembler a = new TraceAssembler(sink, 0, Map.of());
        TraceChunk first = chunk(10 * S);
        group(first, 5 * S, 10 * MS, "early");              // written: before the watermark
        system(first, 9 * S + 500 * MS, 100 * MS, "child");  // held: a later chunk may hold its parent
        a.add(first);
        assertEquals(List.of("X early"), sink.slices());
        TraceChunk second = chunk(20 * S);
        group(second, 9 * S + 400 * MS, 800 * MS, "parent");
        group(second, 4 * S, 10 * MS, "late");               // before slices already written
        a.add(second);
        a.finish();
        assertEquals(List.of("X early", "async late", "X parent", "X child"), sink.slices());
    }

    @Test
    void runsGetAnArrowFromTheirJobsScheduleInThisChunkOrThePrevious() throws Exception {
        Lines sink = new Lines();
        TraceAssembler a = new TraceAssembler(sink, 0, Map.of());
        TraceChunk first = chunk(10 * S);
        first.jobSchedule(9 * S, MS, 1, 77, "Move", "MoveSystem", 0, 0, 2, 7);
        first.jobRun(9 * S + 2 * MS, MS, 15, "worker-0", 77, "Move", 0, 7, 0);
        a.add(first);
        TraceChunk second = chunk(20 * S);
        second.jobRun(10 * S + MS, MS, 16, "worker-1", 77, "Move", 1, 7, 0);
        second.jobRun(10 * S + MS, MS, 16, "worker-1", 78, "Other", 0, 7, 0);   // its schedule is not there
        a.add(second);
        a.finish();
        assertEquals(List.of("flow 1->15", "flow 1->16"), sink.lines.stream().filter(l -> l.startsWith("flow")).toList());
        assertEquals(List.of("thread 1 thread 1", "thread 15 worker-0", "thread 16 worker-1"),
                sink.lines.stream().filter(l -> l.startsWith("thread")).sorted().toList());
        assertEquals(Map.of("puredots.JobSchedule", 1L, "puredots.JobRun", 3L), a.written());
    }
}
