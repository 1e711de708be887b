package io.puredots.analyzer.model.trace;

import java.util.Map;

/**
 * One slice of a trace timeline: a span of time on one track, or an instant when its duration is
 * 0 and it is written as one. Immutable: the maker hands {@code args} over and keeps no
 * reference to it (it is wrapped, not copied: a trace makes millions of slices).
 *
 * @param tid           the track: a JFR thread id (see {@code read.EventHandler}), or
 *                      {@link TraceSink#VM_TRACK} for the JVM's own work
 * @param category      the JFR event type it comes from, e.g. {@code puredots.Frame}
 * @param name          what the timeline shows on it
 * @param startNanos    start, epoch nanoseconds
 * @param durationNanos duration, nanoseconds, {@code >= 0}
 * @param args          the event's fields worth showing, by name; numbers or strings
 */
public record TraceSlice(long tid, String category, String name, long startNanos, long durationNanos,
                         Map<String, Object> args) {
    public TraceSlice {
        args = java.util.Collections.unmodifiableMap(args);
    }

    /** Start plus duration, epoch nanoseconds. */
    public long endNanos() {
        return startNanos + durationNanos;
    }
}
