package io.puredots.analyzer.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnitsTest {
    @Test
    void labelsSizesWithBinaryUnits() {
        assertEquals("640 B", Units.bytes(640));
        assertEquals("1.00 KiB", Units.bytes(1024));
        assertEquals("64.00 KiB", Units.bytes(64 << 10));
        assertEquals("1.00 MiB", Units.bytes(1 << 20));
        assertEquals("24.50 MiB", Units.bytes(24.5 * (1 << 20)));
        assertEquals("2.00 GiB", Units.bytes(2L << 30));
    }

    @Test
    void picksTheUnitByMagnitudeForNegativeSizes() {
        assertEquals("-1.50 MiB", Units.bytes(-1.5 * (1 << 20)));
        assertEquals("-5 B", Units.bytes(-5));
    }

    @Test
    void writesMillisecondsFromNanoseconds() {
        assertEquals("16.600", Units.ms(16_600_000));
        assertEquals("16.600 ms", Units.msUnit(16_600_000));
        assertEquals("23.1", Units.msOneDecimal(23_080_000));
    }

    @Test
    void writesInstantsInUtcAndDurationsInHoursMinutesSeconds() {
        assertEquals("1970-01-01T00:00:01.500Z", Units.instant(1_500_000_000L));
        assertEquals("3.456 s", Units.duration(3_456_000_000L));
        assertEquals("2 min 03.456 s", Units.duration(123_456_000_000L));
        assertEquals("1 h 02 min 03.456 s", Units.duration(3_723_456_000_000L));
    }

    @Test
    void writesPercentagesAndNumbersInTheRootLocale() {
        assertEquals("12.5%", Units.pct(0.125));
        assertEquals("3.14", Units.num(Math.PI, 2));
    }
}
