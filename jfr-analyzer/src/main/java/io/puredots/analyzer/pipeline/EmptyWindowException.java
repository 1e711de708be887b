package io.puredots.analyzer.pipeline;

import io.puredots.analyzer.stats.Window;

import java.util.List;
import java.util.Objects;

/**
 * The requested {@link Window} cannot hold a frame of the recording: its start is not before its
 * end, or it lies wholly after the recording's end or before its start. A usage error, refused
 * rather than reported as an empty run, so that a gate never passes on a window that selected
 * nothing. Carries what a command needs to word it; the message is a plain one-line fallback.
 * Immutable.
 */
public final class EmptyWindowException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Why the window is empty. */
    public enum Problem {
        /** {@code from} resolves to the same instant as {@code to} or later. */
        FROM_NOT_BEFORE_TO,
        /** {@code from} is after the recording's end. */
        FROM_AFTER_END,
        /** {@code to} is before the recording's start. */
        TO_BEFORE_START
    }

    private final Problem problem;
    private final transient Window window;
    private final List<String> inputs;
    private final boolean spanKnown;
    private final long spanStartNanos;
    private final long spanEndNanos;

    /**
     * @param problem        why the window is empty
     * @param window         the window asked for
     * @param inputs         the inputs as given, for naming them
     * @param spanKnown      whether the recording's span was read (an inverted window of two
     *                       offsets or two instants is refused before reading)
     * @param spanStartNanos the recording's start, epoch ns (where offsets count from); 0 when not known
     * @param spanEndNanos   the recording's end, epoch ns; 0 when not known
     */
    EmptyWindowException(Problem problem, Window window, List<String> inputs, boolean spanKnown, long spanStartNanos,
                         long spanEndNanos) {
        super("empty window (" + problem + ")" + (spanKnown ? "; the recording spans epoch ns " + spanStartNanos
                + " to " + spanEndNanos : ""));
        this.problem = Objects.requireNonNull(problem);
        this.window = Objects.requireNonNull(window);
        this.inputs = List.copyOf(inputs);
        this.spanKnown = spanKnown;
        this.spanStartNanos = spanStartNanos;
        this.spanEndNanos = spanEndNanos;
    }

    public Problem problem() {
        return problem;
    }

    public Window window() {
        return window;
    }

    /** The inputs as given, in order. */
    public List<String> inputs() {
        return inputs;
    }

    /** Whether {@link #spanStartNanos()} and {@link #spanEndNanos()} hold the recording's span. */
    public boolean spanKnown() {
        return spanKnown;
    }

    public long spanStartNanos() {
        return spanStartNanos;
    }

    public long spanEndNanos() {
        return spanEndNanos;
    }
}
