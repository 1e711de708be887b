package io.puredots.events.dump;

/**
 * Lets at most one dump start per interval: the first request passes, and the next passes only
 * once {@code minIntervalNanos} have gone by since the last one that passed. Time is passed in
 * ({@link System#nanoTime()} readings), so tests step it explicitly.
 *
 * <p>Thread-safe: {@link #tryAcquire} is synchronized; it runs once per budget violation, never
 * per frame.
 */
final class DumpRateLimiter {
    private final long minIntervalNanos;
    private boolean acquired;
    private long lastNanos;

    /** @param minIntervalNanos the least time between two dumps, ns, 0 or more (0: no limit) */
    DumpRateLimiter(long minIntervalNanos) {
        if (minIntervalNanos < 0) {
            throw new IllegalArgumentException("minimum interval must not be negative, got " + minIntervalNanos);
        }
        this.minIntervalNanos = minIntervalNanos;
    }

    /**
     * Whether a dump may start at {@code nowNanos}; if so, the interval starts again from it.
     *
     * @param nowNanos a {@link System#nanoTime()} reading, not earlier than the previous call's
     */
    synchronized boolean tryAcquire(long nowNanos) {
        if (acquired && nowNanos - lastNanos < minIntervalNanos) {
            return false;
        }
        acquired = true;
        lastNanos = nowNanos;
        return true;
    }
}
