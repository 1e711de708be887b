package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Jobs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Job scheduling, job runs per thread, and main-thread waits of one chunk. Mergeable in chunk
 * order. Not thread-safe.
 *
 * <p>Idle gap: on one thread, the time from the end of a job run to the start of the next run on
 * that thread (by start time) in the same frame (tick); 0 when they touch or overlap. A chunk's
 * runs are buffered per thread in primitive arrays ({@link JobRunBuffer}, 24 bytes a run; JFR may
 * write them out of order within a chunk; memory bounded by one chunk) and put in start order at
 * {@link #seal}; the first and last run of each thread in a chunk are kept so that a gap across a
 * chunk boundary is counted at merge.
 */
final class JobStats {
    private long scheduled;
    private long runs;
    private final Recycler recycler;
    private final TickSeries jobsPerTick;
    private final DistributionRecorder chainDepth;
    private final DistributionRecorder runTime;
    private final DistributionRecorder queueWait;
    private final DistributionRecorder idleGap;
    private final DistributionRecorder mainWait;
    private final Set<Long> mainThreadIds = new HashSet<>();
    /** The thread of the last main-thread wait: ids of other threads are looked up in {@link #mainThreadIds}. */
    private long lastMainThreadId = Long.MIN_VALUE;
    private final Map<Long, Worker> workers = new LinkedHashMap<>();
    /** The worker of the last run; never null (a thread id no thread has, at first), so jobRun has one branch. */
    private Worker lastWorker = NO_WORKER;
    private static final Worker NO_WORKER = new Worker(Long.MIN_VALUE, "", null);
    private KnownSeries known;
    private int chunk;

    private static final class Worker {
        final long threadId;
        String name;
        long runs;
        long busy;
        long idle;
        long firstTick;
        long firstStart;
        long lastTick;
        long lastEnd;
        boolean any;
        JobRunBuffer buffer;   // this chunk's runs, until sealed

        Worker(long threadId, String name, Recycler recycler) {
            this.threadId = threadId;
            this.name = name;
            this.buffer = recycler == null ? null : new JobRunBuffer(recycler);
        }
    }

    JobStats(Recycler recycler) {
        this.recycler = recycler;
        jobsPerTick = new TickSeries(Long.MAX_VALUE, recycler);
        chainDepth = new DistributionRecorder(recycler);
        runTime = new DistributionRecorder(recycler);
        queueWait = new DistributionRecorder(recycler);
        idleGap = new DistributionRecorder(recycler);
        mainWait = new DistributionRecorder(recycler);
    }

    void jobSchedule(int chainDepthValue, long tick) {
        scheduled++;
        chainDepth.record(chainDepthValue);
        jobsPerTick.add(tick, 1);
    }

    void jobRun(long startNanos, long durationNanos, long threadId, String threadName, long tick,
                long queueWaitNanos) {
        runs++;
        runTime.record(durationNanos);
        queueWait.record(queueWaitNanos);
        Worker w = lastWorker;
        if (w.threadId != threadId) {  // a thread's runs mostly come in a row
            w = workers.get(threadId);
            if (w == null) {
                w = newWorker(threadId, threadName);
                if (known != null) {
                    known.add(chunk, KnownSeries.WORKER, threadName, "", threadId);
                }
            }
            lastWorker = w;
        }
        w.runs++;
        w.busy += durationNanos;
        w.buffer.add(startNanos, startNanos + durationNanos, tick);
    }

    /** Reports the workers this partial creates at their first run to {@code known}, as created by chunk {@code chunk}. */
    void know(KnownSeries known, int chunk) {
        this.known = known;
        this.chunk = chunk;
    }

    /** Creates the worker of {@code threadId}, with no runs, if it is new. */
    void worker(long threadId, String threadName) {
        if (!workers.containsKey(threadId)) {
            newWorker(threadId, threadName);
        }
    }

    private Worker newWorker(long threadId, String threadName) {
        Worker w = new Worker(threadId, threadName, recycler);
        workers.put(threadId, w);
        return w;
    }

    /** Puts each thread's buffered runs in start order and counts the gaps between them; idempotent. */
    void seal() {
        for (Worker w : workers.values()) {
            JobRunBuffer buf = w.buffer;
            if (buf == null || buf.size() == 0) {
                if (buf != null) {
                    buf.release();
                }
                w.buffer = null;
                continue;
            }
            int[] order = buf.order();
            for (int k = 0; k < buf.size(); k++) {
                int r = order == null ? k : order[k];
                long runStart = buf.start(r);
                long runTick = buf.tick(r);
                if (!w.any) {
                    w.any = true;
                    w.firstStart = runStart;
                    w.firstTick = runTick;
                } else if (w.lastTick == runTick) {
                    gap(w, runStart - w.lastEnd);
                }
                w.lastTick = runTick;
                w.lastEnd = buf.end(r);
            }
            recycler.give(order);
            buf.release();
            w.buffer = null;
        }
    }

    private void gap(Worker w, long gapNanos) {
        long g = Math.max(0, gapNanos);
        idleGap.record(g);
        w.idle += g;
    }

    void mainThreadWait(long durationNanos, long threadId) {
        mainWait.record(durationNanos);
        if (threadId != lastMainThreadId) { // the main thread is one thread: a set lookup per wait only if it changes
            lastMainThreadId = threadId;
            if (threadId >= 0) {
                mainThreadIds.add(threadId);
            }
        }
    }

    void merge(JobStats next) {
        seal();
        next.seal();
        scheduled += next.scheduled;
        runs += next.runs;
        jobsPerTick.merge(next.jobsPerTick);
        chainDepth.add(next.chainDepth);
        runTime.add(next.runTime);
        queueWait.add(next.queueWait);
        idleGap.add(next.idleGap);
        mainWait.add(next.mainWait);
        mainThreadIds.addAll(next.mainThreadIds);
        for (Worker n : next.workers.values()) {
            if (n.runs == 0) {
                continue; // created at chunk start (see KnownSeries), never ran a job
            }
            Worker w = workers.get(n.threadId);
            if (w == null) {
                workers.put(n.threadId, n);
                continue;
            }
            if (!n.any) {
                continue;
            }
            if (!w.any) {
                w.any = true;
                w.firstTick = n.firstTick;
                w.firstStart = n.firstStart;
            } else if (w.lastTick == n.firstTick) {
                gap(w, n.firstStart - w.lastEnd);
            }
            w.runs += n.runs;
            w.busy += n.busy;
            w.idle += n.idle;
            w.lastTick = n.lastTick;
            w.lastEnd = n.lastEnd;
            if (w.name.isEmpty()) {
                w.name = n.name;
            }
        }
    }

    boolean isEmpty() {
        return scheduled == 0 && runs == 0 && mainWait.count() == 0;
    }

    Jobs toModel(long frames, long totalFrameNanos) {
        seal();
        jobsPerTick.finish();
        List<Jobs.Worker> main = new ArrayList<>();
        List<Jobs.Worker> others = new ArrayList<>();
        List<Worker> sorted = new ArrayList<>(workers.values());
        sorted.sort((a, b) -> Long.compare(a.threadId, b.threadId));
        for (Worker w : sorted) {
            boolean isMain = mainThreadIds.contains(w.threadId)
                    || (mainThreadIds.isEmpty() && "main".equals(w.name));
            double util = totalFrameNanos > 0 ? (double) w.busy / totalFrameNanos : 0;
            Jobs.Worker m = new Jobs.Worker(isMain ? "main" : w.name, w.threadId, isMain, w.runs, w.busy, util,
                    w.idle);
            (isMain ? main : others).add(m);
        }
        List<Jobs.Worker> all = new ArrayList<>(main);
        all.addAll(others);
        double waitPerFrame = frames > 0 ? (double) mainWait.sum() / frames : 0;
        double waitShare = totalFrameNanos > 0 ? (double) mainWait.sum() / totalFrameNanos : 0;
        // frames that scheduled no job count as 0 jobs
        DistributionRecorder perFrame = jobsPerTick.perTick();
        perFrame.recordZeros(frames - perFrame.count());
        return new Jobs(others.size(), all, scheduled, runs, perFrame.summary(), runTime.summary(),
                queueWait.summary(), chainDepth.summary(), idleGap.summary(),
                new Jobs.MainThreadWait(mainWait.summary(), waitPerFrame, waitShare));
    }
}
