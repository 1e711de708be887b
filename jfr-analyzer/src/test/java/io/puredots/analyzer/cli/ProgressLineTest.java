package io.puredots.analyzer.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Progress on stderr: a first line and a line per tenth in a log, one line redrawn and erased on a terminal;
 * bytes and the time left from the rate so far (a test clock, no waiting).
 */
class ProgressLineTest {
    private static final long MB = 1L << 20;
    private static final long SECOND = 1_000_000_000L;

    @Test
    void inALogAFirstLineThenOnePerTenthWithBytesAndTimeLeft() {
        AtomicLong clock = new AtomicLong(0);
        StringWriter out = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(out, true), "jfr-analyzer report: reading 'x.jfr'", false,
                clock::get);
        for (int chunk = 1; chunk <= 40; chunk++) {
            clock.addAndGet(SECOND / 4);
            p.read(chunk * 10 * MB, 400 * MB);
        }
        String[] lines = out.toString().split("\n");
        assertEquals(11, lines.length, out.toString());
        assertEquals("jfr-analyzer report: reading 'x.jfr' 2% (10.00 MiB of 400.00 MiB), about 10 s left", lines[0]);
        assertEquals("jfr-analyzer report: reading 'x.jfr' 10% (40.00 MiB of 400.00 MiB), about 9 s left", lines[1]);
        assertEquals("jfr-analyzer report: reading 'x.jfr' 50% (200.00 MiB of 400.00 MiB), about 5 s left", lines[5]);
        assertEquals("jfr-analyzer report: reading 'x.jfr' 100% (400.00 MiB of 400.00 MiB)", lines[10]);
    }

    @Test
    void onATerminalOneLineIsRedrawnAtMostFiveTimesASecondAndErasedAtTheEnd() {
        AtomicLong clock = new AtomicLong(0);
        StringWriter out = new StringWriter();
        ProgressLine p = new ProgressLine(new PrintWriter(out, true), "reading", true, clock::get);
        for (int chunk = 1; chunk <= 20; chunk++) {
            clock.addAndGet(SECOND / 10);
            p.read(chunk * MB, 20 * MB);
        }
        String s = out.toString();
        assertTrue(!s.contains("\n"), "never a new line on a terminal: " + s);
        long draws = s.chars().filter(c -> c == '\r').count();
        // 19 updates over 1.9 s at most every 200 ms: 10 draws; then erase (two carriage returns)
        assertEquals(10 + 2, draws, s);
        assertTrue(s.endsWith("\r" + " ".repeat("reading 95% (19.00 MiB of 20.00 MiB), about 1 s left".length())
                + "\r"), s);
    }

    @Test
    void timeLeftIsMinutesBeyondTwo() {
        ProgressLine p = new ProgressLine(new PrintWriter(new StringWriter()), "r", false, () -> 0L);
        assertEquals("r 1% (1.00 MiB of 100.00 MiB), about 17 min left", p.line(MB, 100 * MB, 10 * SECOND));
        assertEquals("r 0% (0 B of 100.00 MiB)", p.line(0, 100 * MB, SECOND));
    }
}
