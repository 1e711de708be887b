package io.puredots.events.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DumpRateLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void letsOneThroughPerIntervalUnderAFloodOfRequests() {
        DumpRateLimiter limiter = new DumpRateLimiter(10 * SECOND);
        long start = 123_456_789L; // nanoTime has an arbitrary origin
        List<Long> passed = new ArrayList<>();
        for (long t = start; t < start + 35 * SECOND; t += SECOND / 100) { // 100 requests a second for 35 s
            if (limiter.tryAcquire(t)) {
                passed.add(t - start);
            }
        }
        assertEquals(List.of(0L, 10 * SECOND, 20 * SECOND, 30 * SECOND), passed);
    }

    @Test
    void theIntervalRunsFromTheLastRequestLetThrough() {
        DumpRateLimiter limiter = new DumpRateLimiter(10 * SECOND);
        assertTrue(limiter.tryAcquire(0));
        assertFalse(limiter.tryAcquire(10 * SECOND - 1));
        assertTrue(limiter.tryAcquire(10 * SECOND));
        assertFalse(limiter.tryAcquire(15 * SECOND), "refused requests do not restart the interval, passed ones do");
        assertTrue(limiter.tryAcquire(20 * SECOND));
    }

    @Test
    void theFirstRequestPassesWhateverTheClockSays() {
        assertTrue(new DumpRateLimiter(10 * SECOND).tryAcquire(Long.MIN_VALUE + 5));
    }

    @Test
    void zeroIntervalLetsEveryRequestThrough() {
        DumpRateLimiter limiter = new DumpRateLimiter(0);
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.tryAcquire(42));
        }
    }

    @Test
    void refusesANegativeInterval() {
        assertThrows(IllegalArgumentException.class, () -> new DumpRateLimiter(-1));
    }
}
