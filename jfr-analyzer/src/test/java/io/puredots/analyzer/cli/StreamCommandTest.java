package io.puredots.analyzer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamCommandTest {
    @TempDir
    Path dir;

    @Test
    void unknownProcessIsOneLineAndExitTwo() {
        CliRun r = CliRun.of("stream", "--pid", "2147483000", "--to", dir.resolve("x.jsonl").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("jfr-analyzer stream: cannot attach to process 2147483000: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void streamsARunningGameByPid() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process game = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.puredots.sim.Main",
                "--entities", "2000", "--ticks", "100000000", "--fps", "60", "--workers", "1")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // A user attaches to a game that is already running: wait until this one has used
            // half a second of CPU (its JVM is up and ticking), at most 10 s.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && game.isAlive() && game.info().totalCpuDuration()
                    .map(d -> d.toMillis() < 500).orElse(true)) {
                Thread.sleep(50);
            }
            Path out = dir.resolve("live.jsonl");
            CliRun r = CliRun.of("stream", "--pid", Long.toString(game.pid()), "--duration", "8", "--resolution", "raw",
                    "--to", out.toString());
            assertEquals(0, r.code(), r.err());
            List<String> lines = Files.readAllLines(out);
            long frames = lines.stream().filter(l -> l.contains("\"metric\":\"frame_time\"") && l.contains("\"level\":\"frame\"")).count();
            assertTrue(frames > 10, "frames streamed: " + frames + "\n" + r.err());
            assertTrue(r.err().startsWith("jfr-analyzer stream: attached to " + game.pid()), r.err());
        } finally {
            game.destroy();
            game.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
