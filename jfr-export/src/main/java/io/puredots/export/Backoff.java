package io.puredots.export;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;

/**
 * Retry delays, and the pause that waits them out.
 * <ul>
 *   <li>Delays: exponential backoff with full jitter (a uniformly random delay between 0 and
 *       {@code min(cap, base * 2^attempt)}), raised to the server's {@code Retry-After} when it
 *       gives one (seconds or an HTTP date), itself capped at {@code maxRetryAfter}. While the
 *       server gives no answer at all (connection refused or reset, host unreachable: it is down,
 *       not overloaded) the ceiling is at most {@link #DOWN_CAP}: such an attempt costs the
 *       server nothing, and delivery resumes within about that long once it is back.</li>
 *   <li>{@link #pause}: waits out a delay, unless {@link #hurry()} was called (the sink is
 *       closing): then the pause in progress ends at once and later ones last at most
 *       {@link #DOWN_CAP}, so the last attempts happen within the sink's give-up time.</li>
 * </ul>
 * Hand-written: a few lines, where a retry library would not know about the spill queue around it.
 *
 * <p>{@link #delayMillis} is for one thread (its Random), the sender's; {@link #pause} too;
 * {@link #hurry} may be called from any thread.
 */
final class Backoff {
    /** Longest delay while the server is down, and longest pause once hurried. */
    static final Duration DOWN_CAP = Duration.ofSeconds(1);

    private final long baseMillis;
    private final long capMillis;
    private final long maxRetryAfterMillis;
    private final Random random;
    private final Object pauseLock = new Object();
    private boolean hurried;

    Backoff(Duration base, Duration cap, Duration maxRetryAfter, Random random) {
        this.baseMillis = Math.max(1, base.toMillis());
        this.capMillis = Math.max(baseMillis, cap.toMillis());
        this.maxRetryAfterMillis = maxRetryAfter.toMillis();
        this.random = random;
    }

    /**
     * Delay before retry number {@code attempt} (0 for the first retry) after an HTTP answer.
     *
     * @param retryAfter the response's Retry-After header, or null
     */
    long delayMillis(int attempt, String retryAfter, long nowEpochMillis) {
        long serverWants = retryAfterMillis(retryAfter, nowEpochMillis);
        return Math.max(jittered(attempt, capMillis), Math.min(serverWants, maxRetryAfterMillis));
    }

    /** Delay before retry number {@code attempt} after an attempt without answer (the server is down). */
    long downDelayMillis(int attempt) {
        return jittered(attempt, Math.min(capMillis, Math.max(baseMillis, DOWN_CAP.toMillis())));
    }

    private long jittered(int attempt, long cap) {
        long ceiling = attempt >= 30 ? cap : Math.min(cap, baseMillis << attempt);
        return (long) (random.nextDouble() * (ceiling + 1));
    }

    /** Waits {@code millis}, or at most {@link #DOWN_CAP} once hurried; returns at once when {@link #hurry()} is called. */
    void pause(long millis) throws InterruptedException {
        synchronized (pauseLock) {
            long deadline = System.nanoTime() + millis * 1_000_000L;
            boolean wasHurried = hurried;
            if (wasHurried) {
                deadline = Math.min(deadline, System.nanoTime() + DOWN_CAP.toNanos());
            }
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || (hurried && !wasHurried)) {
                    return;
                }
                pauseLock.wait(Math.max(1, left / 1_000_000L));
            }
        }
    }

    /** Ends the pause in progress and shortens later ones (the sink is closing). */
    void hurry() {
        synchronized (pauseLock) {
            hurried = true;
            pauseLock.notifyAll();
        }
    }

    /** Retry-After in milliseconds from now; 0 if absent or unreadable. */
    static long retryAfterMillis(String value, long nowEpochMillis) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        String v = value.strip();
        try {
            return Math.max(0, Long.parseLong(v) * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                long at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                return Math.max(0, at - nowEpochMillis);
            } catch (DateTimeParseException notDate) {
                return 0;
            }
        }
    }
}
