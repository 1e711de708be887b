package io.puredots.analyzer.stats.timeline;

import io.puredots.analyzer.model.timeline.MemorySeries;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Heap, native memory and entity counts over time, each in {@link TimeBuckets}. A chunk's partial
 * buffers its samples (periodic or per GC, a few per second: bounded by one chunk), and
 * {@link #merge} replays them in start time order into the total's buckets. Native memory and
 * entity counts are sampled per container or archetype, and their series is the total (at each
 * sample, the sum over keys of each key's latest sample), replayed onto the latest values of every
 * earlier chunk, the way the report's native peak is computed. Only the total holds buckets.
 *
 * <pre>{@code
 * MemoryTimeline total = new MemoryTimeline(2000);
 * for each chunk, in chunk order: total.merge(partialOfThatChunk);
 * List<MemorySeries> series = total.series(origin);
 * }</pre>
 *
 * <p>Not thread-safe.
 */
final class MemoryTimeline {
    static final String HEAP_USED = "heap.used";
    static final String HEAP_AFTER_GC = "heap.after-gc";
    static final String NATIVE_RESERVED = "native.reserved";
    static final String NATIVE_USED = "native.used";
    static final String ENTITIES = "entities";
    private static final String AFTER_GC = "After GC";

    private final int capacity;
    // the total's buckets, made at the first merge
    private TimeBuckets heapUsed;
    private TimeBuckets heapAfterGc;
    private TimeBuckets nativeReserved;
    private TimeBuckets nativeUsed;
    private TimeBuckets entities;

    // this chunk's samples, in file order
    private List<Sample> heapSamples = new ArrayList<>();
    private List<Sample> nativeSamples = new ArrayList<>();
    private List<Sample> entitySamples = new ArrayList<>();

    // the run so far (in a total): every key's latest values and their sums
    private final Map<String, long[]> latestNative = new HashMap<>();
    private final Map<String, long[]> latestEntities = new HashMap<>();
    private final long[] nativeSums = new long[2];
    private final long[] entitySums = new long[2];

    private record Sample(long start, String key, long v0, long v1) {
    }

    /** @param capacity most time buckets per series, at least 2 */
    MemoryTimeline(int capacity) {
        this.capacity = capacity;
    }

    /** {@code jdk.GCHeapSummary}: {@code when} is "Before GC" or "After GC". */
    void gcHeapSummary(long startNanos, String when, long heapUsedBytes) {
        heapSamples.add(new Sample(startNanos, AFTER_GC.equals(when) ? AFTER_GC : "", heapUsedBytes, 0));
    }

    void nativeMemory(long startNanos, String owner, String containerKind, long bytesReserved, long bytesUsed) {
        nativeSamples.add(new Sample(startNanos, owner + '\u0000' + containerKind, bytesReserved, bytesUsed));
    }

    void entityCount(long startNanos, String archetype, long count) {
        entitySamples.add(new Sample(startNanos, archetype, count, 0));
    }

    /** Takes in the partial of the chunk after every chunk merged so far; {@code next} is spent. */
    void merge(MemoryTimeline next) {
        replayOwn();
        replay(next);
        next.heapSamples = null;
        next.nativeSamples = null;
        next.entitySamples = null;
    }

    /**
     * Samples this object took itself (it read a chunk rather than only merging): the first
     * chunk's. Makes the buckets on the first call.
     */
    private void replayOwn() {
        if (heapUsed == null) {
            heapUsed = new TimeBuckets(capacity);
            heapAfterGc = new TimeBuckets(capacity);
            nativeReserved = new TimeBuckets(capacity);
            nativeUsed = new TimeBuckets(capacity);
            entities = new TimeBuckets(capacity);
        }
        replay(this);
        heapSamples = new ArrayList<>();
        nativeSamples = new ArrayList<>();
        entitySamples = new ArrayList<>();
    }

    private void replay(MemoryTimeline from) {
        List<Sample> heap = from.heapSamples;
        heap.sort((a, b) -> Long.compare(a.start(), b.start()));
        for (Sample s : heap) {
            heapUsed.add(s.start(), s.v0());
            if (AFTER_GC.equals(s.key())) {
                heapAfterGc.add(s.start(), s.v0());
            }
        }
        replay(from.nativeSamples, latestNative, nativeSums, nativeReserved, nativeUsed);
        replay(from.entitySamples, latestEntities, entitySums, entities, null);
    }

    private static void replay(List<Sample> samples, Map<String, long[]> latest, long[] sums, TimeBuckets first,
                               TimeBuckets second) {
        samples.sort((a, b) -> Long.compare(a.start(), b.start()));
        for (Sample s : samples) {
            long[] old = latest.get(s.key());
            if (old == null) {
                latest.put(s.key(), new long[] {s.v0(), s.v1()});
                sums[0] += s.v0();
                sums[1] += s.v1();
            } else {
                sums[0] += s.v0() - old[0];
                sums[1] += s.v1() - old[1];
                old[0] = s.v0();
                old[1] = s.v1();
            }
            first.add(s.start(), sums[0]);
            if (second != null) {
                second.add(s.start(), sums[1]);
            }
        }
    }

    /** The series that have samples, offsets from {@code originNanos}; call after the last merge. */
    List<MemorySeries> series(long originNanos) {
        replayOwn();
        List<MemorySeries> out = new ArrayList<>();
        add(out, HEAP_USED, "bytes", heapUsed, originNanos);
        add(out, HEAP_AFTER_GC, "bytes", heapAfterGc, originNanos);
        add(out, NATIVE_RESERVED, "bytes", nativeReserved, originNanos);
        add(out, NATIVE_USED, "bytes", nativeUsed, originNanos);
        add(out, ENTITIES, "count", entities, originNanos);
        return out;
    }

    private static void add(List<MemorySeries> out, String id, String unit, TimeBuckets b, long originNanos) {
        if (!b.isEmpty()) {
            out.add(new MemorySeries(id, unit, b.points(originNanos)));
        }
    }
}
