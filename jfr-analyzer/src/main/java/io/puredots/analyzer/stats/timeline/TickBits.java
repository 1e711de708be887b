package io.puredots.analyzer.stats.timeline;

import java.util.Arrays;

/**
 * A set of ticks as one bit per tick between the smallest and the largest added, growing at
 * either end: ticks within a chunk are nearly consecutive, so a chunk's frames cost about one bit
 * each. Not thread-safe.
 */
final class TickBits {
    private long[] words = new long[0];
    /** Tick of bit 0 of {@code words[0]}; a multiple of 64. */
    private long base;

    void add(long tick) {
        long aligned = tick & ~63L;
        if (words.length == 0) {
            base = aligned;
            words = new long[4];
        } else if (aligned < base) {
            int shift = (int) ((base - aligned) >> 6);
            int grow = Math.max(shift, words.length);
            long[] w = new long[words.length + grow];
            System.arraycopy(words, 0, w, grow, words.length);
            words = w;
            base -= (long) grow << 6;
        }
        long word = (tick - base) >> 6;
        if (word >= words.length) {
            words = Arrays.copyOf(words, (int) Math.max(word + 1, 2L * words.length));
        }
        words[(int) word] |= 1L << (tick & 63);
    }

    boolean contains(long tick) {
        if (words.length == 0 || tick < base) {
            return false;
        }
        long word = (tick - base) >> 6;
        return word < words.length && (words[(int) word] & 1L << (tick & 63)) != 0;
    }
}
