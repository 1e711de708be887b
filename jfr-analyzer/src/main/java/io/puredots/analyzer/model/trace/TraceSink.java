package io.puredots.analyzer.model.trace;

import java.io.IOException;
import java.util.Map;

/**
 * Where a trace timeline goes as it is assembled, piece by piece, so that no more of it than a
 * window of time is ever held: the contract between the trace collector ({@code stats.trace}),
 * which decides what is a nested slice and what is not, and a writer ({@code output.trace}),
 * which only formats. Times are epoch nanoseconds; the writer shows them relative to the origin
 * given to {@link #begin}.
 *
 * <p>Call order: {@link #begin} once, then any of the others, then {@link #end} once. Promises
 * the caller keeps: {@link #complete} slices of one track come in start order and nest (a
 * slice either lies within an earlier one still open on its track or starts after it ended);
 * everything else may overlap and come in any order. Implementations need not be thread-safe.
 */
public interface TraceSink {
    /** The track of the JVM's own work (GC, safepoints): no Java or OS thread has id 0. */
    long VM_TRACK = 0;

    /**
     * Starts the trace.
     *
     * @param originNanos time zero of the timeline, epoch ns (the recording's start)
     * @param pid         the recorded JVM's process id
     * @param processName what to call the process
     * @param about       where the trace comes from (recording, window), written as trace metadata
     */
    void begin(long originNanos, long pid, String processName, Map<String, Object> about) throws IOException;

    /**
     * Names a track; {@code sortIndex} orders it among the tracks (lower first), {@code null} to
     * leave it in the viewer's order.
     */
    void thread(long tid, String name, Integer sortIndex) throws IOException;

    /** A slice that nests on its track (see the class comment). */
    void complete(TraceSlice slice) throws IOException;

    /**
     * A slice that may overlap others on its track partly, drawn apart from the nested ones;
     * {@code id} is unique among the trace's async slices.
     */
    void async(TraceSlice slice, long id) throws IOException;

    /**
     * An arrow from the slice at {@code fromNanos} on track {@code fromTid} to the slice at
     * {@code toNanos} on {@code toTid}; both instants lie inside the slices meant. {@code id}
     * is unique among the trace's flows.
     */
    void flow(long id, long fromTid, long fromNanos, long toTid, long toNanos) throws IOException;

    /** A sample of series {@code series} of counter {@code name}, from a {@code category} event. */
    void counter(String category, String name, long atNanos, String series, long value) throws IOException;

    /** A process-wide mark at {@code slice.startNanos()} (its duration is ignored). */
    void instant(TraceSlice slice) throws IOException;

    /** Ends the trace; nothing may follow. */
    void end() throws IOException;

    /** Characters of output so far, including what is still buffered. */
    long written();
}
