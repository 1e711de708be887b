package io.puredots.export;

import java.io.IOException;

/**
 * Where points go: a format over a stream, or an HTTP sink. Not thread-safe unless an
 * implementation says so: one producer thread calls {@link #write}.
 */
public interface PointWriter extends AutoCloseable {
    void write(Point p) throws IOException;

    /** Pushes out what is buffered (for a stream: flush; for HTTP: hand the partial batch to the sender). */
    void flush() throws IOException;

    /** Flushes and releases the target; a stream the writer did not open (stdout) is only flushed. */
    @Override
    void close() throws IOException;
}
