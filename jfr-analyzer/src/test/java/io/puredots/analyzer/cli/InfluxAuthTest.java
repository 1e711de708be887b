package io.puredots.analyzer.cli;

import io.puredots.export.InfluxdServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code export --to}, {@code stream --to} and the game's {@code --export-to} against a real
 * InfluxDB 1.x with {@code auth-enabled = true}: the username and password come from a
 * credentials file or the environment and every point arrives; on every failure path (wrong
 * password, wrong token, server unreachable, no such database) the password and the token appear
 * in no output.
 */
class InfluxAuthTest {
    static final String SIM = GoldenReportTest.SIM;
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "adm-" + Long.toHexString(System.nanoTime());
    static final String WRITER = "writer";
    static final String WRITER_PASSWORD = "wpw-" + Long.toHexString(System.nanoTime() ^ 0x3c3c3c);
    static final String TOKEN = "tok-" + Long.toHexString(System.nanoTime() ^ 0x717171);

    @TempDir
    static Path dir;
    static InfluxdServer influxd;
    static String url;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(dir.resolve("influxd"));
        influxd = InfluxdServer.withAuth(dir.resolve("influxd"), ADMIN, ADMIN_PASSWORD).start();
        url = influxd.uri().toString();
        for (String db : List.of("export", "envexport", "stream", "game")) {
            influxd.createDatabase(db);
        }
        influxd.query(null, "CREATE USER \"" + WRITER + "\" WITH PASSWORD '" + WRITER_PASSWORD + "'");
        for (String db : List.of("export", "envexport", "stream", "game")) {
            influxd.query(null, "GRANT WRITE ON \"" + db + "\" TO \"" + WRITER + "\"");
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (influxd != null) {
            influxd.stop();
        }
    }

