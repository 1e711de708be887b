package io.puredots.example;

import io.puredots.events.JobScheduleEvent;
import io.puredots.events.SystemTickEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The game's one system: moves every entity by its velocity. Each frame it schedules one
 * {@link MovementJob} split into batches on a worker pool and waits for them; it records its
 * update (including the wait) as a {@code puredots.SystemTick} and the scheduling as a
 * {@code puredots.JobSchedule}.
 *
 * <p>Not thread-safe: {@link #update(long)} is called on the game loop's thread; the batches it
 * starts write disjoint index ranges and finish before it returns.
 */
final class MovementSystem implements AutoCloseable {
    /** The system's name in events, reports and budget ids ({@code system.MovementSystem}). */
    static final String NAME = "MovementSystem";
    static final int BATCHES = 4;

    private static final SystemTickEvent PROBE = new SystemTickEvent();
    private static final JobScheduleEvent SCHEDULE_PROBE = new JobScheduleEvent();

    private final float[] position;
    private final float[] velocity;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "movement-worker");
        t.setDaemon(true);
        return t;
    });
    private long nextJobId;

    MovementSystem(int entities) {
        position = new float[entities];
        velocity = new float[entities];
        for (int i = 0; i < entities; i++) {
            velocity[i] = (i % 7) - 3;
        }
    }

    int entityCount() {
        return position.length;
    }

    void update(long tick) throws Exception {
        SystemTickEvent event = null;
        if (PROBE.isEnabled()) {
            event = new SystemTickEvent();
            event.begin();
        }
        for (Future<?> batch : schedule(tick)) {
            batch.get();                      // wait for the job: part of the system's time
        }
        if (event != null && event.shouldCommit()) {
            event.system = NAME;
            event.group = SimulationGroup.NAME;
            event.tick = tick;
            event.entitiesProcessed = position.length;
            event.commit();
        }
    }

    private List<Future<?>> schedule(long tick) {
        JobScheduleEvent event = null;
        if (SCHEDULE_PROBE.isEnabled()) {
            event = new JobScheduleEvent();
            event.begin();
        }
        long jobId = nextJobId++;
        int batchSize = (position.length + BATCHES - 1) / BATCHES;
        List<Future<?>> batches = new ArrayList<>(BATCHES);
        for (int b = 0; b < BATCHES; b++) {
            int from = b * batchSize;
            int to = Math.min(position.length, from + batchSize);
            batches.add(workers.submit(new MovementJob(position, velocity, from, to, jobId, b, tick)));
        }
        if (event != null && event.shouldCommit()) {
            event.jobId = jobId;
            event.jobName = MovementJob.NAME;
            event.system = NAME;
            event.dependencyCount = 0;
            event.chainDepth = 1;
            event.batchCount = BATCHES;
            event.tick = tick;
            event.commit();
        }
        return batches;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
