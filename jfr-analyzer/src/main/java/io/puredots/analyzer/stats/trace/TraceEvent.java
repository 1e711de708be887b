package io.puredots.analyzer.stats.trace;

/**
 * One decoded event a trace shows, as the reader gave it; what {@code a}, {@code b}, {@code c},
 * {@code s1}, {@code s2} and {@code s3} hold depends on {@link #kind} (see {@link TraceChunk}'s callbacks).
 * Mutable only while its chunk is read; then owned by {@link TraceAssembler}. Not thread-safe.
 */
final class TraceEvent {
    final TraceKind kind;
    final long tid;
    final long startNanos;
    final long durationNanos;
    final long tick;
    long a;
    long b;
    long c;
    String s1 = "";
    String s2 = "";
    String s3 = "";

    TraceEvent(TraceKind kind, long tid, long startNanos, long durationNanos, long tick) {
        this.kind = kind;
        this.tid = tid;
        this.startNanos = startNanos;
        this.durationNanos = Math.max(0, durationNanos);
        this.tick = tick;
    }

    long endNanos() {
        return startNanos + durationNanos;
    }
}
