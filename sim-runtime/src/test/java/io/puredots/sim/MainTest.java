package io.puredots.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private String out;
    private String err;

    private int run(String... args) {
        MainRun r = MainRun.of(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    @Test
    void runsAndPrintsTheSummary() {
        assertEquals(0, run("--entities", "2000", "--ticks", "12", "--workers", "1", "--seed", "5"));
        assertTrue(out.contains("ticks        12"), out);
        assertTrue(out.contains("checksum"), out);
        assertTrue(out.contains("entities     2000"), out);
    }

    @Test
    void helpPrintsUsage() {
        assertEquals(0, run("--help"));
        assertTrue(out.startsWith("Usage: java -jar sim-runtime.jar"), out);
        assertTrue(out.contains("--slowdown SYSTEM=PERCENT"));
    }

    @Test
    void badArgumentsGiveOneLineAndExitTwo() {
        assertBad("sim-runtime: --entities needs a whole number from 2 to 10000000, got 'many'", "--entities", "many");
        assertBad("sim-runtime: unknown option '--bogus' (see --help)", "--bogus");
        assertBad("sim-runtime: --ticks needs a value (see --help)", "--ticks");
        assertBad("sim-runtime: --scenario needs soak or spikes, got 'storm'", "--scenario=storm");
        assertBad("sim-runtime: --workers needs a whole number from 1 to 256, got '0'", "--workers", "0");
        assertBad("sim-runtime: --slowdown needs SYSTEM=PERCENT with PERCENT from 0 to 100000,"
                + " for example SpatialGridBuildSystem=50, got 'Foo'", "--slowdown", "Foo");
        assertBad("sim-runtime: cannot read budget file 'no/such.budgets': no such file", "--budgets", "no/such.budgets");
    }

    @Test
    void unknownSlowdownSystemIsABadArgument() {
        assertEquals(2, run("--entities", "100", "--ticks", "1", "--slowdown", "NoSuchSystem=10"));
        assertTrue(err.startsWith("sim-runtime: unknown system 'NoSuchSystem' in --slowdown (known: TimeSystem, "), err);
        assertEquals(1, err.lines().count());
    }

    @Test
    void badBudgetFileNamesTheLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.budgets");
        Files.writeString(f, "frame = 16.6 ms\nframes = 3\n");
        assertBad("sim-runtime: bad budget file: " + f + ":2: unknown budget key 'frames' (known: frame, group.<Group>,"
                + " system.<System>, streak.frames, memory.native.at.<N>, memory.native.per-entity, memory.heap,"
                + " critical.ratio, regression.<metric>)", "--budgets", f.toString());
    }

    private void assertBad(String expected, String... args) {
        assertEquals(2, run(args), err);
        assertEquals(expected + System.lineSeparator(), err);
        assertEquals("", out);
    }

    @Test
    void versionPrintsThePomsVersion() throws Exception {
        MainRun r = MainRun.of("--version");
        assertEquals(0, r.code(), r.err());
        // sim-runtime inherits its version from the parent pom
        String pom = java.nio.file.Files.readString(java.nio.file.Path.of("pom.xml"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<parent>.*?<version>([^<]+)</version>",
                java.util.regex.Pattern.DOTALL).matcher(pom);
        assertTrue(m.find(), pom);
        String expected = m.group(1);
        assertEquals("sim-runtime " + expected + System.lineSeparator(), r.out());
        assertEquals(r.out(), MainRun.of("-V").out());
    }
}
