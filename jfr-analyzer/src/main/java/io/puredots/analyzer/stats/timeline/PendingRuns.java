package io.puredots.analyzer.stats.timeline;

import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;

import java.util.Arrays;

/**
 * The job runs of ticks whose frame has not come yet, in parallel arrays with no object per run:
 * most runs buffered here are dropped as soon as their frame turns out not to be slow. Each tick's
 * runs are a list linked through the arrays; the slots of dropped ticks are reclaimed by compacting
 * when the arrays are full. Memory: O(most live runs). Not thread-safe.
 */
final class PendingRuns {
    private long[] starts = new long[0];
    private long[] durations = new long[0];
    private int[] batches = new int[0];
    private int[] next = new int[0];
    private String[] threads = new String[0];
    private String[] jobs = new String[0];
    /** Slots handed out; those of removed ticks are garbage until {@link #compact}. */
    private int used;
    /** Slots in some tick's list. */
    private int live;
    private final Long2ObjectOpenHashMap<Tick> ticks = new Long2ObjectOpenHashMap<>();

    /** One tick's runs: a list through the arrays, and the runs not kept. */
    static final class Tick {
        private int head = -1;
        private int tail = -1;
        private int count;
        long dropped;
        /** Its runs were given up for room: later ones are dropped too. */
        boolean evicted;

        int count() {
            return count;
        }
    }

    /** Receives the runs of a tick in the order they were added. */
    interface RunConsumer {
        void run(String thread, String job, int batchIndex, long startNanos, long durationNanos);
    }

    /** Runs in all lists. */
    int live() {
        return live;
    }

    boolean isEmpty() {
        return ticks.isEmpty();
    }

    /** The runs of {@code tick}, made empty if absent. */
    Tick tick(long tick) {
        Tick t = ticks.get(tick);
        if (t == null) {
            t = new Tick();
            ticks.put(tick, t);
        }
        return t;
    }

    /** Adds a run to {@code t} (from {@link #tick}), or counts it dropped beyond {@code cap} runs or once evicted. */
    void add(Tick t, String thread, String job, int batchIndex, long startNanos, long durationNanos, int cap) {
        if (t.evicted || t.count >= cap) {
            t.dropped++;
            return;
        }
        int s = slot();
        threads[s] = thread;
        jobs[s] = job;
        batches[s] = batchIndex;
        starts[s] = startNanos;
        durations[s] = durationNanos;
        next[s] = -1;
        if (t.tail < 0) {
            t.head = s;
        } else {
            next[t.tail] = s;
        }
        t.tail = s;
        t.count++;
        live++;
    }

    /** Hands {@code t}'s runs to {@code to}, in order; before any later {@link #add}. */
    void forEach(Tick t, RunConsumer to) {
        for (int s = t.head; s >= 0; s = next[s]) {
            to.run(threads[s], jobs[s], batches[s], starts[s], durations[s]);
        }
    }

    /** Removes {@code tick}'s runs and returns them (null if none); read them before any later {@link #add}. */
    Tick remove(long tick) {
        Tick t = ticks.remove(tick);
        if (t != null) {
            live -= t.count;
        }
        return t;
    }

    /** Gives up the runs of the lowest tick that holds some (counted dropped); only when {@link #live} > 0. */
    void evictLowest() {
        long lowest = Long.MAX_VALUE;
        for (Long2ObjectMap.Entry<Tick> e : ticks.long2ObjectEntrySet()) {
            if (e.getValue().count > 0 && e.getLongKey() < lowest) {
                lowest = e.getLongKey();
            }
        }
        Tick t = ticks.get(lowest);
        live -= t.count;
        t.dropped += t.count;
        t.count = 0;
        t.head = -1;
        t.tail = -1;
        t.evicted = true;
    }

    /** Every tick with its runs (for draining at the chunk's end). */
    Long2ObjectOpenHashMap<Tick> ticks() {
        return ticks;
    }

    private int slot() {
        if (used == starts.length) {
            if (live > 0 && live <= starts.length / 2) {
                compact();
            } else {
                grow(Math.max(64, 2 * starts.length));
            }
        }
        return used++;
    }

    private void grow(int n) {
        starts = Arrays.copyOf(starts, n);
        durations = Arrays.copyOf(durations, n);
        batches = Arrays.copyOf(batches, n);
        next = Arrays.copyOf(next, n);
        threads = Arrays.copyOf(threads, n);
        jobs = Arrays.copyOf(jobs, n);
    }

    /** Moves every listed run to the front, in place: a run's new slot is never after its old one. */
    private void compact() {
        int[] order = new int[live];
        int n = 0;
        boolean[] listed = new boolean[used];
        for (Tick t : ticks.values()) {
            for (int s = t.head; s >= 0; s = next[s]) {
                listed[s] = true;
            }
        }
        int[] moved = new int[used];
        for (int s = 0; s < used; s++) {
            if (listed[s]) {
                moved[s] = n;
                order[n++] = s;
            }
        }
        for (int i = 0; i < n; i++) {
            int s = order[i];
            threads[i] = threads[s];
            jobs[i] = jobs[s];
            batches[i] = batches[s];
            starts[i] = starts[s];
            durations[i] = durations[s];
            next[i] = next[s] < 0 ? -1 : moved[next[s]];
        }
        Arrays.fill(threads, n, used, null);
        Arrays.fill(jobs, n, used, null);
        for (Tick t : ticks.values()) {
            if (t.head >= 0) {
                t.head = moved[t.head];
                t.tail = moved[t.tail];
            }
        }
        used = n;
    }
}
