package io.puredots.analyzer.read.source;

import io.puredots.events.testing.GameEvents;
import io.puredots.events.testing.RecordingFiles;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Big broken recordings analyzed by {@code jfr-analyzer report} in a child JVM under
 * {@code -Xmx256m} with a watchdog: each ends with exit code 0 or 1 (a report, partial with
 * warnings) or 2 (one line on stderr), never an OutOfMemoryError, a stack trace or a hang.
 */
@Timeout(600)
class BrokenRecordingsHeapTest {
    @TempDir
    static Path dir;
    static Path big;

    /** About 40 MB in 3+ chunks of puredots events (180,000 frames). */
    @BeforeAll
    static void recordBig() throws Exception {
        big = dir.resolve("big.jfr");
        try (Recording r = new Recording()) {
            r.enable("puredots.Frame");
            r.enable("puredots.SystemTick");
            r.setToDisk(true);
            r.start();
            String[] systems = new String[8];
            for (int s = 0; s < systems.length; s++) {
                systems[s] = "System" + s;
            }
            long tick = 0;
            for (int chunk = 0; chunk < 3; chunk++) {
                if (chunk > 0) {
                    RecordingFiles.rotateChunk();
                }
                tick = GameEvents.frames(tick, 60_000, 0, "SimulationSystemGroup", systems);
            }
            r.stop();
            r.dump(big);
        }
        assertTrue(Files.size(big) > 20L << 20, "recording too small: " + Files.size(big));
    }

    private record Run(int exit, String stdout, String stderr) {
    }

    /** Runs the report in a child JVM; JMC only on the intact recording (it is skipped on damaged ones). */
    private static Run child(Path input) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), "io.puredots.analyzer.cli.Main", "report",
                // about damage and heap, not the gate: with every chunk holding game events damaged,
                // "nothing to judge" would be exit 2 after a written report
                "--allow-no-data"));
        if (!input.equals(big)) {
            cmd.add("--no-jmc");
        }
        cmd.add(input.toString());
        Process p = new ProcessBuilder(cmd).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
        if (!p.waitFor(180, TimeUnit.SECONDS)) { // watchdog
            p.destroyForcibly();
            throw new AssertionError("hang: " + input.getFileName() + " still running after 180 s");
        }
        return new Run(p.exitValue(), out.get(), err.get());
    }

    /** The report's JMC line that says whether the rules ran. */
    private static String jmcLine(String report) {
        return report.lines().filter(l -> l.contains("JMC rules")).findFirst().orElse("").strip();
    }

    private static String drain(InputStream in) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toString(StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "drain failed: " + e.getMessage();
        }
    }

    @Test
    void bigBrokenRecordingsStayWithin256MegabytesOfHeap() throws Exception {
        byte[] good = Files.readAllBytes(big);
        List<Path> inputs = new ArrayList<>();
        inputs.add(big);
        Path truncated = dir.resolve("big-truncated-50.jfr");
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length / 2));
        inputs.add(truncated);
        Path flipped = dir.resolve("big-bit-flips.jfr");
        byte[] f = good.clone();
        Random rnd = new Random(7);
        for (int i = 0; i < 64; i++) {
            int at = 68 + rnd.nextInt(f.length - 68);
            f[at] ^= (byte) (1 << rnd.nextInt(8));
        }
        Files.write(flipped, f);
        inputs.add(flipped);
        Path blocks = dir.resolve("big-random-4k-blocks.jfr");
        byte[] b = good.clone();
        for (int i = 0; i < 16; i++) {
            byte[] junk = new byte[4096];
            rnd.nextBytes(junk);
            System.arraycopy(junk, 0, b, rnd.nextInt(b.length - 4096), 4096);
        }
        Files.write(blocks, b);
        inputs.add(blocks);
        Path absurd = dir.resolve("big-absurd-size.jfr");
        Files.copy(big, absurd);
        try (RandomAccessFile raf = new RandomAccessFile(absurd.toFile(), "rw")) {
            raf.seek(8);
            raf.writeLong(Long.MAX_VALUE);
        }
        inputs.add(absurd);
        Path gz = dir.resolve("big.jfr.gz");
        Files.write(gz, BrokenRecordingsTest.gzip(good));
        inputs.add(gz);

        for (Path in : inputs) {
            Run r = child(in);
            assertFalse(r.stderr().contains("OutOfMemoryError"), in + ": " + r.stderr());
            assertFalse(r.stderr().contains("\tat "), in + ": stack trace: " + r.stderr());
            if (in.equals(big)) {
                // the intact recording's report says whether the JMC rules ran within this heap, or why not
                assertTrue(jmcLine(r.stdout()).contains("JMC rules "), r.stdout());
            }
            if (r.exit() == 2) {
                assertEquals(1, r.stderr().strip().lines().count(), in + ": " + r.stderr());
                assertTrue(r.stdout().isEmpty(), in + ": " + r.stdout());
            } else {
                assertTrue(r.exit() == 0 || r.exit() == 1, in + ": exit " + r.exit() + ": " + r.stderr());
                assertTrue(r.stdout().startsWith("jfr-analyzer report\n"), in + ": " + r.stdout());
                assertTrue(r.stderr().lines().allMatch(l -> l.startsWith("jfr-analyzer report: warning: ")), r.stderr());
            }
        }
    }
}
