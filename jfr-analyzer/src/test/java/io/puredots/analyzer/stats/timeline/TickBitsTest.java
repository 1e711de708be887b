package io.puredots.analyzer.stats.timeline;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TickBitsTest {

    @Test
    void holdsTicksAddedInAnyOrderAtEitherEnd() {
        TickBits b = new TickBits();
        assertFalse(b.contains(5));
        long[] ticks = {1_000, 999, 1_500, 10, 64, 63, 100_000};
        for (long t : ticks) {
            b.add(t);
        }
        for (long t : ticks) {
            assertTrue(b.contains(t), "tick " + t);
        }
        for (long t : new long[] {0, 9, 11, 62, 65, 998, 1_001, 1_499, 99_999, 100_001, -1}) {
            assertFalse(b.contains(t), "tick " + t);
        }
    }

    @Test
    void ticksFarApartFallBackToASetWithoutLosingAny() {
        TickBits b = new TickBits();
        long[] ticks = {5, 70, 1L << 40, -3, Long.MAX_VALUE, 71};
        for (long t : ticks) {
            b.add(t);
        }
        for (long t : ticks) {
            assertTrue(b.contains(t), "tick " + t);
        }
        for (long t : new long[] {4, 6, 69, (1L << 40) + 1, -2, 0}) {
            assertFalse(b.contains(t), "tick " + t);
        }
    }
}
