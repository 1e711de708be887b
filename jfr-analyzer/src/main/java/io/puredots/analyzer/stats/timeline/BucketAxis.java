package io.puredots.analyzer.stats.timeline;

/**
 * The buckets that cover every key seen (ticks, or times in ns) with at most {@code capacity}
 * buckets: bucket {@code key >> level} holds the aligned range of {@code 2^level} keys, and the
 * level is the smallest at which the keys' range fits. Holders keep one slot per bucket
 * ({@link #slot}) and move their slots when the level rises ({@link #levelFor}).
 *
 * <p>The level depends only on the smallest and largest key, and buckets are aligned to absolute
 * keys, so partials over parts of the same keys, merged at the higher level of the two, end at
 * the buckets a single pass makes: downsampling never depends on how the input was split. A
 * bucket's slot is its index modulo {@code capacity}, distinct for every bucket in the range.
 *
 * <p>Not thread-safe.
 */
final class BucketAxis {
    private final int capacity;
    private int level;
    private long lo = Long.MAX_VALUE;
    private long hi = Long.MIN_VALUE;

    /** @param capacity most buckets, at least 2 */
    BucketAxis(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity < 2: " + capacity);
        }
        this.capacity = capacity;
    }

    int capacity() {
        return capacity;
    }

    int level() {
        return level;
    }

    boolean isEmpty() {
        return lo > hi;
    }

    long lo() {
        return lo;
    }

    long hi() {
        return hi;
    }

    /** Index of the first bucket in use; only when not empty. */
    long firstBucket() {
        return lo >> level;
    }

    /** Index of the last bucket in use; only when not empty. */
    long lastBucket() {
        return hi >> level;
    }

    /** The smallest level, not below the current one, at which the keys seen and {@code [a, b]} fit. */
    int levelFor(long a, long b) {
        long l = Math.min(lo, a);
        long h = Math.max(hi, b);
        int k = level;
        while ((h >> k) - (l >> k) + 1 > capacity) {
            k++;
        }
        return k;
    }

    /** Takes {@code [a, b]} into the range; the level must already fit it ({@link #levelFor}). */
    void include(long a, long b) {
        lo = Math.min(lo, a);
        hi = Math.max(hi, b);
    }

    /** Sets a higher level; the holder has already moved its slots to it. */
    void raise(int newLevel) {
        if (newLevel < level) {
            throw new IllegalArgumentException("level " + newLevel + " below " + level);
        }
        level = newLevel;
    }

    /** The slot of bucket {@code bucket} (at any level): its index modulo the capacity. */
    int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) capacity);
    }
}
