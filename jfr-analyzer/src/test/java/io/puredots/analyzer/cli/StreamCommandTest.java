package io.puredots.analyzer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void streamsARunningGameByPid() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process game = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TickingGame.class.getName(),
                "--entities", "2000", "--ticks", "100000000", "--fps", "60", "--workers", "1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            // A user attaches to a game that is already running: wait until this one says it has ticked.
            BufferedReader said = new BufferedReader(new InputStreamReader(game.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ticking", said.readLine(), "the game's first line");
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
