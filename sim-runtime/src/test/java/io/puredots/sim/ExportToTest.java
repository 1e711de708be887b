package io.puredots.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --export-to}: the game streams its own telemetry through jfr-export's TelemetryExporter. */
class ExportToTest {
    @TempDir
    Path dir;
    private String err;

    private int run(String... args) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int rc = Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        err = e.toString(StandardCharsets.UTF_8);
        return rc;
    }

    @Test
    void exportsEveryFrameOfTheRunToAFile() throws Exception {
        Path out = dir.resolve("run.jsonl");
        assertEquals(0, run("--entities", "2000", "--ticks", "30", "--workers", "1", "--export-to", out.toString()), err);
        List<String> lines = Files.readAllLines(out);
        Pattern count = Pattern.compile("\"count\":(\\d+)");
        long frames = 0;
        for (String l : lines) {
            if (l.contains("\"metric\":\"frame_time\"") && l.contains("\"level\":\"frame\"")) {
                Matcher m = count.matcher(l);
                assertTrue(m.find(), l);
                frames += Long.parseLong(m.group(1));
            }
        }
        assertEquals(30, frames, "frames in the 1 s windows");
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"level\":\"group\"")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"metric\":\"budget_frame_time\"")));
        assertTrue(err.contains("sim-runtime: export: "), err);
    }

    @Test
    void badEndpointIsOneLineAndExitTwo() {
        assertEquals(2, run("--ticks", "1", "--export-to", "metrics.txt"));
        assertEquals("sim-runtime: --export-to: endpoint 'metrics.txt': expected an http:// URL or a file ending in"
                + " .jsonl, .influx or .csv", err.strip());
        assertEquals(2, run("--ticks", "1", "--export-to"));
        assertEquals("sim-runtime: --export-to needs a value (see --help)", err.strip());
    }
}
