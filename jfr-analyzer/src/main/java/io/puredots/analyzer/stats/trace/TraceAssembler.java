package io.puredots.analyzer.stats.trace;

import io.puredots.analyzer.model.trace.TraceSink;
import io.puredots.analyzer.model.trace.TraceSlice;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the chunks of a recording, in chunk order, into a trace timeline on a {@link TraceSink}:
 * decides, track by track, which slices nest (written as complete slices) and which do not
 * (written as async slices), links each job run to the schedule of its job, and passes counter
 * samples and budget marks through.
 *
 * <p>Tracks: one per thread (frames, groups, systems, waits, job schedules and job runs, each on
 * the thread that recorded it) and the VM track (safepoints, garbage collections and their pause
 * phases). On a track, slices are taken in start order (longest first among equal starts, then
 * by {@link TraceKind#rank}); a slice nests when it ends no later than the innermost slice still
 * open at its start. One that ends later (clock granularity can put a system's end past its
 * group's; a concurrent GC cycle spans pauses it does not contain) becomes an async slice, and
 * so does one that arrives after later-starting slices of its track were written.
 *
 * <p>Memory: a chunk's events are sorted per track and written up to a watermark, its end minus
 * the longest slice seen on the track and {@value #HOLD_NANOS} ns: later chunks can still hold
 * slices starting before it (an event lies in the chunk it ended in). Only the slices past the
 * watermark and the previous chunk's job schedules are kept between chunks.
 *
 * <p>Job dependencies: a JobSchedule event carries its job's id, dependency count and chain
 * depth, not the ids of the jobs it waits for; so the arrows go from each schedule to the runs
 * of its job id (one per batch), found in the schedule's chunk or the next one.
 *
 * <p>Not thread-safe: one caller feeds it chunk by chunk.
 */
public final class TraceAssembler {
    /** Margin of the watermark beyond the longest slice of a track: the chunk end is not exact. */
    static final long HOLD_NANOS = 1_000_000_000L;

    private static final Comparator<TraceEvent> TRACK_ORDER = Comparator
            .comparingLong((TraceEvent e) -> e.startNanos)
            .thenComparing(Comparator.comparingLong(TraceEvent::endNanos).reversed())
            .thenComparingInt(e -> e.kind.rank);

    private final TraceSink sink;
    private final long originNanos;
    private final Map<String, Object> about;
    private boolean begun;
    private final Map<Long, Track> tracks = new HashMap<>();
    private final Map<Long, String> knownNames = new HashMap<>();
    private final Set<Long> named = new HashSet<>();
    private final Set<Long> frameThreads = new HashSet<>();
    private Map<Long, TraceEvent> schedules = new HashMap<>();
    private Map<Long, TraceEvent> previousSchedules = new HashMap<>();
    private long nextAsyncId = 1;
    private long nextFlowId = 1;
    private final Map<String, Long> written = new TreeMap<>();
    private long flows;

    /**
     * @param sink        where the timeline goes; {@link TraceSink#begin} is called with the first chunk
     * @param originNanos time zero of the timeline, epoch ns
     * @param about       what the trace is of, passed to {@link TraceSink#begin}
     */
    public TraceAssembler(TraceSink sink, long originNanos, Map<String, Object> about) {
        this.sink = sink;
        this.originNanos = originNanos;
        this.about = new LinkedHashMap<>(about);
    }

    /** Adds the next chunk, in chunk order, and writes what can no longer change. */
    public void add(TraceChunk chunk) throws IOException {
        if (!begun) {
            begin(chunk);
        }
        chunk.threadNames.forEach(knownNames::putIfAbsent);
        previousSchedules = schedules;
        schedules = new HashMap<>();
        List<TraceEvent> counters = new ArrayList<>();
        for (TraceEvent e : chunk.events) {
            switch (e.kind.shape) {
                case THREAD_SLICE -> {
                    if (e.kind == TraceKind.FRAME) {
                        frameThreads.add(e.tid);
                    }
                    if (e.kind == TraceKind.JOB_SCHEDULE) {
                        schedules.put(e.a, e);
                    }
                    track(e.tid).add(e);
                }
                case VM_SLICE -> track(TraceSink.VM_TRACK).add(e);
                default -> counters.add(e);
            }
        }
        nameTracks(false);
        for (TraceEvent e : chunk.events) {
            if (e.kind == TraceKind.JOB_RUN) {
                TraceEvent s = schedules.get(e.a);
                if (s == null) {
                    s = previousSchedules.get(e.a);
                }
                if (s != null) {
                    sink.flow(nextFlowId++, s.tid, inside(s), e.tid, inside(e));
                    flows++;
                }
            }
        }
        counters.sort(Comparator.comparingLong(e -> e.startNanos));
        for (TraceEvent e : counters) {
            writeCounterOrMark(e);
        }
        if (chunk.chunkEndNanos != Long.MIN_VALUE) {
            for (Track t : tracks.values()) {
                t.flush(chunk.chunkEndNanos - t.longest - HOLD_NANOS);
            }
        }
    }

    /** Writes everything still held and ends the trace; call once, after the last chunk. */
    public void finish() throws IOException {
        if (!begun) {
            begin(new TraceChunk(TraceWindow.ALL));
        }
        List<Track> all = new ArrayList<>(tracks.values());
        all.sort(Comparator.comparingLong(t -> t.tid));
        for (Track t : all) {
            t.flush(Long.MAX_VALUE);
        }
        nameTracks(true);
        sink.end();
    }

    /** Trace events written so far per JFR event type (a slice, a counter sample or a mark each). */
    public Map<String, Long> written() {
        return Collections.unmodifiableMap(written);
    }

    /** Flow arrows written so far. */
    public long flows() {
        return flows;
    }

    private void begin(TraceChunk first) throws IOException {
        begun = true;
        long pid = first.pid >= 0 ? first.pid : 1;
        String main = first.javaArguments.strip();
        int space = main.indexOf(' ');
        main = space > 0 ? main.substring(0, space) : main;
        main = main.substring(main.lastIndexOf('/') + 1); // a jar's name, not its path
        String process = !main.isEmpty() ? main : !first.jvmName.isEmpty() ? first.jvmName : "JVM";
        sink.begin(originNanos, pid, process, about);
    }

    private Track track(long tid) {
        return tracks.computeIfAbsent(tid, Track::new);
    }

    /** Names the tracks in use: by their thread's name once known; at the end, every one. */
    private void nameTracks(boolean last) throws IOException {
        List<Long> tids = new ArrayList<>(tracks.keySet());
        Collections.sort(tids);
        for (long tid : tids) {
            if (named.contains(tid)) {
                continue;
            }
            if (tid == TraceSink.VM_TRACK) {
                sink.thread(tid, "VM: safepoints and GC", 0);
            } else if (knownNames.containsKey(tid) || last) {
                String name = knownNames.getOrDefault(tid, "thread " + tid);
                sink.thread(tid, name, frameThreads.contains(tid) ? 1 : null);
            } else {
                continue;
            }
            named.add(tid);
        }
    }

    private void count(TraceEvent e) {
        written.merge(e.kind.eventType, 1L, Long::sum);
    }

    private void writeCounterOrMark(TraceEvent e) throws IOException {
        String cat = e.kind.eventType;
        switch (e.kind) {
            case HEAP -> sink.counter(cat, "Heap used", e.startNanos, "bytes", e.a);
            // a counter per archetype and per owner, each with its one series: chrome://tracing takes
            // a counter's series from its first sample only
            case ENTITIES -> sink.counter(cat, "Entities: " + e.s1, e.startNanos, "count", e.a);
            case NATIVE_MEMORY -> sink.counter(cat, "Native memory reserved: " + e.s1 + " (" + e.s2 + ")",
                    e.startNanos, "bytes", e.a);
            case BUDGET -> {
                Map<String, Object> args = new LinkedHashMap<>();
                args.put("budgetId", e.s1);
                args.put("measured", Double.longBitsToDouble(e.a));
                args.put("limit", Double.longBitsToDouble(e.b));
                args.put("unit", e.s2);
                args.put("severity", e.s3);
                args.put("consecutiveFrames", e.c);
                args.put("tick", e.tick);
                sink.instant(new TraceSlice(-1, cat, "Budget " + e.s1 + " " + e.s3, e.startNanos, 0, args));
            }
            default -> throw new IllegalStateException("not a counter or mark: " + e.kind);
        }
        count(e);
    }

    /**
     * An instant just inside a slice, where a flow binds to it: a microsecond after its start, or
     * its middle if it is shorter (a viewer binds a flow to the slice enclosing the instant, and a
     * slice's exact start could bind to its parent).
     */
    private static long inside(TraceEvent e) {
        return e.startNanos + Math.min(e.durationNanos / 2, 1_000);
    }

    /** The slice the timeline shows for a slice event. */
    private static TraceSlice slice(TraceEvent e, long tid) {
        Map<String, Object> args = new LinkedHashMap<>();
        String name;
        switch (e.kind) {
            case FRAME -> {
                name = "Frame " + e.tick;
                args.put("tick", e.tick);
                args.put("entityCount", e.a);
            }
            case GROUP -> {
                name = e.s1;
                args.put("tick", e.tick);
            }
            case SYSTEM -> {
                name = e.s1;
                args.put("group", e.s2);
                args.put("tick", e.tick);
                args.put("entitiesProcessed", e.a);
            }
            case MAIN_WAIT -> {
                name = "Wait for jobs: " + e.s1;
                args.put("system", e.s1);
                args.put("tick", e.tick);
            }
            case JOB_SCHEDULE -> {
                name = "Schedule " + e.s1;
                args.put("jobId", e.a);
                args.put("system", e.s2);
                args.put("dependencyCount", (int) (e.b >> 32));
                args.put("chainDepth", (int) e.b);
                args.put("batchCount", e.c);
                args.put("tick", e.tick);
            }
            case JOB_RUN -> {
                name = e.s1;
                args.put("jobId", e.a);
                args.put("batchIndex", e.b);
                args.put("queueWaitNanos", e.c);
                args.put("tick", e.tick);
            }
            case SAFEPOINT -> {
                name = "Safepoint " + e.a;
                args.put("safepointId", e.a);
                args.put("totalThreadCount", e.b);
                args.put("jniCriticalThreadCount", e.c);
            }
            case GC -> {
                name = e.s1 + " (" + e.s2 + ")";
                args.put("gcId", e.a);
                args.put("cause", e.s2);
                args.put("sumOfPausesNanos", e.b);
                args.put("longestPauseNanos", e.c);
            }
            default -> {
                name = e.s1;
                args.put("gcId", e.a);
            }
        }
        return new TraceSlice(tid, e.kind.eventType, name, e.startNanos, e.durationNanos, args);
    }

    /** One track's slices not yet written, and the slices open at the last one written. */
    private final class Track {
        final long tid;
        List<TraceEvent> pending = new ArrayList<>();
        long longest;
        /** Ends of the nested slices open at {@link #lastStart}, outermost first. */
        long[] open = new long[16];
        int depth;
        long lastStart = Long.MIN_VALUE;

        Track(long tid) {
            this.tid = tid;
        }

        void add(TraceEvent e) {
            pending.add(e);
            longest = Math.max(longest, e.durationNanos);
        }

        /** Writes the held slices that start before {@code watermark}, in track order. */
        void flush(long watermark) throws IOException {
            pending.sort(TRACK_ORDER);
            int i = 0;
            while (i < pending.size() && pending.get(i).startNanos < watermark) {
                place(pending.get(i++));
            }
            pending = i == 0 ? pending : new ArrayList<>(pending.subList(i, pending.size()));
        }

        private void place(TraceEvent e) throws IOException {
            count(e);
            if (e.startNanos < lastStart) {
                sink.async(slice(e, tid), nextAsyncId++);
                return;
            }
            lastStart = e.startNanos;
            while (depth > 0 && open[depth - 1] <= e.startNanos) {
                depth--;
            }
            if (depth > 0 && e.endNanos() > open[depth - 1]) {
                sink.async(slice(e, tid), nextAsyncId++);
                return;
            }
            if (depth == open.length) {
                open = Arrays.copyOf(open, depth * 2);
            }
            open[depth++] = e.endNanos();
            sink.complete(slice(e, tid));
        }
    }
}
