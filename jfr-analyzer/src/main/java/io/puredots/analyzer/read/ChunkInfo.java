package io.puredots.analyzer.read;

import java.nio.file.Path;

/**
 * Where one chunk of a recording lies and what its header says. Immutable.
 *
 * @param file           the file (or repository chunk file) the chunk is in
 * @param index          position of the chunk among all chunks read, from 0, in read order
 * @param offset         byte offset of the chunk header within the file
 * @param size           chunk size in bytes, as declared by its header
 * @param startNanos     chunk start, epoch nanoseconds (UTC)
 * @param durationNanos  chunk duration in nanoseconds
 * @param major          file format major version
 * @param minor          file format minor version
 */
public record ChunkInfo(Path file, int index, long offset, long size, long startNanos, long durationNanos,
                        int major, int minor) {
}
