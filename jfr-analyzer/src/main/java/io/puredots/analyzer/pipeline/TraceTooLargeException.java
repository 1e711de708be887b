package io.puredots.analyzer.pipeline;

/**
 * The trace grew past its size limit: writing stopped at the first chunk that took it over.
 * Carries what a command needs to word it and suggest a window. Immutable.
 */
public final class TraceTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long limitBytes;
    private final long writtenBytes;
    private final long doneNanos;
    private final long spanNanos;

    /**
     * @param limitBytes   the limit
     * @param writtenBytes what was written when it was passed
     * @param doneNanos    how far into the window the trace had got, ns
     * @param spanNanos    the window's length (clipped to the recording), ns
     */
    TraceTooLargeException(long limitBytes, long writtenBytes, long doneNanos, long spanNanos) {
        super("trace larger than " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
        this.writtenBytes = writtenBytes;
        this.doneNanos = doneNanos;
        this.spanNanos = spanNanos;
    }

    public long limitBytes() {
        return limitBytes;
    }

    public long writtenBytes() {
        return writtenBytes;
    }

    public long doneNanos() {
        return doneNanos;
    }

    public long spanNanos() {
        return spanNanos;
    }

    /** The whole window's size at the rate so far, bytes: at least {@link #writtenBytes()}. */
    public long estimatedBytes() {
        if (doneNanos <= 0 || spanNanos <= doneNanos) {
            return writtenBytes;
        }
        return (long) (writtenBytes * ((double) spanNanos / doneNanos));
    }
}
