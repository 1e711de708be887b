package io.puredots.analyzer.stats.timeline;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

import java.util.Arrays;

/**
 * A set of ticks as one bit per tick between the smallest and the largest added, growing at
 * either end: ticks within a chunk are nearly consecutive, so a chunk's frames cost about one bit
 * each. Ticks spread wider than {@link #MAX_WORDS} words apart (not a game's consecutive ticks)
 * go to a hash set instead, so that no tick value can make the bits huge. Not thread-safe.
 */
final class TickBits {
    /** Most words of bits (64 ticks each) before falling back to a hash set. */
    static final int MAX_WORDS = 1 << 16;

    private long[] words = new long[0];
    /** Word index ({@code tick >> 6}) of {@code words[0]}. */
    private long baseWord;
    /** Instead of the bits, once they would span more than {@link #MAX_WORDS}. */
    private LongOpenHashSet spread;

    void add(long tick) {
        if (spread != null) {
            spread.add(tick);
            return;
        }
        long w = tick >> 6;
        if (words.length == 0) {
            baseWord = w;
            words = new long[4];
        } else if (w < baseWord || w >= baseWord + words.length) {
            long lo = Math.min(baseWord, w);
            long hi = Math.max(baseWord + words.length - 1, w);
            if (hi - lo + 1 > MAX_WORDS) {
                toHashSet();
                spread.add(tick);
                return;
            }
            int span = (int) (hi - lo + 1);
            int size = Math.min(MAX_WORDS, Math.max(span, 2 * words.length));
            long[] grown = new long[size];
            long newBase = w < baseWord ? hi - size + 1 : lo;
            System.arraycopy(words, 0, grown, (int) (baseWord - newBase), words.length);
            words = grown;
            baseWord = newBase;
        }
        words[(int) (w - baseWord)] |= 1L << (tick & 63);
    }

    private void toHashSet() {
        spread = new LongOpenHashSet();
        for (int w = 0; w < words.length; w++) {
            for (long bits = words[w]; bits != 0; bits &= bits - 1) {
                spread.add(((baseWord + w) << 6) + Long.numberOfTrailingZeros(bits));
            }
        }
        words = new long[0];
    }

    boolean contains(long tick) {
        if (spread != null) {
            return spread.contains(tick);
        }
        long w = (tick >> 6) - baseWord;
        return w >= 0 && w < words.length && (words[(int) w] & 1L << (tick & 63)) != 0;
    }
}
