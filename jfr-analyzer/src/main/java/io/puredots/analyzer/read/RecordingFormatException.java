package io.puredots.analyzer.read;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A recording that is not valid JFR where a reader needed it to be: bad magic, a size field that
 * points past the end of its chunk, a truncated event, an unknown type id, a chunk still being
 * written. Names the file, the chunk (index among all chunks read, from 0) and the absolute byte
 * offset in the file where the problem was found.
 *
 * <p>{@link #getMessage()} is one line, for example
 * {@code 'run.jfr': truncated event in chunk 3 at byte 81920}, so that a command can print
 * {@code cannot read } followed by it. Immutable; safe to share between threads.
 */
public final class RecordingFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int chunkIndex;
    private final long offset;
    private final String reason;

    /**
     * @param file       the file read
     * @param chunkIndex index of the chunk among all chunks read, from 0; -1 if not known
     * @param offset     absolute byte offset in {@code file}
     * @param reason     what is wrong, lowercase, without file or position
     */
    public RecordingFormatException(Path file, int chunkIndex, long offset, String reason) {
        this(file, chunkIndex, offset, reason, null);
    }

    public RecordingFormatException(Path file, int chunkIndex, long offset, String reason, Throwable cause) {
        super("'" + file + "': " + oneLine(reason) + (chunkIndex >= 0 ? " in chunk " + chunkIndex : "")
                + " at byte " + offset, cause);
        this.file = file;
        this.chunkIndex = chunkIndex;
        this.offset = offset;
        this.reason = oneLine(reason);
    }

    private static String oneLine(String s) {
        return s == null ? "damaged" : s.replace('\n', ' ').replace('\r', ' ');
    }

    public Path file() {
        return file;
    }

    /** Index of the damaged chunk among all chunks read, from 0; -1 if not known. */
    public int chunkIndex() {
        return chunkIndex;
    }

    /** Absolute byte offset within {@link #file()} where the problem was found. */
    public long offset() {
        return offset;
    }

    /** What is wrong, without file or position, for example "truncated event". */
    public String reason() {
        return reason;
    }
}
