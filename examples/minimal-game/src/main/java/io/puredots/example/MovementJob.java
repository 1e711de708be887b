package io.puredots.example;

import io.puredots.events.JobRunEvent;

/**
 * One batch of the movement job: {@code position[i] += velocity[i] * dt} over an index range,
 * recorded as a {@code puredots.JobRun} on the worker thread that ran it.
 *
 * <p>Runs once, on one worker; the range is disjoint from every other batch's.
 */
final class MovementJob implements Runnable {
    /** The job's name in events and reports. */
    static final String NAME = "MovementJob";
    private static final float DT = 1f / 60;

    private static final JobRunEvent PROBE = new JobRunEvent();

    private final float[] position;
    private final float[] velocity;
    private final int from;
    private final int to;
    private final long jobId;
    private final int batchIndex;
    private final long tick;
    private final long readyNanos = System.nanoTime();

    MovementJob(float[] position, float[] velocity, int from, int to, long jobId, int batchIndex, long tick) {
        this.position = position;
        this.velocity = velocity;
        this.from = from;
        this.to = to;
        this.jobId = jobId;
        this.batchIndex = batchIndex;
        this.tick = tick;
    }

    @Override
    public void run() {
        JobRunEvent event = null;
        if (PROBE.isEnabled()) {
            event = new JobRunEvent();
            event.begin();
        }
        long started = System.nanoTime();
        for (int i = from; i < to; i++) {
            position[i] += velocity[i] * DT;
        }
        if (event != null && event.shouldCommit()) {
            event.jobId = jobId;
            event.jobName = NAME;
            event.batchIndex = batchIndex;
            event.tick = tick;
            event.queueWait = started - readyNanos;
            event.commit();
        }
    }
}
