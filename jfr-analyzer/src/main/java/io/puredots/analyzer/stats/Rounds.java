package io.puredots.analyzer.stats;

import java.util.HashMap;
import java.util.Map;

/**
 * Periodic samples grouped into rounds: one sample per key (for example per owner and container
 * kind) per period; a round ends when a key repeats. Keeps the peak and the last round total,
 * exactly across chunk boundaries: the first and the current round of a chunk stay open, and at
 * {@link #merge} the previous chunk's last round and the next chunk's first round are one round
 * when they share no key.
 *
 * <p>Each sample carries two values (for example bytes reserved and used); totals are summed per
 * value. Not thread-safe.
 */
public final class Rounds {
    private Map<String, long[]> head;   // first round of the partial, open
    private Map<String, long[]> tail;   // current round, open; == head while there is one round
    private long settled;
    private long peak0 = Long.MIN_VALUE;
    private long peak1 = Long.MIN_VALUE;
    private long last0;
    private long last1;
    private boolean finished;

    public void add(String key, long value0, long value1) {
        if (head == null) {
            head = new HashMap<>();
            tail = head;
        } else if (tail.containsKey(key)) {
            if (tail != head) {
                settle(tail);
            }
            tail = new HashMap<>();
        }
        tail.put(key, new long[] {value0, value1});
    }

    private void settle(Map<String, long[]> round) {
        long s0 = 0;
        long s1 = 0;
        for (long[] v : round.values()) {
            s0 += v[0];
            s1 += v[1];
        }
        settled++;
        peak0 = Math.max(peak0, s0);
        peak1 = Math.max(peak1, s1);
        last0 = s0;
        last1 = s1;
    }

    /** Merges the partial of the chunk that follows this one; {@code next} is not used afterwards. */
    public void merge(Rounds next) {
        if (next.head == null) {
            return;
        }
        if (head == null) {
            head = next.head;
            tail = next.tail;
            takeSettled(next);
            return;
        }
        // order: head, settled, [tail], next.head, next.settled, [next.tail]
        Map<String, long[]> x = next.head;
        boolean joined = disjoint(tail, x);
        if (joined) {
            tail.putAll(x);
            x = tail;
        } else if (tail != head) {
            settle(tail);
        }
        if (next.tail != next.head) {
            if (x != head) {
                settle(x);
            }
            takeSettled(next);
            tail = next.tail;
        } else {
            tail = x;
        }
    }

    private static boolean disjoint(Map<String, long[]> a, Map<String, long[]> b) {
        for (String k : b.keySet()) {
            if (a.containsKey(k)) {
                return false;
            }
        }
        return true;
    }

    private void takeSettled(Rounds next) {
        if (next.settled > 0) {
            settled += next.settled;
            peak0 = Math.max(peak0, next.peak0);
            peak1 = Math.max(peak1, next.peak1);
            last0 = next.last0;
            last1 = next.last1;
        }
    }

    /** Settles the open rounds; call once, after the last merge. */
    public Rounds finish() {
        if (finished || head == null) {
            finished = true;
            return this;
        }
        finished = true;
        settle(head);
        if (tail != head) {
            settle(tail);
        }
        return this;
    }

    public long rounds() {
        return settled;
    }

    public long peak0() {
        return settled == 0 ? 0 : peak0;
    }

    public long peak1() {
        return settled == 0 ? 0 : peak1;
    }

    public long last0() {
        return last0;
    }

    public long last1() {
        return last1;
    }
}
