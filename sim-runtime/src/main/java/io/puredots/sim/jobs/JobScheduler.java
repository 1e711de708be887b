package io.puredots.sim.jobs;

import io.puredots.events.JobRunEvent;
import io.puredots.events.JobScheduleEvent;
import io.puredots.events.MainThreadWaitEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A small job system: N worker threads plus the main thread, which runs jobs itself while it
 * waits in {@link #complete(JobHandle)}.
 *
 * <pre>{@code
 * main:   schedule(A) schedule(B, A) scheduleParallel(C, n, 1024, B)  complete(C) ............ return
 *                                                                      |runs C batches|idle|
 * worker0:          |---- A ----|--- B ---|C b0|C b2|                        (parks when idle)
 * worker1:                                |C b1|C b3|
 * }</pre>
 *
 * A job becomes runnable when all its dependencies are done; a parallel job is split into
 * batches of {@code batchSize} indices that any thread may claim. Batch boundaries depend only
 * on the count and the batch size, never on the number of threads, so a body that writes only
 * its own range gives the same result with any worker count.
 *
 * <p>Emits {@code puredots.JobSchedule} per job, {@code puredots.JobRun} per batch on the thread
 * that ran it, {@code puredots.MainThreadWait} per idle wait of the main thread; each is guarded
 * by the event type's {@code isEnabled()} so nothing is done when no recording runs.
 *
 * <p>Threading: {@code schedule*}, {@code combine}, {@code complete}, {@code recycle} and
 * {@code setContext} are called from one thread (the main thread); jobs must not schedule jobs.
 * Steady state is allocation-free: handles are pooled and the ready queue does not allocate
 * once grown.
 */
public final class JobScheduler implements AutoCloseable {
    private static final JobRunEvent JOB_RUN = new JobRunEvent();
    private static final JobScheduleEvent JOB_SCHEDULE = new JobScheduleEvent();
    private static final MainThreadWaitEvent MAIN_WAIT = new MainThreadWaitEvent();
    private static final JobHandle[] NO_DEPS = new JobHandle[0];
    private static final int WORKER_SPINS = 500;
    private static final int MAIN_SPINS = 200;

    private final Object lock = new Object();
    private final ArrayDeque<JobHandle> ready = new ArrayDeque<>(64);
    private volatile int readyCount;
    private final Thread[] workers;
    private final AtomicIntegerArray sleeping;
    private final Thread owner;
    private volatile boolean ownerSleeping;
    private volatile boolean running = true;
    private final ArrayList<JobHandle> inFlight = new ArrayList<>(64);
    private final ArrayDeque<JobHandle> pool = new ArrayDeque<>(64);
    private long nextId;
    private long tick;
    private String system = "";

    /**
     * Starts the worker threads ({@code puredots-worker-0} ...). The calling thread becomes the
     * owner that schedules and completes jobs.
     *
     * @param workerCount worker threads, at least 1
     */
    public JobScheduler(int workerCount) {
        if (workerCount < 1) {
            throw new IllegalArgumentException("worker count must be at least 1, got " + workerCount);
        }
        this.owner = Thread.currentThread();
        this.workers = new Thread[workerCount];
        this.sleeping = new AtomicIntegerArray(workerCount);
        for (int i = 0; i < workerCount; i++) {
            final int idx = i;
            Thread t = new Thread(() -> workerLoop(idx), "puredots-worker-" + i);
            t.setDaemon(true);
            workers[i] = t;
        }
        for (Thread t : workers) {
            t.start();
        }
    }

    /** Cores minus one, at least 1. */
    public static int defaultWorkerCount() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    public int workerCount() {
        return workers.length;
    }

    /** The worker threads (for per-thread measurements). */
    public List<Thread> workerThreads() {
        return List.of(workers);
    }

    /** Tick and system name put into the events of the jobs scheduled from now on. */
    public void setContext(long tick, String system) {
        this.tick = tick;
        this.system = system;
    }

    // ---- scheduling ---------------------------------------------------------------------

    public JobHandle schedule(String name, Job job) {
        return submit(name, job, null, 1, 1, NO_DEPS, null, null);
    }

    public JobHandle schedule(String name, Job job, JobHandle dep) {
        return submit(name, job, null, 1, 1, NO_DEPS, dep, null);
    }

    public JobHandle schedule(String name, Job job, JobHandle... deps) {
        return submit(name, job, null, 1, 1, deps, null, null);
    }

    /**
     * Schedules a parallel-for over {@code [0, count)} in batches of {@code batchSize}.
     *
     * @param count     indices, 0 or more (0 gives a job that completes at once)
     * @param batchSize indices per batch, at least 1
     */
    public JobHandle scheduleParallel(String name, int count, int batchSize, ParallelJob job) {
        return submit(name, null, job, count, batchSize, NO_DEPS, null, null);
    }

    public JobHandle scheduleParallel(String name, int count, int batchSize, ParallelJob job, JobHandle dep) {
        return submit(name, null, job, count, batchSize, NO_DEPS, dep, null);
    }

    public JobHandle scheduleParallel(String name, int count, int batchSize, ParallelJob job, JobHandle... deps) {
        return submit(name, null, job, count, batchSize, deps, null, null);
    }

    /** A handle that is done when both inputs are done. */
    public JobHandle combine(JobHandle a, JobHandle b) {
        return submit("combine", null, null, 0, 1, NO_DEPS, a, b);
    }

    /** A handle that is done when all inputs are done. */
    public JobHandle combine(JobHandle... handles) {
        return submit("combine", null, null, 0, 1, handles, null, null);
    }

    private JobHandle submit(String name, Job job, ParallelJob pjob, int count, int batchSize,
                             JobHandle[] deps, JobHandle depA, JobHandle depB) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        JobScheduleEvent ev = null;
        if (JOB_SCHEDULE.isEnabled()) {
            ev = new JobScheduleEvent();
            ev.begin();
        }
        JobHandle h = pool.isEmpty() ? new JobHandle() : pool.pollFirst();
        inFlight.add(h);
        h.name = name;
        h.id = nextId++;
        h.job = job;
        h.parallelJob = pjob;
        h.tick = tick;
        boolean isCombine = job == null && pjob == null;
        h.count = job != null ? 1 : count;
        h.batchSize = job != null ? 1 : batchSize;
        h.batchCount = isCombine ? 0 : job != null ? 1 : (int) (((long) count + batchSize - 1) / batchSize);
        int depth = 0;
        int depCount = 0;
        synchronized (lock) {
            int pending = 0;
            for (int k = -2; k < deps.length; k++) {
                JobHandle d = k == -2 ? depA : k == -1 ? depB : deps[k];
                if (d == null) {
                    continue;
                }
                depCount++;
                depth = Math.max(depth, d.chainDepth);
                if (!d.done) {
                    d.addDependent(h);
                    pending++;
                } else if (d.failure != null && h.failure == null) {
                    h.failure = d.failure;
                }
            }
            h.chainDepth = isCombine ? depth : depth + 1;
            h.dependencyCount = depCount;
            h.pendingDeps = pending;
            if (pending == 0) {
                makeReadyLocked(h);
            }
        }
        if (ev != null) {
            ev.end();
            if (ev.shouldCommit()) {
                ev.jobId = h.id;
                ev.jobName = name;
                ev.system = system;
                ev.dependencyCount = depCount;
                ev.chainDepth = h.chainDepth;
                ev.batchCount = h.batchCount;
                ev.tick = tick;
                ev.commit();
            }
        }
        return h;
    }

    // guarded by lock
    private void makeReadyLocked(JobHandle h) {
        if (h.failure != null || h.batchCount == 0) {
            finishLocked(h);
            return;
        }
        h.readyNanos = System.nanoTime();
        h.nextBatch = 0;
        h.remainingBatches.set(h.batchCount);
        ready.addLast(h);
        readyCount = ready.size();
        for (int i = 0; i < workers.length; i++) {
            if (sleeping.get(i) != 0) {
                LockSupport.unpark(workers[i]);
            }
        }
        if (ownerSleeping) {
            LockSupport.unpark(owner);
        }
    }

    // guarded by lock
    private void finishLocked(JobHandle h) {
        for (int i = 0; i < h.dependentCount; i++) {
            JobHandle d = h.dependents[i];
            if (h.failure != null && d.failure == null) {
                d.failure = h.failure;
            }
            if (--d.pendingDeps == 0) {
                makeReadyLocked(d);
            }
        }
        h.done = true;
        if (ownerSleeping) {
            LockSupport.unpark(owner);
        }
    }

    // ---- running ------------------------------------------------------------------------

    /** Claims and runs one batch of a runnable job; false if none is runnable. */
    private boolean runOne() {
        JobHandle h;
        int b;
        synchronized (lock) {
            h = ready.peekFirst();
            if (h == null) {
                return false;
            }
            b = h.nextBatch++;
            if (h.nextBatch >= h.batchCount) {
                ready.pollFirst();
                readyCount = ready.size();
            }
        }
        runBatch(h, b);
        if (h.remainingBatches.decrementAndGet() == 0) {
            synchronized (lock) {
                finishLocked(h);
            }
        }
        return true;
    }

    private void runBatch(JobHandle h, int b) {
        JobRunEvent ev = null;
        long start = 0;
        if (JOB_RUN.isEnabled()) {
            start = System.nanoTime();
            ev = new JobRunEvent();
            ev.begin();
        }
        try {
            if (h.job != null) {
                h.job.execute();
            } else {
                int s = b * h.batchSize;
                h.parallelJob.execute(s, Math.min(h.count, s + h.batchSize));
            }
        } catch (Throwable t) {
            synchronized (lock) {
                if (h.failure == null) {
                    h.failure = new JobException(h.name, t);
                }
            }
        }
        if (ev != null) {
            ev.end();
            if (ev.shouldCommit()) {
                ev.jobId = h.id;
                ev.jobName = h.name;
                ev.batchIndex = b;
                ev.tick = h.tick;
                ev.queueWait = Math.max(0, start - h.readyNanos);
                ev.commit();
            }
        }
    }

    /**
     * Waits until the job is done, running runnable batches of any job meanwhile.
     *
     * @throws JobException if the job, or a job it depends on, threw
     */
    public void complete(JobHandle h) {
        while (!h.done) {
            if (runOne()) {
                continue;
            }
            MainThreadWaitEvent ev = null;
            if (MAIN_WAIT.isEnabled()) {
                ev = new MainThreadWaitEvent();
                ev.begin();
            }
            for (int i = 0; i < MAIN_SPINS && !h.done && readyCount == 0; i++) {
                Thread.onSpinWait();
            }
            if (!h.done && readyCount == 0) {
                ownerSleeping = true;
                if (!h.done && readyCount == 0) {
                    LockSupport.park(this);
                }
                ownerSleeping = false;
            }
            if (ev != null) {
                ev.end();
                if (ev.shouldCommit()) {
                    ev.tick = tick;
                    ev.system = system;
                    ev.commit();
                }
            }
        }
        JobException f;
        synchronized (lock) {
            f = h.failure;
        }
        if (f != null) {
            throw f;
        }
    }

    /**
     * Returns every handle scheduled since the last call to the pool. All must be done.
     *
     * @throws IllegalStateException if a job is still running
     */
    public void recycle() {
        synchronized (lock) {
            for (int i = 0, n = inFlight.size(); i < n; i++) {
                if (!inFlight.get(i).done) {
                    throw new IllegalStateException("job '" + inFlight.get(i).name + "' still running at recycle");
                }
            }
            for (int i = 0, n = inFlight.size(); i < n; i++) {
                JobHandle h = inFlight.get(i);
                h.reset();
                pool.addLast(h);
            }
            inFlight.clear();
        }
    }

    private void workerLoop(int idx) {
        while (running) {
            if (runOne()) {
                continue;
            }
            for (int i = 0; i < WORKER_SPINS && readyCount == 0 && running; i++) {
                Thread.onSpinWait();
            }
            if (readyCount == 0 && running) {
                sleeping.set(idx, 1);
                if (readyCount == 0 && running) {
                    LockSupport.park(this);
                }
                sleeping.set(idx, 0);
            }
        }
    }

    /** Stops the workers (after the jobs in the queue) and waits for them. */
    @Override
    public void close() {
        running = false;
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
        for (Thread t : workers) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
