package io.puredots.analyzer.read.source;

import java.nio.file.Path;

/**
 * How {@link RecordingSource} resolves inputs. Immutable.
 *
 * @param maxDecompressedBytes a gzip input that decompresses to more than this is refused,
 *                             {@code > 0}; default {@link #DEFAULT_MAX_DECOMPRESSED_BYTES}
 * @param tempDir              where decompressed copies go (deleted on close); {@code null}: the
 *                             system temporary directory
 */
public record SourceOptions(long maxDecompressedBytes, Path tempDir) {
    /** 8 GiB: larger than any recording we expect, smaller than a full disk. */
    public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = 8L << 30;

    public SourceOptions {
        if (maxDecompressedBytes <= 0) {
            throw new IllegalArgumentException("maxDecompressedBytes must be > 0");
        }
    }

    public static SourceOptions defaults() {
        return new SourceOptions(DEFAULT_MAX_DECOMPRESSED_BYTES, null);
    }

    public SourceOptions withMaxDecompressedBytes(long max) {
        return new SourceOptions(max, tempDir);
    }

    public SourceOptions withTempDir(Path dir) {
        return new SourceOptions(maxDecompressedBytes, dir);
    }
}
