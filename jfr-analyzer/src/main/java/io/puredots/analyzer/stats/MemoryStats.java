package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Heap after GC, native containers, entity counts and the direct buffer pool of one chunk.
 * Mergeable in chunk order. Not thread-safe.
 */
final class MemoryStats {
    static final String AFTER_GC = "After GC";

    private final Dist heapAfterGc = new Dist();
    private long lastHeapAfterGc;
    private final LatestSum nativeTotal = new LatestSum();
    private final LatestSum entities = new LatestSum();
    private final Map<String, long[]> containers = new LinkedHashMap<>(); // key -> owner/kind via names map
    private final Map<String, String[]> containerNames = new LinkedHashMap<>();
    private long directSamples;
    private long dirLastCount;
    private long dirLastUsed;
    private long dirMaxUsed;
    private long dirLastCapacity;
    private long dirMaxCapacity;

    void gcHeapSummary(String when, long heapUsedBytes) {
        if (AFTER_GC.equals(when)) {
            heapAfterGc.record(heapUsedBytes);
            lastHeapAfterGc = heapUsedBytes;
        }
    }

    void nativeMemory(String owner, String kind, long reserved, long used) {
        String key = owner + '\u0000' + kind;
        nativeTotal.add(key, reserved, used);
        long[] c = containers.get(key);
        if (c == null) {
            c = new long[] {0, Long.MIN_VALUE, 0, Long.MIN_VALUE};
            containers.put(key, c);
            containerNames.put(key, new String[] {owner, kind});
        }
        c[0] = reserved;
        c[1] = Math.max(c[1], reserved);
        c[2] = used;
        c[3] = Math.max(c[3], used);
    }

    void entityCount(String archetype, long count) {
        entities.add(archetype, count, 0);
    }

    void directBuffers(long count, long capacity, long used) {
        directSamples++;
        dirLastCount = count;
        dirLastUsed = used;
        dirMaxUsed = directSamples == 1 ? used : Math.max(dirMaxUsed, used);
        dirLastCapacity = capacity;
        dirMaxCapacity = directSamples == 1 ? capacity : Math.max(dirMaxCapacity, capacity);
    }

    void merge(MemoryStats next) {
        heapAfterGc.add(next.heapAfterGc);
        if (next.heapAfterGc.count() > 0) {
            lastHeapAfterGc = next.lastHeapAfterGc;
        }
        nativeTotal.merge(next.nativeTotal);
        entities.merge(next.entities);
        for (Map.Entry<String, long[]> e : next.containers.entrySet()) {
            long[] n = e.getValue();
            long[] c = containers.get(e.getKey());
            if (c == null) {
                containers.put(e.getKey(), n);
                containerNames.put(e.getKey(), next.containerNames.get(e.getKey()));
            } else {
                c[0] = n[0];
                c[1] = Math.max(c[1], n[1]);
                c[2] = n[2];
                c[3] = Math.max(c[3], n[3]);
            }
        }
        if (next.directSamples > 0) {
            dirMaxUsed = directSamples == 0 ? next.dirMaxUsed : Math.max(dirMaxUsed, next.dirMaxUsed);
            dirMaxCapacity = directSamples == 0 ? next.dirMaxCapacity : Math.max(dirMaxCapacity, next.dirMaxCapacity);
            directSamples += next.directSamples;
            dirLastCount = next.dirLastCount;
            dirLastUsed = next.dirLastUsed;
            dirLastCapacity = next.dirLastCapacity;
        }
    }

    /** Largest live entity count from {@code puredots.EntityCount} (sum of each archetype's latest count); 0 when none. */
    long maxEntitiesFromCounts() {
        return entities.peak0();
    }

    Memory toModel(long frameMaxEntities) {
        Memory.NativeMemory nat = null;
        if (!containers.isEmpty()) {
            long maxEntities = Math.max(frameMaxEntities, maxEntitiesFromCounts());
            List<Memory.Container> list = new ArrayList<>();
            for (Map.Entry<String, long[]> e : containers.entrySet()) {
                String[] names = containerNames.get(e.getKey());
                long[] c = e.getValue();
                list.add(new Memory.Container(names[0], names[1], c[0], c[1], c[2], c[3]));
            }
            long peak = nativeTotal.peak0();
            nat = new Memory.NativeMemory(nativeTotal.samples(), peak, nativeTotal.last0(), nativeTotal.peak1(),
                    maxEntities, maxEntities > 0 ? (double) peak / maxEntities : 0, list);
        }
        Memory.DirectBuffers dir = directSamples == 0 ? null
                : new Memory.DirectBuffers(directSamples, dirLastCount, dirLastUsed, dirMaxUsed, dirLastCapacity,
                        dirMaxCapacity);
        return new Memory(heapAfterGc.summary(), lastHeapAfterGc, nat, dir);
    }
}
