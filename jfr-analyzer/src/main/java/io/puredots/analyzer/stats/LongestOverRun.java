package io.puredots.analyzer.stats;

/**
 * Longest run of consecutive over-budget ticks in a tick-ordered sequence, in a form that
 * concatenates: two partial sequences (for example from consecutive chunks) combine into the
 * exact result for the whole. Ticks are consecutive when their numbers differ by exactly 1; a
 * missing tick breaks a run.
 *
 * <pre>{@code
 * ticks   10 11 12 13 14 | 15 16 17 18
 * over     x  x  .  x  x |  x  .  x  x
 * lead=2 trail=2 max=2   | lead=1 trail=2 max=2
 * concat: lead=2 trail=2 max=3 (13,14,15)
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class LongestOverRun {
    private boolean empty = true;
    private long first;
    private long last;
    private long lead;
    private long trail;
    private long max;

    /** Appends one tick after every tick added so far. */
    public void add(long tick, boolean over) {
        long n = over ? 1 : 0;
        append(tick, tick, n, n, n);
    }

    /**
     * {@link #add} of a tick after at least one tick, with no branch: {@code over} is 0 or 1.
     * The same state as {@code add(tick, over == 1)}; branch-free so that over-budget ticks, rare
     * in most series, cost no mispredicted branch in the per-tick loop.
     */
    void next(long tick, long over) {
        long d = tick - last - 1;
        long adjacent = ~((d | -d) >> 63);              // -1 if tick == last + 1, else 0
        long f = lead - (last - first + 1);
        long full = ~((f | -f) >> 63);                  // -1 if every tick so far is over
        max = Math.max(max, Math.max(over, (trail + over) & adjacent));
        lead += over & full & adjacent;
        trail = over * ((trail & adjacent) + 1);
        last = tick;
    }

    /** Appends a whole sequence that follows this one. */
    public void append(LongestOverRun other) {
        if (!other.empty) {
            append(other.first, other.last, other.lead, other.trail, other.max);
        }
    }

    /** Appends a non-empty sequence given by its first and last tick, lead, trail and longest run. */
    private void append(long oFirst, long oLast, long oLead, long oTrail, long oMax) {
        if (empty) {
            empty = false;
            first = oFirst;
            last = oLast;
            lead = oLead;
            trail = oTrail;
            max = oMax;
            return;
        }
        boolean adjacent = oFirst == last + 1;
        boolean thisFull = lead == last - first + 1;
        boolean otherFull = oLead == oLast - oFirst + 1;
        long join = adjacent ? trail + oLead : 0;
        long newLead = thisFull && adjacent ? lead + oLead : lead;
        long newTrail = otherFull && adjacent ? trail + oTrail : oTrail;
        max = Math.max(Math.max(max, oMax), join);
        lead = newLead;
        trail = newTrail;
        last = oLast;
    }

    /** Longest run of consecutive over-budget ticks; 0 when none. */
    public long longest() {
        return empty ? 0 : max;
    }
}
