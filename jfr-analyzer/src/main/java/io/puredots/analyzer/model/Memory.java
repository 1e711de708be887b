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
     * Native containers ({@code puredots.NativeMemory}). The total at a sample is the sum over
     * every (owner, kind) of its latest sample.
     *
     * @param samples             {@code puredots.NativeMemory} events
     * @param peakReservedBytes   largest total reserved
     * @param lastReservedBytes   total reserved at the last sample
     * @param peakUsedBytes       largest total used
     * @param maxEntities         most live entities seen: the largest sum over archetypes of their latest
     *                            {@code puredots.EntityCount}, or the largest {@code Frame.entityCount}
     * @param bytesPerEntity      {@code peakReservedBytes / maxEntities}; 0 without entities
     * @param containers          per owner and container kind
     */
    public record NativeMemory(long samples, long peakReservedBytes, long lastReservedBytes, long peakUsedBytes,
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
