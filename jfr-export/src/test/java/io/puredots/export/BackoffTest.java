package io.puredots.export;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {
    private static Backoff backoff() {
        return new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofMinutes(5), new Random(1));
    }

    @Test
    void delaysGrowToTheCapWhenTheServerAnswersWithAnError() {
        Backoff b = backoff();
        long longest = 0;
        for (int attempt = 0; attempt < 40; attempt++) {
            long d = b.delayMillis(attempt, null, 0);
            assertTrue(d >= 0 && d <= Math.min(30_000, 200L << Math.min(attempt, 20)), attempt + ": " + d);
            longest = Math.max(longest, d);
        }
        assertTrue(longest > Backoff.DOWN_CAP.toMillis(), "an overloaded server gets long pauses: " + longest);
    }

    @Test
    void delaysStayShortWhileTheServerRefusesConnections() {
        Backoff b = backoff();
        for (int attempt = 0; attempt < 40; attempt++) {
            long d = b.downDelayMillis(attempt);
            assertTrue(d >= 0 && d <= Backoff.DOWN_CAP.toMillis(), attempt + ": " + d);
        }
        Backoff tiny = new Backoff(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMinutes(5), new Random(1));
        assertTrue(tiny.downDelayMillis(30) <= 100, "a cap below DOWN_CAP still holds");
    }

    @Test
    void retryAfterRaisesTheDelay() {
        assertEquals(3000, backoff().delayMillis(0, "3", 0));
        assertEquals(2000, Backoff.retryAfterMillis("Thu, 01 Jan 1970 00:00:02 GMT", 0));
        assertEquals(0, Backoff.retryAfterMillis("soon", 0));
    }

    @Test
    void hurryEndsThePauseInProgressAndShortensLaterOnes() throws Exception {
        Backoff b = backoff();
        CountDownLatch pausing = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread sender = new Thread(() -> {
            try {
                pausing.countDown();
                b.pause(TimeUnit.MINUTES.toMillis(10));
                done.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        sender.start();
        assertTrue(pausing.await(10, TimeUnit.SECONDS));
        b.hurry();
        assertTrue(done.await(10, TimeUnit.SECONDS), "the pause ended when hurried");
        long start = System.nanoTime();
        b.pause(TimeUnit.MINUTES.toMillis(10));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMillis >= Backoff.DOWN_CAP.toMillis() - 1 && tookMillis < Backoff.DOWN_CAP.toMillis() + 2_000,
                "a later pause lasts about DOWN_CAP: " + tookMillis + " ms");
    }

    @Test
    void pauseIsInterruptible() throws Exception {
        Backoff b = backoff();
        Thread.currentThread().interrupt();
        try {
            b.pause(TimeUnit.MINUTES.toMillis(10));
            throw new AssertionError("not interrupted");
        } catch (InterruptedException expected) {
            assertFalse(Thread.currentThread().isInterrupted());
        }
    }
}
