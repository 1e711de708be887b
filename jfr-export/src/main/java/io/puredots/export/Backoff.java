package io.puredots.export;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;

/**
 * Retry delays: exponential backoff with full jitter (a uniformly random delay between 0 and
 * {@code min(cap, base * 2^attempt)}), raised to the server's {@code Retry-After} when it gives
 * one (seconds or an HTTP date), itself capped at {@code maxRetryAfter}. Hand-written: a dozen
 * lines, where a retry library would not know about the spill queue around it.
 *
 * <p>Not thread-safe (its Random); one per sender thread.
 */
final class Backoff {
    private final long baseMillis;
    private final long capMillis;
    private final long maxRetryAfterMillis;
    private final Random random;

    Backoff(Duration base, Duration cap, Duration maxRetryAfter, Random random) {
        this.baseMillis = Math.max(1, base.toMillis());
        this.capMillis = Math.max(baseMillis, cap.toMillis());
        this.maxRetryAfterMillis = maxRetryAfter.toMillis();
        this.random = random;
    }

    /**
     * Delay before retry number {@code attempt} (0 for the first retry).
     *
     * @param retryAfter the response's Retry-After header, or null
     */
    long delayMillis(int attempt, String retryAfter, long nowEpochMillis) {
        long ceiling = attempt >= 30 ? capMillis : Math.min(capMillis, baseMillis << attempt);
        long jittered = (long) (random.nextDouble() * (ceiling + 1));
        long serverWants = retryAfterMillis(retryAfter, nowEpochMillis);
        return Math.max(jittered, Math.min(serverWants, maxRetryAfterMillis));
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
