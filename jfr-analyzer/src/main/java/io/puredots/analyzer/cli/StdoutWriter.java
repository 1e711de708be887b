package io.puredots.analyzer.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The command line's stdout: a {@link PrintWriter} (UTF-8, flushed at each line) that keeps the
 * first {@link IOException} its stream threw. A {@code PrintWriter} only sets a flag that
 * {@link #checkError()} reads; the cause, such as "No space left on device", is what
 * {@link Cli#stdoutFailure} tells the user. Thread-safe as a {@code PrintWriter} is.
 */
final class StdoutWriter extends PrintWriter {
    private final FailureKeepingStream stream;

    private StdoutWriter(FailureKeepingStream stream) {
        super(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
        this.stream = stream;
    }

    /**
     * A writer onto {@code out}, which should throw its errors: a {@code FileOutputStream} on
     * {@code FileDescriptor.out}, not {@code System.out}, a {@code PrintStream} that swallows them.
     */
    static StdoutWriter of(OutputStream out) {
        return new StdoutWriter(new FailureKeepingStream(out));
    }

    /** The first error writing to the stream, or null. */
    IOException failure() {
        return stream.failure();
    }
}
