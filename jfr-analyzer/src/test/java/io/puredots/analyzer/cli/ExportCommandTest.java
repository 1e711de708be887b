package io.puredots.analyzer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.puredots.events.EventNames;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ExportCommandTest {
    static final String SIM = GoldenReportTest.SIM;

    @TempDir
    Path dir;

    static List<Long> frameStarts() throws Exception {
        List<Long> starts = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(SIM))) {
            if (e.getEventType().getName().equals(EventNames.FRAME)) {
                starts.add(e.getStartTime().getEpochSecond() * 1_000_000_000L + e.getStartTime().getNano());
            }
        }
        Collections.sort(starts);
        return starts;
    }

    @Test
    void jsonLinesToStdoutCarryTheRecordingsNanosecondTimestamps() throws Exception {
        CliRun r = CliRun.of("export", SIM);
        assertEquals(0, r.code(), r.err());
        ObjectMapper om = new ObjectMapper();
        List<Long> frames = new ArrayList<>();
        for (String line : r.out().lines().toList()) {
            JsonNode n = om.readTree(line);
            if (n.get("metric").asText().equals("frame_time") && n.get("tags").get("level").asText().equals("frame")) {
                frames.add(n.get("timestamp").asLong());
            }
        }
        Collections.sort(frames);
        assertEquals(frameStarts(), frames);
        assertTrue(r.err().startsWith("jfr-analyzer export: "), r.err());
        assertTrue(r.err().contains(r.out().lines().count() + " points (jsonl, raw)"), r.err());
    }

    @Test
    void writesAFileAndNeverOverwritesOneSilently() throws Exception {
        Path out = dir.resolve("run.csv");
        CliRun r = CliRun.of("export", SIM, "--format", "csv", "--resolution", "1s", "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.get(0).startsWith("timestamp,metric,level,group,"));
        assertTrue(lines.size() > 10);
        Files.writeString(out, "precious");
        r = CliRun.of("export", SIM, "--format", "csv", "--output", out.toString());
        assertEquals(2, r.code());
        assertEquals("jfr-analyzer export: '" + out + "' exists; use --force to overwrite it\n", r.err());
        assertEquals("precious", Files.readString(out));
        assertEquals(0, CliRun.of("export", SIM, "--format", "influx", "--output", out.toString(), "--force").code());
        assertTrue(Files.readString(out).startsWith("frame_time,") || Files.readString(out).contains("\nframe_time,"));
    }

    @Test
    void forceReplacesOnlyARegularFile() throws Exception {
        Path precious = Files.writeString(dir.resolve("precious.jsonl"), "precious");
        Path link = Files.createSymbolicLink(dir.resolve("run.jsonl"), precious);
        CliRun r = CliRun.of("export", SIM, "-o", link.toString(), "--force");
        assertEquals(2, r.code(), r.err());
        assertEquals("jfr-analyzer export: cannot write '" + link + "': it is a symbolic link (--force replaces only a"
                + " regular file)\n", r.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("precious", Files.readString(precious));
    }

    @Test
    void outputFilesGetTheUmasksModeEvenWhenReplacingAPrivateFile() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        int umask = umask();
        Set<PosixFilePermission> usual = permissions(0666 & ~umask); // 0644 with umask 022
        Path out = dir.resolve("run.jsonl");
        assertEquals(0, CliRun.of("export", SIM, "--resolution", "1s", "-o", out.toString()).code());
        assertEquals(PosixFilePermissions.toString(usual), PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
        assertEquals(0, CliRun.of("export", SIM, "--resolution", "1s", "-o", out.toString(), "--force").code());
        assertEquals(PosixFilePermissions.toString(usual), PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    /** This process's umask, as a shell started from it reports it. */
    private static int umask() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "umask").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        return Integer.parseInt(text, 8);
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE: bits 8 .. 0
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << (bits.length - 1 - i))) != 0) {
                out.add(bits[i]);
            }
        }
        return out;
    }

    @Test
    void aFileSystemThatRefusesEvenRootIsOneLineAndNoSummary() {
        // sysfs lets nobody create files, root included; where it is mounted read-only, that is the reason
        assumeTrue(Files.isDirectory(Path.of("/sys")), "needs /sys");
        Path target = Path.of("/sys/jfr-analyzer-export-test.jsonl");
        CliRun r = CliRun.of("export", SIM, "-o", target.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().equals("jfr-analyzer export: permission denied writing '" + target + "'\n")
                || r.err().equals("jfr-analyzer export: '" + target + "' is on a read-only file system\n"), r.err());
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        assertBad("jfr-analyzer export: unknown format 'xml' (known: jsonl, influx, csv)", "export", SIM, "--format", "xml");
        assertBad("jfr-analyzer export: unknown resolution '5s' (known: raw, frame, 1s, 10s)", "export", SIM, "--resolution", "5s");
        assertBad("jfr-analyzer export: cannot read 'nope.jfr': no such file", "export", "nope.jfr");
        assertBad("jfr-analyzer export: --db, --org, --bucket and --token-file need --to URL", "export", SIM, "--db", "x");
        assertBad("jfr-analyzer export: --to needs --db NAME (InfluxDB 1.x) or --org and --bucket (2.x)",
                "export", SIM, "--to", "http://127.0.0.1:1");
        assertBad("jfr-analyzer export: --to writes line protocol; --format csv cannot be used with it",
                "export", SIM, "--to", "http://127.0.0.1:1", "--db", "x", "--format", "csv");
    }

    private static void assertBad(String message, String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(2, r.code(), r.err());
        assertEquals(message + "\n", r.err());
    }

    @Test
    void writesToInfluxOverHttpInBatchesWithTheTokenOnlyInTheHeader() throws Exception {
        String token = "tok-" + System.nanoTime();
        Path tokenFile = Files.writeString(dir.resolve("token"), token + "\n");
        List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        List<String> auth = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            try (InputStream in = new GZIPInputStream(ex.getRequestBody())) {
                bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            auth.add(ex.getRequestHeaders().getFirst("Authorization") + " " + ex.getRequestURI());
            ex.sendResponseHeaders(ex.getRequestURI().getQuery().contains("db=missing") ? 404 : 204, -1);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            CliRun r = CliRun.of("export", SIM, "--to", url, "--db", "game", "--batch-size", "1000", "--token-file", tokenFile.toString());
            assertEquals(0, r.code(), r.err());
            long lines = bodies.stream().mapToLong(b -> b.lines().count()).sum();
            assertTrue(bodies.size() > 1 && bodies.stream().allMatch(b -> b.lines().count() <= 1000));
            assertTrue(r.err().contains("points: " + lines + " of " + lines + " written, 0 retried, 0 refused, 0 dropped (" + bodies.size() + " requests"), r.err());
            assertEquals("Token " + token + " /write?db=game&precision=ns", auth.get(0));
            assertFalse(r.err().contains(token));
            CliRun bad = CliRun.of("export", SIM, "--to", url, "--db", "missing", "--token-file", tokenFile.toString());
            assertEquals(2, bad.code());
            assertTrue(bad.err().lines().anyMatch(l -> l.startsWith("jfr-analyzer export: influxdb has no database 'missing' (404)")), bad.err());
            assertFalse(bad.err().contains(token));
            assertFalse(bad.err().contains("Exception"), bad.err());
        } finally {
            server.stop(0);
        }
        assertEquals(1, auth.stream().filter(a -> a.contains("db=missing")).count(), "404 is not retried");
    }
}
