package io.puredots.events.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits in tests for a condition that only an outside party (another process, a server) can make
 * true and that offers no event to wait on: polls it until it holds or a deadline passes.
 * Returns as soon as the condition holds; never waits a fixed time for something to happen.
 * Stateless; safe from any thread.
 */
public final class Await {
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private Await() {
    }

    /**
     * Polls {@code condition} until it returns true or {@code timeout} has passed; the pause between
     * polls starts at 1 ms and doubles up to 100 ms, so a quick condition is seen quickly and a slow
     * one does not keep a core busy.
     *
     * @return whether the condition held before the deadline (the caller asserts it with its own message)
     */
    public static boolean until(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(Math.min(pause, left)); // poll interval, not a wait for the outcome
            pause = Math.min(2 * pause, LONGEST_PAUSE_NANOS);
        }
    }
}
