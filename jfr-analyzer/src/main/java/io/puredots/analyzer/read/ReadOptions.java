package io.puredots.analyzer.read;

/**
 * How {@link RecordingReader} reads: which decoder, how many chunks at once, and what to do with a
 * damaged chunk. Immutable; safe to share between threads.
 *
 * @param decoder           which decoder turns chunk bytes into {@link EventHandler} calls
 * @param parallelism       most chunks decoded at the same time, {@code >= 1}; each chunk in
 *                          flight holds its own constant pools and metadata in memory
 * @param skipDamagedChunks {@code false}: the first damaged chunk (in chunk order) fails the
 *                          whole read with {@link RecordingFormatException}; {@code true}: damaged
 *                          chunks are left out of the result (their handlers dropped) and
 *                          reported in {@link ReadResult#skippedChunks()} and as warnings
 * @param sequentialBytes   the chunks in the first this many bytes are decoded one at a time,
 *                          the rest {@code parallelism} at a time: while the JIT compiles the
 *                          decoder, a second decoder thread costs more than it brings (see
 *                          {@link #DEFAULT_SEQUENTIAL_BYTES}); {@code >= 0}
 * @param progress          told after each chunk how many bytes are done
 */
public record ReadOptions(Decoder decoder, int parallelism, boolean skipDamagedChunks, long sequentialBytes,
                          ReadProgress progress) {

    /**
     * 32 MB, about the first two chunks of a recording: while C2 compiles the decoder, a second
     * decoder thread takes the core the compiler needs (BENCHMARKS.md has the runs).
     */
    public static final long DEFAULT_SEQUENTIAL_BYTES = 32L << 20;

    /** The decoders. */
    public enum Decoder {
        /**
         * The hand-written chunk decoder of this package: primitives straight from the bytes, no
         * allocation per event, memory bounded by one chunk's metadata and constant pools plus
         * a read window. Tested call for call against {@link #REFERENCE}.
         */
        FAST,
        /**
         * {@code jdk.jfr.consumer.RecordingFile}, one chunk at a time: slow, allocates per event,
         * obviously correct. The yardstick the other decoders are tested against.
         */
        REFERENCE
    }

    public ReadOptions {
        if (decoder == null) {
            throw new IllegalArgumentException("decoder must not be null");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
        if (progress == null) {
            throw new IllegalArgumentException("progress must not be null");
        }
        if (sequentialBytes < 0) {
            throw new IllegalArgumentException("sequentialBytes must be >= 0, was " + sequentialBytes);
        }
    }

    /** The recommended options: best decoder, one chunk in flight per core, fail on damage. */
    public static ReadOptions defaults() {
        return new ReadOptions(Decoder.FAST, Runtime.getRuntime().availableProcessors(), false,
                DEFAULT_SEQUENTIAL_BYTES, ReadProgress.NONE);
    }

    public ReadOptions withDecoder(Decoder d) {
        return new ReadOptions(d, parallelism, skipDamagedChunks, sequentialBytes, progress);
    }

    public ReadOptions withParallelism(int p) {
        return new ReadOptions(decoder, p, skipDamagedChunks, sequentialBytes, progress);
    }

    public ReadOptions withSkipDamagedChunks(boolean skip) {
        return new ReadOptions(decoder, parallelism, skip, sequentialBytes, progress);
    }

    public ReadOptions withSequentialBytes(long bytes) {
        return new ReadOptions(decoder, parallelism, skipDamagedChunks, bytes, progress);
    }

    public ReadOptions withProgress(ReadProgress p) {
        return new ReadOptions(decoder, parallelism, skipDamagedChunks, sequentialBytes, p);
    }
}
