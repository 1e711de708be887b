package io.puredots.analyzer.model;

import java.util.List;

/**
 * Memory statistics. Immutable.
 *
 * @param heapAfterGcBytes   heap used after each GC ({@code jdk.GCHeapSummary}, when = "After GC");
 *                           the mean is over GCs
 * @param lastHeapAfterGcBytes heap used after the last GC in the selection; 0 when none
 * @param nativeMemory       native containers ({@code puredots.NativeMemory}); {@code null} when absent
 * @param directBuffers      the direct buffer pool ({@code jdk.DirectBufferStatistics}); {@code null} when absent
 */
public record Memory(Distribution heapAfterGcBytes, long lastHeapAfterGcBytes, NativeMemory nativeMemory,
                     DirectBuffers directBuffers) {

    /**
     * Native containers. A sample round is one {@code puredots.NativeMemory} event per (owner,
     * kind); a round ends when an (owner, kind) repeats. Totals are per round.
     *
     * @param rounds              sample rounds
     * @param peakReservedBytes   largest total reserved in a round
     * @param lastReservedBytes   total reserved in the last round
     * @param peakUsedBytes       largest total used in a round
     * @param maxEntities         most live entities seen (largest sum of {@code puredots.EntityCount} over
     *                            archetypes in a round, or largest {@code Frame.entityCount})
     * @param bytesPerEntity      {@code peakReservedBytes / maxEntities}; 0 without entities
     * @param containers          per owner and container kind
     */
    public record NativeMemory(long rounds, long peakReservedBytes, long lastReservedBytes, long peakUsedBytes,
                               long maxEntities, double bytesPerEntity, List<Container> containers) {
        public NativeMemory {
            containers = List.copyOf(containers);
        }
    }

    /** Containers of one owner and kind: last and largest sample. */
    public record Container(String owner, String kind, long lastReservedBytes, long maxReservedBytes,
                            long lastUsedBytes, long maxUsedBytes) {
    }

    /** Direct buffer pool: last and largest sample. */
    public record DirectBuffers(long samples, long lastCount, long lastMemoryUsedBytes, long maxMemoryUsedBytes,
                                long lastTotalCapacityBytes, long maxTotalCapacityBytes) {
    }
}
