package io.puredots.export;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The HTTP sink against a real InfluxDB 1.x with {@code auth-enabled = true}: basic auth writes,
 * and a refused or missing password is one fatal message that never shows the password.
 */
class InfluxdAuthTest {
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "admin-pw-" + Long.toHexString(System.nanoTime());
    static final String WRITER = "writer";
    static final String WRITER_PASSWORD = "writer-pw-" + Long.toHexString(System.nanoTime() ^ 0x5a5a);

    @TempDir
    static Path dir;
    static InfluxdServer influxd;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(dir.resolve("influxd"));
        influxd = InfluxdServer.withAuth(dir.resolve("influxd"), ADMIN, ADMIN_PASSWORD).start();
        influxd.createDatabase("game");
        influxd.query(null, "CREATE USER \"" + WRITER + "\" WITH PASSWORD '" + WRITER_PASSWORD + "'");
        influxd.query(null, "GRANT ALL ON \"game\" TO \"" + WRITER + "\"");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (influxd != null) {
            influxd.stop();
        }
    }

    private static InfluxHttpSink.Options options(List<String> warnings) {
        InfluxHttpSink.Options o = new InfluxHttpSink.Options();
        o.backoffBase = Duration.ofMillis(20);
        o.backoffCap = Duration.ofMillis(200);
        o.giveUpAfter = Duration.ofSeconds(30);
        o.spillDir = dir;
        o.warnings = warnings::add;
        return o;
    }

    private static InfluxHttpSink write(InfluxCredentials credentials, int points, List<String> warnings) throws Exception {
        InfluxHttpSink sink = new InfluxHttpSink(InfluxTarget.v1(influxd.uri(), "game", null).withCredentials(credentials),
                options(warnings));
        try (sink) {
            for (int i = 0; i < points; i++) {
                sink.write(Point.rawDouble(Metric.WORKER_UTILIZATION, 1_700_000_000_000_000_000L + i,
                        Point.tags("worker", "w" + credentials.hashCode()), i));
            }
        } catch (ExportException refusedMidway) {
            // the sink stops taking points once the server refused the credentials; stats() counts them
        }
        return sink;
    }

    @Test
    void writesWithBasicAuthAndTheServerStoresEveryPoint() throws Exception {
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        InfluxCredentials writer = InfluxCredentials.basic(WRITER, WRITER_PASSWORD);
        InfluxHttpSink sink = write(writer, 1234, warnings);
        assertEquals(1234, sink.stats().written, sink.stats().toString());
        assertEquals(0, sink.stats().dropped);
        assertEquals(List.of(), warnings);
        assertEquals(1234, influxd.count("game", "SELECT count(\"value\") FROM \"worker_utilization\" WHERE \"worker\"='w"
                + writer.hashCode() + "'"));
    }

    @Test
    void theServerReallyRefusesAnonymousWrites() throws Exception {
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        InfluxHttpSink sink = write(InfluxCredentials.NONE, 10, warnings);
        assertEquals(0, sink.stats().written);
        assertEquals(10, sink.stats().refused, sink.stats().toString());
        assertEquals(0, sink.stats().dropped);
        assertEquals("influxdb refused the credentials (401): none were sent; give a username and password "
                + "(INFLUX_USERNAME and INFLUX_PASSWORD, or --credentials-file) or a token (INFLUX_TOKEN or --token-file): "
                + "unable to parse authentication credentials", sink.fatalError());
    }

    @Test
    void aWrongPasswordIsOneFatalMessageWithoutThePassword() throws Exception {
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        String wrong = WRITER_PASSWORD + "-wrong";
        InfluxHttpSink sink = write(InfluxCredentials.basic(WRITER, wrong), 7000, warnings);
        assertEquals(0, sink.stats().written);
        assertEquals(1, sink.stats().requests, "a refused password is not retried");
        assertTrue(sink.stats().dropped > 0, sink.stats().toString());
        String expected = "influxdb refused the credentials (401): check the username and password in INFLUX_USERNAME "
                + "and INFLUX_PASSWORD or --credentials-file: authorization failed";
        assertEquals(expected, sink.fatalError());
        assertEquals(List.of(expected), warnings);
        assertFalse(String.join("\n", warnings).contains(wrong));
    }
}
