package io.puredots.example;

import io.puredots.events.FrameEvent;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The smallest game loop that jfr-analyzer can read: one {@link SimulationGroup} holding one
 * {@link MovementSystem} whose {@link MovementJob} runs in batches on worker threads, paced at 60
 * frames per second. Every event is emitted with the guarded pattern (jfr-events/INSTRUMENT.md).
 *
 * <pre>{@code
 * java -XX:StartFlightRecording:settings=puredots.jfc,filename=game.jfr \
 *      -cp target/minimal-game.jar:jfr-events-0.1.0-SNAPSHOT.jar io.puredots.example.MinimalGame 600
 * }</pre>
 *
 * <p>Not thread-safe: the loop runs on the thread that calls {@link #run(long)}.
 */
public final class MinimalGame implements AutoCloseable {
    /** 60 frames per second. */
    static final long FRAME_NANOS = TimeUnit.SECONDS.toNanos(1) / 60;

    /** Never committed: asks JFR whether Frame events are recorded at all. */
    private static final FrameEvent FRAME_PROBE = new FrameEvent();

    private final MovementSystem movement = new MovementSystem(10_000);
    private final SimulationGroup simulation = new SimulationGroup(movement);

    /** Runs {@code frames} frames (argument 1, default 600 = 10 s), then exits. */
    public static void main(String[] args) throws Exception {
        long frames = args.length > 0 ? Long.parseLong(args[0]) : 600;
        try (MinimalGame game = new MinimalGame()) {
            game.run(frames);
        }
    }

    /** Runs ticks 0 to {@code frames - 1}, one frame each, sleeping out the rest of each 1/60 s. */
    public void run(long frames) throws Exception {
        long next = System.nanoTime();
        for (long tick = 0; tick < frames; tick++) {
            frame(tick);
            next += FRAME_NANOS;
            long idle = next - System.nanoTime();
            if (idle > 0) {
                LockSupport.parkNanos(idle);
            }
        }
    }

    private void frame(long tick) throws Exception {
        FrameEvent frame = null;
        if (FRAME_PROBE.isEnabled()) {        // a few ns when not recording; begin() alone would read the clock
            frame = new FrameEvent();
            frame.begin();
        }
        simulation.update(tick);
        if (frame != null && frame.shouldCommit()) {   // fill fields only when the event will be written
            frame.tick = tick;
            frame.entityCount = movement.entityCount();
            frame.commit();
        }
    }

    @Override
    public void close() {
        movement.close();
    }
}
