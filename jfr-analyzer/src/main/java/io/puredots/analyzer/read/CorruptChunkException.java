package io.puredots.analyzer.read;

/**
 * Internal: thrown while decoding a chunk, carrying the absolute byte offset; the decoder turns
 * it into a {@link RecordingFormatException} that also names the file and chunk.
 */
final class CorruptChunkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final long offset;

    CorruptChunkException(long offset, String reason) {
        super(reason, null, false, false);
        this.offset = offset;
    }
}