    static Path privateFile(String name, String content) throws Exception {
        Path f = Files.writeString(dir.resolve(name), content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    static long frames() throws Exception {
        return ExportCommandTest.frameStarts().size();
    }

    /** The frame points a database holds (raw points count 1 each, windows their count). */
    static long framesIn(String db) throws Exception {
        return influxd.count(db, "SELECT count(\"value\") FROM \"frame_time\" WHERE \"level\"='frame'")
                + influxd.count(db, "SELECT sum(\"count\") FROM \"frame_time\" WHERE \"level\"='frame'");
    }

    @Test
    void exportWritesEveryPointWithACredentialsFile() throws Exception {
        Path creds = privateFile("writer.creds", WRITER + ":" + WRITER_PASSWORD + "\n");
        CliRun r = CliRun.of("export", SIM, "--to", url, "--db", "export", "--credentials-file", creds.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(frames(), framesIn("export"));
        assertTrue(r.err().contains(" 0 dropped"), r.err());
    }

    @Test
    void exportTakesTheUsernameAndPasswordFromTheEnvironment() throws Exception {
        Child c = Child.run(Map.of("INFLUX_USERNAME", WRITER, "INFLUX_PASSWORD", WRITER_PASSWORD),
                "io.puredots.analyzer.cli.Main", "export", SIM, "--to", url, "--db", "envexport", "--resolution", "1s");
        assertEquals(0, c.code, c.err);
        assertEquals(frames(), framesIn("envexport"));
    }

    @Test
    void aWrongPasswordIsOneLineAndExitTwo() throws Exception {
        Path creds = privateFile("wrong.creds", WRITER + "\n" + WRITER_PASSWORD + "x\n");
        CliRun r = CliRun.of("export", SIM, "--to", url, "--db", "export", "--credentials-file", creds.toString());
        assertEquals(2, r.code(), r.err());
        List<String> refusals = r.err().lines().filter(l -> l.contains("refused the credentials")).distinct().toList();
        assertEquals(List.of("jfr-analyzer export: influxdb refused the credentials (401): check the username and password "
                + "in INFLUX_USERNAME and INFLUX_PASSWORD or --credentials-file: authorization failed"), refusals, r.err());
        assertTrue(r.err().lines().allMatch(l -> l.startsWith("jfr-analyzer export: ")), "one-line messages only:\n" + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aCredentialsFileOthersCanReadIsRefused() throws Exception {
        Path creds = privateFile("open.creds", WRITER + ":" + WRITER_PASSWORD);
        Files.setPosixFilePermissions(creds, PosixFilePermissions.fromString("rw-r--r--"));
        CliRun r = CliRun.of("export", SIM, "--to", url, "--db", "export", "--credentials-file", creds.toString());
        assertEquals(2, r.code());
        assertEquals("jfr-analyzer export: credentials file '" + creds + "' can be read by other users (rw-r--r--); "
                + "make it private first: chmod 600 '" + creds + "'\n", r.err());
    }

    @Test
    void noFailurePathShowsThePasswordOrTheToken() throws Exception {
        Path wrongPassword = privateFile("bad.creds", WRITER + ":" + WRITER_PASSWORD + "-not");
        Path admin = privateFile("admin.creds", ADMIN + ":" + ADMIN_PASSWORD);
        Path writer = privateFile("good.creds", WRITER + ":" + WRITER_PASSWORD);
        Path token = privateFile("token", TOKEN + "\n");
        String closed = "http://127.0.0.1:" + InfluxdServer.freePort();
        List<String> outputs = new ArrayList<>();
        List<String[]> runs = List.of(
                // 401: wrong password, and a token influxd 1.6 does not take
                new String[] {"export", SIM, "--to", url, "--db", "export", "--credentials-file", wrongPassword.toString()},
                new String[] {"export", SIM, "--to", url, "--db", "export", "--token-file", token.toString(), "--verbose"},
                // unreachable
                new String[] {"export", SIM, "--to", closed, "--db", "export", "--credentials-file", writer.toString(),
                    "--give-up-after", "1"},
                new String[] {"export", SIM, "--to", closed, "--org", "o", "--bucket", "b", "--token-file", token.toString(),
                    "--give-up-after", "1", "--verbose"},
                // 404: no such database
                new String[] {"export", SIM, "--to", url, "--db", "missing", "--credentials-file", admin.toString()});
        for (String[] args : runs) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.code(), String.join(" ", args) + "\n" + r.err());
            outputs.add(r.out() + r.err());
        }
        assertTrue(outputs.get(0).contains("(401)") && outputs.get(1).contains("(401)"), outputs.toString());
        assertTrue(outputs.get(4).contains("(404)"), outputs.get(4));
        // the game, with the password in its environment
        Child game = Child.run(Map.of("INFLUX_USERNAME", WRITER, "INFLUX_PASSWORD", WRITER_PASSWORD + "-not", "INFLUX_TOKEN", TOKEN),
                "io.puredots.sim.Main", "--entities", "2000", "--ticks", "30", "--workers", "1",
                "--export-to", url + "?db=game");
        assertTrue(game.err.contains("(401)"), game.err);
        outputs.add(game.out + game.err);
        for (String o : outputs) {
            for (String secret : List.of(WRITER_PASSWORD, ADMIN_PASSWORD, TOKEN)) {
                assertFalse(o.contains(secret), "'" + secret + "' in:\n" + o);
            }
        }
    }

    @Test
    void theGameTakesTheUsernameAndPasswordFromTheEnvironment() throws Exception {
        Child game = Child.run(Map.of("INFLUX_USERNAME", WRITER, "INFLUX_PASSWORD", WRITER_PASSWORD),
                "io.puredots.sim.Main", "--entities", "2000", "--ticks", "30", "--workers", "1",
                "--export-to", url + "?db=game");
        assertEquals(0, game.code, game.err);
        assertEquals(30, framesIn("game"), game.err);
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void streamWritesWithACredentialsFile() throws Exception {
        Path creds = privateFile("stream.creds", WRITER + ":" + WRITER_PASSWORD);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process game = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TickingGame.class.getName(),
                "--entities", "2000", "--ticks", "100000000", "--fps", "60", "--workers", "1")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(game.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ticking", said.readLine(), "the game's first line");
            CliRun r = CliRun.of("stream", "--pid", Long.toString(game.pid()), "--duration", "4",
                    "--to", url + "?db=stream", "--credentials-file", creds.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(framesIn("stream") > 10, "frames streamed: " + framesIn("stream") + "\n" + r.err());
            assertFalse(r.err().contains(WRITER_PASSWORD), r.err());
        } finally {
            game.destroy();
            game.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A child JVM on the test class path with extra environment variables; its output in files. */
    record Child(int code, String out, String err) {
        static Child run(Map<String, String> env, String mainClass, String... args) throws Exception {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass));
            cmd.addAll(List.of(args));
            Path out = Files.createTempFile(dir, "child", ".out");
            Path err = Files.createTempFile(dir, "child", ".err");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().remove("INFLUX_TOKEN");
            pb.environment().remove("INFLUX_USERNAME");
            pb.environment().remove("INFLUX_PASSWORD");
            pb.environment().putAll(env);
            Process p = pb.start();
            assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the child did not end");
            return new Child(p.exitValue(), Files.readString(out), Files.readString(err));
        }
    }
}
