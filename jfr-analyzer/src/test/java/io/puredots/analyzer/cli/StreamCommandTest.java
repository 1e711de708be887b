package io.puredots.analyzer.cli;

import io.puredots.events.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    /** The reference game in a child JVM, running until destroyed; returns once it has ticked. */
    static Process startGame() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process game = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TickingGame.class.getName(),
                "--entities", "2000", "--ticks", "100000000", "--fps", "60", "--workers", "1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader said = new BufferedReader(new InputStreamReader(game.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ticking", said.readLine(), "the game's first line");
        return game;
    }

    static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    static long frames(Path jsonl) {
        try {
            return Files.readAllLines(jsonl).stream()
                    .filter(l -> l.contains("\"metric\":\"frame_time\"") && l.contains("\"level\":\"frame\"")).count();
        } catch (java.io.IOException notYet) {
            return 0;
        }
    }

    /**
     * {@code jfr-analyzer stream} in a child JVM, as a user runs it (whatever the JDK prints to its
     * stderr shows): returns once it has said it attached, with the rest of its stderr to read.
     */
    static Stream startStream(Process game, Path out) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "stream", "--pid", Long.toString(game.pid()), "--resolution", "raw", "--to", out.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Stream s = new Stream(p, new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8)));
        assertEquals("jfr-analyzer stream: attached to " + game.pid() + ", writing to " + out, s.err().readLine());
        return s;
    }

    /**
     * Every line is one of the command's own one-line messages (no stack trace, no RMI exception
     * continued on a second line), and the last is {@code summary}. Warnings may come before it
     * (for example the JDK's live stream losing pooled names, see jfr-export's README).
     */
    static void assertOneLineMessagesEndingWith(String summary, List<String> lines) {
        assertTrue(lines.stream().allMatch(l -> l.startsWith("jfr-analyzer stream: ")), String.join("\n", lines));
        assertEquals(summary, lines.isEmpty() ? null : lines.get(lines.size() - 1), String.join("\n", lines));
    }

    /** A stream command's process and its stderr. */
    record Stream(Process process, BufferedReader err) {
    }

    @Test
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void endsWhenTheGameExitsWithTheSummaryAndExitZero() throws Exception {
        Process game = startGame();
        Stream stream = null;
        try {
            Path out = dir.resolve("until-exit.jsonl");
            stream = startStream(game, out);
            BufferedReader err = stream.err();
            assertTrue(Await.until(Duration.ofSeconds(60), () -> frames(out) > 10), "frames streamed before the game ends");
            stop(game); // the game's JVM exits (SIGTERM)
            assertTrue(stream.process().waitFor(60, TimeUnit.SECONDS), "the stream ended after the game"); // before: still waiting 600 s later
            List<String> rest = err.lines().toList();
            assertOneLineMessagesEndingWith("jfr-analyzer stream: " + Files.readAllLines(out).size() + " points to " + out + " (jsonl)", rest);
            assertTrue(rest.contains("jfr-analyzer stream: the process exited; writing what it sent"), rest.toString());
            assertEquals(0, stream.process().exitValue(), "every point was delivered");
        } finally {
            if (stream != null) {
                stop(stream.process());
            }
            stop(game);
        }
    }

    @Test
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void ctrlCPrintsTheSameSummaryWithoutStackTraces() throws Exception {
        Process game = startGame();
        Stream stream = null;
        try {
            Path out = dir.resolve("ctrl-c.jsonl");
            stream = startStream(game, out);
            BufferedReader err = stream.err();
            assertTrue(Await.until(Duration.ofSeconds(60), () -> frames(out) > 10), "frames streamed");
            // SIGTERM runs the same shutdown hook as Ctrl-C's SIGINT (which a background job ignores);
            // the handle's destroy, because Process.destroy would also close the pipe read below
            stream.process().toHandle().destroy();
            List<String> rest = err.lines().toList();
            assertTrue(stream.process().waitFor(60, TimeUnit.SECONDS));
            assertOneLineMessagesEndingWith("jfr-analyzer stream: " + Files.readAllLines(out).size() + " points to " + out + " (jsonl)", rest);
            assertEquals(0, stream.process().exitValue(), "every point was delivered");
            assertTrue(game.isAlive(), "the game runs on");
        } finally {
            if (stream != null) {
                stop(stream.process());
            }
            stop(game);
        }
    }

    @Test
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void unreachableServerExitsTwo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        Process game = startGame();
        try {
            CliRun r = CliRun.of("stream", "--pid", Long.toString(game.pid()), "--duration", "3", "--give-up-after", "1",
                    "--to", "http://127.0.0.1:" + port + "?db=game");
            assertEquals(2, r.code(), r.err());
            String summary = r.err().lines().filter(l -> l.contains(" points to InfluxDB")).findFirst().orElseThrow(() -> new AssertionError(r.err()));
            assertTrue(summary.matches("jfr-analyzer stream: (\\d+) points to InfluxDB 1\\.x .*; points: 0 of \\1 written, .*; \\1 not delivered"), summary);
        } finally {
            stop(game);
        }
    }

    @Test
    void malformedUrlsAreOneLineAndExitTwo() {
        for (String url : new String[] {"http://127.0.0.1:80 86?db=x", "http://[::1?db=x", "http://127.0.0.1:99999?db=x"}) {
            CliRun r = CliRun.of("stream", "--pid", Long.toString(ProcessHandle.current().pid()), "--to", url);
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("jfr-analyzer stream: ") && r.err().contains(url), r.err());
        }
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
