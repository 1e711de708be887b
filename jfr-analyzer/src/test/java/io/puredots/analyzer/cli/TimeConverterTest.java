package io.puredots.analyzer.cli;

import io.puredots.analyzer.stats.Window;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimeConverterTest {
    private final TimeConverter time = new TimeConverter();

    static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void offsetsFromTheRecordingStart() {
        assertEquals(Window.Time.after(Duration.ofSeconds(30)), time.convert("30s"));
        assertEquals(Window.Time.after(Duration.ofSeconds(90)), time.convert("1.5min"));
        assertEquals(Window.Time.after(Duration.ofSeconds(90)), time.convert("1.5m"));
        assertEquals(Window.Time.after(Duration.ofMillis(250)), time.convert("250ms"));
        assertEquals(Window.Time.after(Duration.ofHours(1)), time.convert("1h"));
        assertEquals(Window.Time.after(Duration.ofNanos(500_000)), time.convert("500us"));
    }

    @Test
    void instantsWithAndWithoutZone() {
        assertEquals(Window.Time.at(nanos("2026-11-27T12:00:05Z")), time.convert("2026-11-27T12:00:05Z"));
        assertEquals(Window.Time.at(nanos("2026-11-27T12:00:05.250Z")), time.convert("2026-11-27T12:00:05.250"));
    }

    @Test
    void garbageIsOneLineAfterTheOptionName() {
        Cli.BadValueException e = assertThrows(Cli.BadValueException.class, () -> time.convert("noon"));
        assertEquals("needs an offset such as '30s' or an instant such as '2026-11-27T12:00:05Z', got 'noon'",
                e.getMessage());
        CliRun r = CliRun.of("report", "--to", "noon", "x.jfr");
        assertEquals(Cli.TROUBLE, r.code());
        assertEquals("jfr-analyzer report: --to needs an offset such as '30s' or an instant such as"
                + " '2026-11-27T12:00:05Z', got 'noon'\n", r.err());
    }
}
