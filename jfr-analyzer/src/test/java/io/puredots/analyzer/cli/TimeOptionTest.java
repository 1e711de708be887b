package io.puredots.analyzer.cli;

import io.puredots.analyzer.stats.Window;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimeOptionTest {

    static long nanos(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    @Test
    void offsetsFromTheRecordingStart() {
        assertEquals(Window.Time.after(Duration.ofSeconds(30)), ReportCommand.time("--from", "30s"));
        assertEquals(Window.Time.after(Duration.ofSeconds(90)), ReportCommand.time("--from", "1.5min"));
        assertEquals(Window.Time.after(Duration.ofSeconds(90)), ReportCommand.time("--from", "1.5m"));
        assertEquals(Window.Time.after(Duration.ofMillis(250)), ReportCommand.time("--from", "250ms"));
        assertEquals(Window.Time.after(Duration.ofHours(1)), ReportCommand.time("--to", "1h"));
        assertEquals(Window.Time.after(Duration.ofNanos(500_000)), ReportCommand.time("--to", "500us"));
    }

    @Test
    void instantsWithAndWithoutZone() {
        assertEquals(Window.Time.at(nanos("2026-11-27T12:00:05Z")), ReportCommand.time("--from", "2026-11-27T12:00:05Z"));
        assertEquals(Window.Time.at(nanos("2026-11-27T12:00:05.250Z")),
                ReportCommand.time("--from", "2026-11-27T12:00:05.250"));
    }

    @Test
    void absentIsOpenAndGarbageIsAUserError() {
        assertNull(ReportCommand.time("--from", null));
        Cli.UserException e = assertThrows(Cli.UserException.class, () -> ReportCommand.time("--to", "noon"));
        assertEquals("--to needs an offset such as '30s' or an instant such as '2026-11-27T12:00:05Z', got 'noon'",
                e.getMessage());
    }
}
