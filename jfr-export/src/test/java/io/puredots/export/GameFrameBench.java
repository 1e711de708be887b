package io.puredots.export;

import io.puredots.events.EventNames;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.HdrHistogram.Histogram;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark driver, not a test (jfr-export/bench/frame-time-export.sh): runs the sim-runtime game
 * at 60 fps recorded with puredots.jfc, with {@code --export-to} pointing at
 * <ul>
 *   <li>{@code none}: no export (the recording alone),</li>
 *   <li>{@code up}: a local influxd started here,</li>
 *   <li>{@code down}: a closed loopback port (connection refused; the sink retries and spills),</li>
 *   <li>{@code stalled}: a port that accepts and never answers (every request times out),</li>
 * </ul>
 * and prints the p50/p99/max frame time after warm-up, read from the game's own recording.
 * <pre>{@code java -cp ... io.puredots.export.GameFrameBench SIM_JAR JFC MODE TICKS WARMUP [sim options...]}</pre>
 */
public final class GameFrameBench {
    private GameFrameBench() {
    }

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        String jfc = args[1];
        String mode = args[2];
        int ticks = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        Path dir = Files.createTempDirectory("game-frame-bench");
        InfluxdServer influxd = null;
        ServerSocket stalled = null;
        try {
            String endpoint = null;
            if (mode.equals("up")) {
                Files.createDirectories(dir.resolve("influxd"));
                influxd = new InfluxdServer(dir.resolve("influxd")).start();
                influxd.createDatabase("bench");
                endpoint = influxd.uri() + "?db=bench";
            } else if (mode.equals("down")) {
                endpoint = "http://127.0.0.1:" + InfluxdServer.freePort() + "?db=bench";
            } else if (mode.equals("stalled")) {
                stalled = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
                endpoint = "http://127.0.0.1:" + stalled.getLocalPort() + "?db=bench";
            }
            Path rec = dir.resolve("game.jfr");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:StartFlightRecording:settings=" + jfc + ",filename=" + rec, "-jar", jar,
                    "--ticks", Integer.toString(ticks), "--fps", "60"));
            for (int i = 5; i < args.length; i++) {
                cmd.add(args[i]);
            }
            if (endpoint != null) {
                cmd.add("--export-to");
                cmd.add(endpoint);
            }
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(dir.resolve("game.err").toFile()).start();
            int rc = p.waitFor();
            String err = Files.readString(dir.resolve("game.err"));
            if (rc != 0) {
                throw new IllegalStateException("game exited " + rc + ": " + err);
            }
            Histogram h = new Histogram(3);
            for (RecordedEvent e : RecordingFile.readAllEvents(rec)) {
                if (e.getEventType().getName().equals(EventNames.FRAME) && e.getLong("tick") >= warmup) {
                    h.recordValue(e.getDuration().toNanos());
                }
            }
            String export = err.lines().filter(l -> l.startsWith("sim-runtime: export:")).reduce("", (a, b) -> b)
                    .replace("sim-runtime: ", "");
            System.out.printf("mode=%s frames=%d p50_ms=%.3f p99_ms=%.3f max_ms=%.3f %s%n", mode, h.getTotalCount(),
                    h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6, export);
        } finally {
            if (influxd != null) {
                influxd.stop();
            }
            if (stalled != null) {
                stalled.close();
            }
            new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor();
        }
    }
}
