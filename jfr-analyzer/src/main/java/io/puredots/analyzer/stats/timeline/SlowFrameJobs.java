package io.puredots.analyzer.stats.timeline;

import io.puredots.analyzer.model.timeline.FrameJobs;
import it.unimi.dsi.fastutil.longs.Long2ObjectMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The job runs of the N slowest frames (longest first, the lower tick first on ties: the order of
 * the report's worst frames), at most {@code maxJobsPerFrame} runs each; the runs not kept are
 * counted.
 *
 * <p>Within a chunk, a frame's job runs come before or after its frame event (threads' buffers
 * are written out of order), and frames come in no order of slowness. So a partial keeps the runs
 * of its N slowest frames so far (the running top N), drops the runs of a tick whose frame was
 * seen and is not among them, and buffers the runs of ticks whose frame has not come yet
 * ("pending", in {@link PendingRuns}: no object per run, as most are dropped when their frame
 * comes), at most {@code maxPendingRuns} runs: beyond that, the pending tick with the lowest
 * number loses its runs (counted as dropped if its frame turns out slow).
 *
 * <pre>{@code
 * chunk k:   runs(t=7) frame(7) frame(9) runs(9) runs(12)   | pending: 12
 * chunk k+1: runs(12) frame(12) ...                          | 12's runs from both chunks
 * }</pre>
 *
 * <p>{@link #merge} in chunk order: the top N of both; a frame's runs from the neighbouring chunk's
 * pending runs; pending runs kept only for ticks after every frame seen. Memory: O(N x
 * maxJobsPerFrame + maxPendingRuns), and one bit per frame of the chunk being read. Not
 * thread-safe.
 */
final class SlowFrameJobs {
    private static final Comparator<Slow> SLOWEST_FIRST = (a, b) -> a.duration != b.duration
            ? Long.compare(b.duration, a.duration) : Long.compare(a.tick, b.tick);

    private final int slowest;
    private final int maxJobsPerFrame;
    private final int maxPendingRuns;

    /** The slowest frames so far, slowest first; at most {@code slowest}. */
    private List<Slow> top = new ArrayList<>();
    /** While reading a chunk: runs of ticks whose frame has not been seen yet. */
    private PendingRuns reading = new PendingRuns();
    /** After a merge: runs of ticks after every frame seen, whose frame may come in a later chunk. */
    private Long2ObjectOpenHashMap<Runs> pending = new Long2ObjectOpenHashMap<>();
    /** The frames this partial has seen (it drops the runs of those not among the slowest). */
    private TickBits seen = new TickBits();
    private long maxFrameTick = Long.MIN_VALUE;
    /**
     * Where the runs of {@link #lastTick} go: a slow frame's runs, a pending tick's, or neither
     * (dropped); a thread's runs come in runs of one tick. Valid until a frame event of that tick,
     * or one that pushes its frame out of the top.
     */
    private boolean hasLast;
    private long lastTick;
    private Runs lastSlow;
    private PendingRuns.Tick lastPending;

    /**
     * @param slowest          N, frames kept, {@code >= 0}
     * @param maxJobsPerFrame  most runs kept per frame, {@code >= 1}
     * @param maxPendingRuns   most runs buffered for frames not seen yet, {@code >= 1}
     */
    SlowFrameJobs(int slowest, int maxJobsPerFrame, int maxPendingRuns) {
        if (slowest < 0 || maxJobsPerFrame < 1 || maxPendingRuns < 1) {
            throw new IllegalArgumentException("slowest >= 0, maxJobsPerFrame >= 1, maxPendingRuns >= 1");
        }
        this.slowest = slowest;
        this.maxJobsPerFrame = maxJobsPerFrame;
        this.maxPendingRuns = maxPendingRuns;
    }

    /** One job run as the chart draws it. */
    private record JobRun(String thread, String job, int batchIndex, long startNanos, long durationNanos) {
    }

    /** A frame's runs, or a carried pending tick's; {@code evicted}: its runs were given up (counted dropped). */
    private static final class Runs {
        final List<JobRun> list = new ArrayList<>();
        long dropped;
        boolean evicted;

        void add(JobRun r, int cap) {
            if (evicted || list.size() >= cap) {
                dropped++;
            } else {
                list.add(r);
            }
        }

        /** Appends {@code later}'s runs within {@code cap}. */
        void append(Runs later, int cap) {
            dropped += later.dropped;
            evicted |= later.evicted;
            for (JobRun r : later.list) {
                if (list.size() < cap) {
                    list.add(r);
                } else {
                    dropped++;
                }
            }
        }
    }

    private static final class Slow {
        final long tick;
        final long start;
        final long duration;
        Runs runs;

        Slow(long tick, long start, long duration, Runs runs) {
            this.tick = tick;
            this.start = start;
            this.duration = duration;
            this.runs = runs;
        }
    }

    /** The runs of a pending tick as objects (the pending slots stay readable until the next add). */
    private static Runs materialize(PendingRuns store, PendingRuns.Tick t) {
        Runs r = new Runs();
        store.forEach(t, (thread, job, batch, start, duration) -> r.list.add(new JobRun(thread, job, batch, start,
                duration)));
        r.dropped = t.dropped;
        r.evicted = t.evicted;
        return r;
    }

    void frame(long tick, long startNanos, long durationNanos) {
        if (hasLast && lastTick == tick) {
            hasLast = false;
        }
        seen.add(tick);
        maxFrameTick = Math.max(maxFrameTick, tick);
        PendingRuns.Tick early = reading.remove(tick);
        int n = top.size();
        if (n == slowest && (n == 0 || !slower(durationNanos, tick, top.get(n - 1)))) {
            return; // not among the slowest: its runs are dropped
        }
        if (n == slowest) {
            Slow out = top.remove(n - 1);
            if (hasLast && lastSlow == out.runs) {
                hasLast = false;
            }
        }
        int i = top.size();
        while (i > 0 && slower(durationNanos, tick, top.get(i - 1))) {
            i--;
        }
        top.add(i, new Slow(tick, startNanos, durationNanos, early != null ? materialize(reading, early) : new Runs()));
    }

    /** Whether a frame of {@code durationNanos} at {@code tick} ranks before {@code s}. */
    private static boolean slower(long durationNanos, long tick, Slow s) {
        return durationNanos > s.duration || durationNanos == s.duration && tick < s.tick;
    }

    void jobRun(String thread, String job, int batchIndex, long tick, long startNanos, long durationNanos) {
        if (slowest == 0) {
            return;
        }
        if (!hasLast || lastTick != tick) {
            target(tick);
        }
        if (lastSlow != null) {
            lastSlow.add(new JobRun(thread, job, batchIndex, startNanos, durationNanos), maxJobsPerFrame);
        } else if (lastPending != null) {
            reading.add(lastPending, thread, job, batchIndex, startNanos, durationNanos, maxJobsPerFrame);
            while (reading.live() > maxPendingRuns) {
                reading.evictLowest();
            }
        }
    }

    /** Sets where the runs of {@code tick} go: its slow frame's, its pending runs (created), or nowhere. */
    private void target(long tick) {
        lastTick = tick;
        hasLast = true;
        lastSlow = null;
        lastPending = null;
        for (int i = 0; i < top.size(); i++) {
            if (top.get(i).tick == tick) {
                lastSlow = top.get(i).runs;
                return;
            }
        }
        if (!seen.contains(tick)) { // else its frame is not among the slowest, and never will be
            lastPending = reading.tick(tick);
        }
    }

    /** Moves the runs still pending at the chunk's end into {@link #pending}, as objects. */
    private void drainReading() {
        for (Long2ObjectMap.Entry<PendingRuns.Tick> e : reading.ticks().long2ObjectEntrySet()) {
            Runs r = materialize(reading, e.getValue());
            Runs mine = pending.get(e.getLongKey());
            if (mine == null) {
                pending.put(e.getLongKey(), r);
            } else {
                mine.append(r, maxJobsPerFrame);
            }
        }
        reading = new PendingRuns();
        hasLast = false;
    }

    /** Takes in the partial of the chunk after every chunk merged so far; {@code next} is spent. */
    void merge(SlowFrameJobs next) {
        drainReading();
        next.drainReading();
        for (Slow s : next.top) {
            Runs earlier = pending.remove(s.tick);
            if (earlier != null) {
                earlier.append(s.runs, maxJobsPerFrame);
                s.runs = earlier;
            }
        }
        for (Slow s : top) {
            Runs later = next.pending.remove(s.tick);
            if (later != null) {
                s.runs.append(later, maxJobsPerFrame);
            }
        }
        List<Slow> all = new ArrayList<>(top);
        all.addAll(next.top);
        all.sort(SLOWEST_FIRST);
        top = new ArrayList<>(all.subList(0, Math.min(slowest, all.size())));

        // pending runs whose frame can still come: ticks after every frame seen (ticks do not go
        // back across chunks)
        long frameTick = Math.max(maxFrameTick, next.maxFrameTick);
        Long2ObjectOpenHashMap<Runs> carried = new Long2ObjectOpenHashMap<>();
        long carriedRuns = 0;
        for (Long2ObjectOpenHashMap<Runs> from : List.of(pending, next.pending)) {
            for (Long2ObjectMap.Entry<Runs> e : from.long2ObjectEntrySet()) {
                if (e.getLongKey() <= frameTick) {
                    continue;
                }
                Runs mine = carried.get(e.getLongKey());
                if (mine == null) {
                    carried.put(e.getLongKey(), e.getValue());
                    carriedRuns += e.getValue().list.size();
                } else {
                    int before = mine.list.size();
                    mine.append(e.getValue(), maxJobsPerFrame);
                    carriedRuns += mine.list.size() - before;
                }
            }
        }
        while (carriedRuns > maxPendingRuns) {
            carriedRuns -= evictLowest(carried);
        }
        pending = carried;
        maxFrameTick = frameTick;
        seen = new TickBits(); // a total takes no more events
        next.pending = null;
        next.top = null;
        next.seen = null;
        next.reading = null;
    }

    /** Gives up the runs of the lowest carried tick that holds some; returns how many. */
    private static int evictLowest(Long2ObjectOpenHashMap<Runs> carried) {
        long lowest = Long.MAX_VALUE;
        for (Long2ObjectMap.Entry<Runs> e : carried.long2ObjectEntrySet()) {
            if (!e.getValue().list.isEmpty() && e.getLongKey() < lowest) {
                lowest = e.getLongKey();
            }
        }
        Runs r = carried.get(lowest);
        int n = r.list.size();
        r.dropped += n;
        r.list.clear();
        r.evicted = true;
        return n;
    }

    /** The slowest frames with their runs (by start), slowest first; offsets from {@code originNanos}. */
    List<FrameJobs> frames(long originNanos) {
        List<FrameJobs> out = new ArrayList<>();
        for (Slow s : top) {
            List<FrameJobs.JobSlice> slices = new ArrayList<>();
            for (JobRun r : s.runs.list) {
                slices.add(new FrameJobs.JobSlice(r.thread(), r.job(), r.batchIndex(), r.startNanos() - s.start,
                        r.durationNanos()));
            }
            slices.sort(Comparator.comparingLong(FrameJobs.JobSlice::startOffsetNanos)
                    .thenComparing(FrameJobs.JobSlice::thread).thenComparing(FrameJobs.JobSlice::job)
                    .thenComparingInt(FrameJobs.JobSlice::batchIndex)
                    .thenComparingLong(FrameJobs.JobSlice::durationNanos));
            out.add(new FrameJobs(s.tick, s.start - originNanos, s.duration, slices, s.runs.dropped));
        }
        return out;
    }
}
