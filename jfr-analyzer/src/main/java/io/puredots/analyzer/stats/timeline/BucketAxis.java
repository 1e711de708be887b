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

    /**
     * The level at which this axis's keys and {@code next}'s fit together: both holders raise to
     * it, then this one takes in {@code next}'s range ({@link #include(BucketAxis)}) and slots.
     */
    int mergeLevel(BucketAxis next) {
        return Math.max(levelFor(next.lo, next.hi), next.level);
    }

    /** Takes {@code other}'s range into this one's (see {@link #mergeLevel}). */
    void include(BucketAxis other) {
        include(other.lo, other.hi);
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

    /** The slots of the buckets in use, in bucket order; none when empty. */
    int[] slots() {
        return raisedSlots(0);
    }

    /**
     * For each slot of {@link #slots}, in the same order, the slot its bucket falls into
     * {@code shift} levels higher (where holders move it before {@link #raise}).
     */
    int[] raisedSlots(int shift) {
        if (isEmpty()) {
            return new int[0];
        }
        long first = firstBucket();
        int[] out = new int[(int) (lastBucket() - first + 1)];
        for (int i = 0; i < out.length; i++) {
            out[i] = slot((first + i) >> shift);
        }
        return out;
    }

    /** The slot of bucket {@code bucket} (at any level): its index modulo the capacity. */
    int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) capacity);
    }
}
