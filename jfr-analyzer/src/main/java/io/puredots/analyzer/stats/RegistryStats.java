package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Registry;

/**
 * One registry in one chunk. Mergeable in chunk order. Not thread-safe.
 */
final class RegistryStats {
    private final String name;
    private final DistributionRecorder updateTime;
    private long minEntries = Long.MAX_VALUE;
    private long maxEntries = Long.MIN_VALUE;
    private long lastEntries;
    private long lastTick = Long.MIN_VALUE;
    private long lastStart = Long.MIN_VALUE;
    private long adds;
    private long removes;
    private long changes;

    RegistryStats(String name, Recycler recycler) {
        this.updateTime = new DistributionRecorder(recycler);
        this.name = name;
    }

    /** One update; "last" is the update with the highest tick (then the latest start), whatever the arrival order. */
    void update(long startNanos, long tick, long durationNanos, int entryCount, int added, int removed, int changed) {
        updateTime.record(durationNanos);
        minEntries = Math.min(minEntries, entryCount);
        maxEntries = Math.max(maxEntries, entryCount);
        if (tick > lastTick || (tick == lastTick && startNanos >= lastStart)) {
            lastTick = tick;
            lastStart = startNanos;
            lastEntries = entryCount;
        }
        adds += added;
        removes += removed;
        changes += changed;
    }

    void merge(RegistryStats next) {
        if (next.updateTime.count() == 0) {
            return;
        }
        updateTime.add(next.updateTime);
        minEntries = Math.min(minEntries, next.minEntries);
        maxEntries = Math.max(maxEntries, next.maxEntries);
        if (next.lastTick > lastTick || (next.lastTick == lastTick && next.lastStart >= lastStart)) {
            lastTick = next.lastTick;
            lastStart = next.lastStart;
            lastEntries = next.lastEntries;
        }
        adds += next.adds;
        removes += next.removes;
        changes += next.changes;
    }

    /** No update recorded. */
    boolean isEmpty() {
        return updateTime.count() == 0;
    }

    String name() {
        return name;
    }

    Registry toModel(long frames) {
        long n = updateTime.count();
        return new Registry(name, n, frames > 0 ? (double) n / frames : 0, n == 0 ? 0 : minEntries,
                n == 0 ? 0 : maxEntries, lastEntries, adds, removes, changes, updateTime.summary());
    }
}
