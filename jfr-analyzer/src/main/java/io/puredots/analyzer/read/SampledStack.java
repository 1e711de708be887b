package io.puredots.analyzer.read;

import java.util.Arrays;
import java.util.List;

/**
 * A sampled thread's stack as a {@code jdk.ExecutionSample} records it: the method of each frame,
 * top (the running method) first, as {@code "pkg.Class.method"} with canonical strings, and
 * whether the JVM cut the stack at its configured depth. Equal by content, so stacks from
 * different chunks intern to one.
 *
 * <p>Immutable; safe from any thread.
 */
public final class SampledStack {
    /** The stack of a sample that has none (no stack trace recorded). */
    public static final SampledStack EMPTY = new SampledStack(new String[0], false);

    private final String[] methods;
    private final boolean truncated;
    private final int hash;

    /** @param methods frame methods, top first; not copied: the caller hands it over */
    SampledStack(String[] methods, boolean truncated) {
        this.methods = methods;
        this.truncated = truncated;
        this.hash = 31 * Arrays.hashCode(methods) + (truncated ? 1 : 0);
    }

    /** A stack of these methods, top first (for tests and aggregators that cut stacks). */
    public static SampledStack of(List<String> methods, boolean truncated) {
        return new SampledStack(methods.toArray(new String[0]), truncated);
    }

    /** Number of frames. */
    public int depth() {
        return methods.length;
    }

    /** The method of frame {@code i}, 0 being the top. */
    public String method(int i) {
        return methods[i];
    }

    /** The top frame's method, or {@code ""} for an empty stack. */
    public String top() {
        return methods.length == 0 ? "" : methods[0];
    }

    /** The frame methods, top first. */
    public List<String> methods() {
        return List.of(methods);
    }

    /** Whether frames beyond the recorded depth were cut off. */
    public boolean truncated() {
        return truncated;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SampledStack s && s.hash == hash && s.truncated == truncated
                && Arrays.equals(s.methods, methods);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return String.join(" < ", methods) + (truncated ? " < ..." : "");
    }
}
