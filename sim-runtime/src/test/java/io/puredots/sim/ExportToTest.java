package io.puredots.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
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
    private String out;
    private String err;

    private int run(String... args) {
        MainRun r = MainRun.of(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    /** An InfluxDB endpoint on a loopback port nothing listens on: every connection is refused. */
    private static String refusingEndpoint() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        return "http://127.0.0.1:" + port + "?db=game";
    }

    @Test
    void exportsEveryFrameOfTheRunToAFile() throws Exception {
        Path file = dir.resolve("run.jsonl");
        assertEquals(0, run("--entities", "2000", "--ticks", "30", "--workers", "1", "--export-to", file.toString()), err);
        List<String> lines = Files.readAllLines(file);
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
        assertTrue(out.contains("  export       " + lines.size() + " points to " + file + " (jsonl)" + System.lineSeparator()), out);
    }

    @Test
    void exportLossesShowInTheSummaryAndNeverFailTheGame() throws Exception {
        String endpoint = refusingEndpoint();
        assertEquals(0, run("--entities", "2000", "--ticks", "20", "--workers", "1", "--export-to", endpoint), err);
        assertTrue(out.contains("  ticks        20"), out);
        String export = out.lines().filter(l -> l.startsWith("  export       ")).findFirst().orElseThrow(() -> new AssertionError(out));
        assertTrue(export.matches("  export       (\\d+) points to InfluxDB 1\\.x .*; points: 0 of \\1 written, .*; \\1 not delivered"), export);
        assertTrue(err.contains("unreachable"), err);
    }

    @Test
    void exportRequiredExitsTwoWhenAnyPointWasNotDelivered() throws Exception {
        assertEquals(2, run("--entities", "2000", "--ticks", "20", "--workers", "1", "--export-required",
                "--export-to", refusingEndpoint()), err);
        assertTrue(out.contains("  ticks        20"), "the game ran to its end: " + out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("  export       ") && l.endsWith(" not delivered")), out);
    }

    @Test
    void exportRequiredIsZeroWhenEveryPointWasDelivered() throws Exception {
        Path file = dir.resolve("all.jsonl");
        assertEquals(0, run("--entities", "2000", "--ticks", "5", "--workers", "1", "--export-required",
                "--export-to", file.toString()), err);
        assertEquals(Files.readAllLines(file).size() + " points to " + file + " (jsonl)",
                out.lines().filter(l -> l.startsWith("  export       ")).findFirst().orElseThrow().substring("  export       ".length()));
    }

    @Test
    void exportRequiredNeedsAnEndpoint() {
        assertEquals(2, run("--ticks", "1", "--export-required"));
        assertEquals("sim-runtime: --export-required needs --export-to ENDPOINT", err.strip());
    }

    @Test
    void malformedUrlsAreOneLineAndExitTwo() {
        for (String url : new String[] {"http://127.0.0.1:80 86?db=x", "http://[::1?db=x", "http://127.0.0.1:99999?db=x"}) {
            assertEquals(2, run("--ticks", "1", "--export-to", url), url + ": " + err);
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.startsWith("sim-runtime: --export-to: "), err);
            assertTrue(err.contains(url), err);
            assertEquals("", out);
        }
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
