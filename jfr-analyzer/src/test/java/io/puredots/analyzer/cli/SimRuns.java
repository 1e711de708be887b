package io.puredots.analyzer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the reference game (sim-runtime's {@code io.puredots.sim.Main}, on the test class path) in a
 * child JVM recording with {@code puredots.jfc}, as the harness does. Stateless.
 */
final class SimRuns {
    private SimRuns() {
    }

    /** {@code puredots.jfc} from the jfr-events jar, copied into {@code dir}. */
    static Path jfc(Path dir) throws IOException {
        Path jfc = dir.resolve("puredots.jfc");
        try (InputStream in = SimRuns.class.getResourceAsStream("/io/puredots/events/puredots.jfc")) {
            Files.copy(in, jfc, StandardCopyOption.REPLACE_EXISTING);
        }
        return jfc;
    }

    /** Runs the game with {@code gameArgs} into {@code recording}; fails the test if the game fails. */
    static Path run(Path jfc, Path recording, String... gameArgs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m",
                "-XX:StartFlightRecording:filename=" + recording + ",settings=" + jfc,
                "-cp", System.getProperty("java.class.path"), "io.puredots.sim.Main"));
        cmd.addAll(List.of(gameArgs));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the game did not end");
        assertEquals(0, p.exitValue(), "the game's exit code");
        assertTrue(Files.size(recording) > 0, "no recording");
        return recording;
    }
}
