package io.puredots.analyzer.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lines break after "; " first, then ", " in the second half, then at a space; no word is cut. */
class WrapTest {
    @Test
    void aLineThatFitsStaysWhole() {
        assertEquals(List.of("park on main 2.5 ms"), Wrap.lines("park on main 2.5 ms", 19));
    }

    @Test
    void breaksAfterTheLastSemicolonThatFits() {
        assertEquals(List.of("GC 1 ms; park 2 ms;", "CPU 90%"), Wrap.lines("GC 1 ms; park 2 ms; CPU 90%", 20));
    }

    @Test
    void breaksAfterACommaInTheSecondHalfWithoutASemicolon() {
        assertEquals(List.of("longest 61.8 ms: a.b.C.merge,", "c2 level 4"),
                Wrap.lines("longest 61.8 ms: a.b.C.merge, c2 level 4", 30));
    }

    @Test
    void breaksAtASpaceWhenNoSeparatorFits() {
        assertEquals(List.of("one two", "three four"), Wrap.lines("one two three four", 10));
    }

    @Test
    void aWordLongerThanTheWidthStaysWholeOnItsLine() {
        assertEquals(List.of("a", "jdk.internal.org.objectweb.asm.Frame.merge", "b"),
                Wrap.lines("a jdk.internal.org.objectweb.asm.Frame.merge b", 10));
        assertEquals(List.of("jdk.internal.org.objectweb.asm"), Wrap.lines("jdk.internal.org.objectweb.asm", 5));
    }

    @Test
    void everyLineFitsAndNoWordIsLost() {
        String s = "park on main 20.5 ms overlapped (io.puredots.sim.jobs.JobScheduler); JIT: 3 compilations"
                + " 115.6 ms overlapped (longest 61.8 ms: java.util.HashMap.getNode, c2 level 4); CPU: machine"
                + " 100%, JVM 59% -> other processes 41%";
        for (int width = 20; width <= 120; width += 7) {
            List<String> lines = Wrap.lines(s, width);
            for (String l : lines) {
                assertTrue(l.length() <= width || !l.contains(" "), width + ": " + l);
            }
            assertEquals(s, String.join(" ", lines), "width " + width);
        }
    }

    @Test
    void refusesAWidthBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> Wrap.lines("x", 0));
    }
}
