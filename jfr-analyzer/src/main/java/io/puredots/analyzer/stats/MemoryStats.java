package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Heap after GC, native containers, entity counts and the direct buffer pool of one chunk.
 * Mergeable in chunk order. Not thread-safe.
 *
 * <p>Periodic samples can be out of order within a chunk (see {@link TickSeries}), so a chunk's
 * native memory and entity count samples are buffered (a few per second; bounded by one chunk)
 * and replayed in start time order at {@link #seal}; "last" values are the ones with the latest
 * start time.
 */
final class MemoryStats {
    static final String AFTER_GC = "After GC";

    private final DistributionRecorder heapAfterGc = new DistributionRecorder();
    private long lastHeapAfterGc;
    private long lastHeapStart = Long.MIN_VALUE;
    private final LatestSum nativeTotal = new LatestSum();
    private final LatestSum entities = new LatestSum();
    private final Map<String, long[]> containers = new LinkedHashMap<>(); // key -> last/max reserved, last/max used
    private final Map<String, String[]> containerNames = new LinkedHashMap<>();
    private List<Sample> nativeBuffer = new ArrayList<>();
    private List<Sample> entityBuffer = new ArrayList<>();
    private long directSamples;
    private long dirLastStart = Long.MIN_VALUE;
    private long dirLastCount;
    private long dirLastUsed;
    private long dirMaxUsed;
    private long dirLastCapacity;
    private long dirMaxCapacity;

    private record Sample(long start, String owner, String kind, long v0, long v1) {
    }

    void gcHeapSummary(long startNanos, String when, long heapUsedBytes) {
        if (AFTER_GC.equals(when)) {
            heapAfterGc.record(heapUsedBytes);
            if (startNanos >= lastHeapStart) {
                lastHeapStart = startNanos;
                lastHeapAfterGc = heapUsedBytes;
            }
        }
    }

    void nativeMemory(long startNanos, String owner, String kind, long reserved, long used) {
        nativeBuffer.add(new Sample(startNanos, owner, kind, reserved, used));
    }

    void entityCount(long startNanos, String archetype, long count) {
        entityBuffer.add(new Sample(startNanos, archetype, "", count, 0));
    }

    void directBuffers(long startNanos, long count, long capacity, long used) {
        directSamples++;
        if (startNanos >= dirLastStart) {
            dirLastStart = startNanos;
            dirLastCount = count;
            dirLastUsed = used;
            dirLastCapacity = capacity;
        }
        dirMaxUsed = directSamples == 1 ? used : Math.max(dirMaxUsed, used);
        dirMaxCapacity = directSamples == 1 ? capacity : Math.max(dirMaxCapacity, capacity);
    }

    /** Replays the buffered samples in start time order; idempotent. */
    void seal() {
        if (nativeBuffer == null) {
            return;
        }
        nativeBuffer.sort((a, b) -> Long.compare(a.start(), b.start()));
        for (Sample s : nativeBuffer) {
            String key = s.owner() + '\u0000' + s.kind();
            nativeTotal.add(key, s.v0(), s.v1());
            long[] c = containers.get(key);
            if (c == null) {
                c = new long[] {0, Long.MIN_VALUE, 0, Long.MIN_VALUE};
                containers.put(key, c);
                containerNames.put(key, new String[] {s.owner(), s.kind()});
            }
            c[0] = s.v0();
            c[1] = Math.max(c[1], s.v0());
            c[2] = s.v1();
            c[3] = Math.max(c[3], s.v1());
        }
        entityBuffer.sort((a, b) -> Long.compare(a.start(), b.start()));
        for (Sample s : entityBuffer) {
            entities.add(s.owner(), s.v0(), 0);
        }
        nativeBuffer = null;
        entityBuffer = null;
    }

    void merge(MemoryStats next) {
        seal();
        next.seal();
        heapAfterGc.add(next.heapAfterGc);
        if (next.heapAfterGc.count() > 0 && next.lastHeapStart >= lastHeapStart) {
            lastHeapStart = next.lastHeapStart;
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
            if (next.dirLastStart >= dirLastStart) {
                dirLastStart = next.dirLastStart;
                dirLastCount = next.dirLastCount;
                dirLastUsed = next.dirLastUsed;
                dirLastCapacity = next.dirLastCapacity;
            }
        }
    }

    Memory toModel(long frameMaxEntities) {
        seal();
        Memory.NativeMemory nat = null;
        if (!containers.isEmpty()) {
            long maxEntities = Math.max(frameMaxEntities, entities.peak0());
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
