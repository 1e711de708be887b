package io.puredots.analyzer.stats;

import java.util.Map;
import java.util.TreeMap;

/**
 * Merges chunk partials into one total in chunk order, as soon as every earlier chunk is done, so
 * that only the partials of chunks in flight (and any finished out of order) hold memory.
 *
 * <p>A chunk that never ends (a damaged chunk the reader skips) leaves a gap: every later partial
 * then waits here until {@link #finish}, so memory grows with the chunks after the gap. The
 * report reads with {@code skipDamagedChunks = false}, where the read fails at the damage instead.
 *
 * <p>Thread-safe: {@link #done} is called from the decoder threads.
 */
final class OrderedMerge {
    private final ChunkStats total;
    private final TreeMap<Integer, ChunkStats> waiting = new TreeMap<>();
    private int next;

    OrderedMerge(ChunkStats total) {
        this.total = total;
    }

    synchronized void done(int chunkIndex, ChunkStats partial) {
        waiting.put(chunkIndex, partial);
        Map.Entry<Integer, ChunkStats> first;
        while ((first = waiting.firstEntry()) != null && first.getKey() <= next) {
            waiting.pollFirstEntry();
            total.merge(first.getValue());
            next = first.getKey() + 1;
        }
    }

    /** Merges what still waits (behind a chunk that never ended), in chunk order; returns the total. */
    synchronized ChunkStats finish() {
        while (!waiting.isEmpty()) {
            total.merge(waiting.pollFirstEntry().getValue());
        }
        return total;
    }
}
