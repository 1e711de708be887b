package io.puredots.analyzer.stats.attribution;

import io.puredots.analyzer.stats.IndexSort;

/**
 * One chunk's frames as sorted time spans, each marked over the budget or not: which frame a
 * sample taken at a given time fell in. Frames are sequential on the main thread, so the spans
 * do not overlap. Immutable once built.
 */
final class FrameSpans {
    static final FrameSpans NONE = new FrameSpans(new long[0], new long[0], new boolean[0]);

    private final long[] start;
    private final long[] end;
    private final boolean[] over;

    private FrameSpans(long[] start, long[] end, boolean[] over) {
        this.start = start;
        this.end = end;
        this.over = over;
    }

    /** The first {@code n} frames of the columns; over means longer than {@code budgetNanos} (if {@code > 0}). */
    static FrameSpans of(long[] fStart, long[] fDuration, int n, long budgetNanos) {
        int[] order = IndexSort.ascending(fStart, n);
        long[] s = new long[n];
        long[] e = new long[n];
        boolean[] o = new boolean[n];
        for (int i = 0; i < n; i++) {
            int f = order[i];
            s[i] = fStart[f];
            e[i] = fStart[f] + fDuration[f];
            o[i] = budgetNanos > 0 && fDuration[f] > budgetNanos;
        }
        return new FrameSpans(s, e, o);
    }

    /** Index of the frame whose span {@code [start, end)} holds {@code t}, or -1. */
    int frameAt(long t) {
        int lo = 0;
        int hi = start.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found >= 0 && t < end[found] ? found : -1;
    }

    boolean over(int frame) {
        return over[frame];
    }

    boolean isEmpty() {
        return start.length == 0;
    }

    /** Whether {@code t} is before the last frame's end (false without frames): no later frame can hold it. */
    boolean beforeLastEnd(long t) {
        return start.length > 0 && t < end[end.length - 1];
    }

    /** Whether {@code t} is before the first frame (false without frames). */
    boolean beforeFirst(long t) {
        return start.length > 0 && t < start[0];
    }

    /** Whether {@code t} is before the first frame or at or after the last one's end (a neighbour's frame may hold it). */
    boolean outside(long t) {
        return start.length == 0 || t < start[0] || t >= end[end.length - 1];
    }
}
