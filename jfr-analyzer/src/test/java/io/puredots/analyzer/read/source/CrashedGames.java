package io.puredots.analyzer.read.source;

import io.puredots.events.testing.Await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test game ({@link KilledGame}, {@link OomGame}) in a child JVM recording into a JFR
 * repository, and makes it stop the hard way once JFR has flushed what it emitted: {@code kill -9},
 * or its own {@code OutOfMemoryError}. What is left is the repository a crashed game leaves, with
 * a last chunk the JVM was still writing.
 */
final class CrashedGames {
    private static final int FILE_STATE_OFFSET = 64;

    private CrashedGames() {
    }

    /**
     * What a stopped game left.
     *
     * @param repository the JFR repository (one run's directory inside it)
     * @param frames     frames the game said it emitted before it stopped (its log)
     * @param exitCode   the child's exit code
     */
    record Remains(Path repository, long frames, int exitCode) {
    }

    /** Runs {@link KilledGame} and kills it ({@code SIGKILL}) after the flush that follows its frames. */
    static Remains killed(Path repo) throws Exception {
        return run(repo, KilledGame.class, List.of(), true);
    }

    /** Runs {@link OomGame}: after the flush that follows its frames, it dies of OutOfMemoryError. */
    static Remains outOfMemory(Path repo) throws Exception {
        return run(repo, OomGame.class, List.of("-XX:+ExitOnOutOfMemoryError"), false);
    }

    private static Remains run(Path repo, Class<?> game, List<String> flags, boolean kill) throws Exception {
        Files.createDirectories(repo);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:FlightRecorderOptions:repository=" + repo, "-XX:StartFlightRecording"));
        cmd.addAll(flags);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), game.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            long frames = -1;
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                seen.append(line).append('\n');
                if (line.startsWith("frames ")) {
                    frames = Long.parseLong(line.substring("frames ".length()));
                }
            }
            if (line == null || frames < 0) {
                throw new AssertionError("child ended without 'frames N' and READY:\n" + seen);
            }
            Path chunk = runningChunk(repo);
            int generation = fileState(chunk);
            // JFR flushes about once a second; the next flush holds every frame emitted before READY
            if (!Await.until(Duration.ofSeconds(30), () -> advanced(chunk, generation))) {
                throw new AssertionError("JFR did not flush " + chunk + " within 30 s");
            }
            if (kill) {
                p.destroyForcibly(); // closes the child's streams too
            } else {
                try (OutputStream in = p.getOutputStream()) {
                    in.write('\n');
                }
                drain(p.getInputStream());
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError(game.getSimpleName() + " did not end within 60 s");
            }
            return new Remains(chunk.getParent(), frames, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
    }

    /** The newest chunk file of the repository's one run: the one the JVM is writing. */
    static Path runningChunk(Path repo) throws IOException {
        try (var files = Files.walk(repo)) {
            return files.filter(f -> f.toString().endsWith(".jfr")).max(Path::compareTo)
                    .orElseThrow(() -> new AssertionError("no chunk file in " + repo));
        }
    }

    private static boolean advanced(Path chunk, int generation) {
        try {
            int now = fileState(chunk);
            return now != generation && now != 0xFF;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The header's file state: 0 finished, else the flush generation (255 while rewritten). */
    static int fileState(Path chunk) throws IOException {
        try (InputStream in = Files.newInputStream(chunk)) {
            byte[] h = in.readNBytes(FILE_STATE_OFFSET + 1);
            return h.length <= FILE_STATE_OFFSET ? 0xFF : h[FILE_STATE_OFFSET] & 0xFF;
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        while (in.read(buf) >= 0) {
            // the child's last words, not needed; reading them lets it exit
        }
    }
}
