package io.puredots.analyzer.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes everything to a stream and keeps the first {@link IOException} it threw before rethrowing
 * it: what wrote through it (a {@code PrintWriter}, a writer that wraps the error) may hide the
 * cause, and the cause ("No space left on device") is what the user is told.
 * Thread-safe as far as the stream is.
 */
final class FailureKeepingStream extends FilterOutputStream {
    private volatile IOException first;

    FailureKeepingStream(OutputStream out) {
        super(out);
    }

    /** The first error the stream threw, or null. */
    IOException failure() {
        return first;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw keep(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw keep(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw keep(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            throw keep(e);
        }
    }

    private IOException keep(IOException e) {
        if (first == null) {
            first = e;
        }
        return e;
    }
}
