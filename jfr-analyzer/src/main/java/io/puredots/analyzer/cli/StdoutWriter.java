package io.puredots.analyzer.cli;

import java.io.FilterWriter;
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
    private final Keeper keeper;

    private StdoutWriter(Keeper keeper) {
        super(keeper, true);
        this.keeper = keeper;
    }

    /**
     * A writer onto {@code out}, which should throw its errors: a {@code FileOutputStream} on
     * {@code FileDescriptor.out}, not {@code System.out}, a {@code PrintStream} that swallows them.
     */
    static StdoutWriter of(OutputStream out) {
        return new StdoutWriter(new Keeper(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
    }

    /** The first error writing to the stream, or null. */
    IOException failure() {
        return keeper.first;
    }

    /** Passes everything on and keeps the first failure before rethrowing it. */
    private static final class Keeper extends FilterWriter {
        private volatile IOException first;

        Keeper(OutputStreamWriter out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            try {
                super.write(c);
            } catch (IOException e) {
                throw keep(e);
            }
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            try {
                super.write(cbuf, off, len);
            } catch (IOException e) {
                throw keep(e);
            }
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            try {
                super.write(str, off, len);
            } catch (IOException e) {
                throw keep(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                super.flush();
            } catch (IOException e) {
                throw keep(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
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
}
