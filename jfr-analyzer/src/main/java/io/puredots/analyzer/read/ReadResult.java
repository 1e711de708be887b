package io.puredots.analyzer.read;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one {@link RecordingReader#read} returns: the per-chunk handlers in chunk order, so that
 * the caller merges their partial state in that order, plus an overview of the recording.
 * Immutable (the handlers themselves are whatever the caller made them); the lists and maps are
 * unmodifiable.
 *
 * @param handlers      one handler per successfully decoded chunk, in chunk order;
 *                      {@code handlers.get(i)} received the events of {@code chunks.get(i)}
 * @param chunks        the successfully decoded chunks, in chunk order (file order, then offset)
 * @param eventCounts   events per type name summed over {@code chunks}, counted like
 *                      {@code jfr summary} (including {@code jdk.Metadata} and
 *                      {@code jdk.CheckPoint}); types with no event are absent
 * @param startNanos    earliest chunk start, epoch nanoseconds; 0 if there is no chunk
 * @param endNanos      latest chunk end (start + duration), epoch nanoseconds; 0 if there is no chunk
 * @param fileSizes     size in bytes of every file read, in read order
 * @param warnings      one-line warnings for the user (for example a skipped damaged chunk)
 * @param skippedChunks damaged chunks left out, in chunk order; empty unless
 *                      {@link ReadOptions#skipDamagedChunks()} was set
 * @param unfinishedChunks chunks the JVM was still writing, read up to their last flush, in
 *                      chunk order (each also has a warning)
 * @param <H>           the handler type
 */
public record ReadResult<H>(List<H> handlers, List<ChunkInfo> chunks, Map<String, Long> eventCounts,
                            long startNanos, long endNanos, Map<Path, Long> fileSizes, List<String> warnings,
                            List<RecordingFormatException> skippedChunks, List<UnfinishedChunk> unfinishedChunks) {

    /** Total number of events in {@link #eventCounts()}. */
    public long totalEvents() {
        long n = 0;
        for (long c : eventCounts.values()) {
            n += c;
        }
        return n;
    }
}
