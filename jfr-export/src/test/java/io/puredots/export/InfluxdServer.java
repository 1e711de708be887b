package io.puredots.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real InfluxDB 1.x ({@code influxd} from Debian's influxdb package) on a free loopback port,
 * with its meta/data/wal directories in a temporary directory, reporting off and no listener but
 * HTTP and the loopback RPC address. ci/test.sh installs the package when it is missing; without
 * the binary the tests fail with a clear message instead of passing.
 *
 * <p>Readiness: waits for influxd's "Listening on HTTP" log line (a marker, not a sleep), then
 * checks {@code /ping}. {@link #stop()} can be followed by {@link #start()} on the same port and
 * data (the "server down" tests).
 */
final class InfluxdServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final Path dir;
    final int port;
    private final int rpcPort;
    private Process process;

    InfluxdServer(Path dir) throws IOException {
        this.dir = dir;
        this.port = freePort();
        this.rpcPort = freePort();
        Files.writeString(dir.resolve("influxd.conf"), String.join("\n",
                "reporting-disabled = true",
                "bind-address = \"127.0.0.1:" + rpcPort + "\"",
                "[meta]",
                "  dir = \"" + dir.resolve("meta") + "\"",
                "[data]",
                "  dir = \"" + dir.resolve("data") + "\"",
                "  wal-dir = \"" + dir.resolve("wal") + "\"",
                "  query-log-enabled = false",
                "[monitor]",
                "  store-enabled = false",
                "[http]",
                "  enabled = true",
                "  bind-address = \"127.0.0.1:" + port + "\"",
                "  log-enabled = false",
                "[continuous_queries]",
                "  enabled = false",
                "[subscriber]",
                "  enabled = false",
                ""));
    }

    static String binary() {
        String env = System.getenv("INFLUXD");
        if (env != null && Files.isExecutable(Path.of(env))) {
            return env;
        }
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(d, "influxd");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw new IllegalStateException("influxd not found on PATH (nor INFLUXD): install Debian's influxdb package "
                + "(ci/test.sh does: apt-get install -y influxdb)");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    InfluxdServer start() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(binary(), "run", "-config", dir.resolve("influxd.conf").toString())
                .redirectErrorStream(true);
        pb.environment().put("INFLUXDB_DATA_QUERY_LOG_ENABLED", "false");
        process = pb.start();
        CountDownLatch listening = new CountDownLatch(1);
        StringBuilder log = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (log) {
                        if (log.length() < 20_000) {
                            log.append(line).append('\n');
                        }
                    }
                    if (line.contains("Listening on HTTP")) {
                        listening.countDown();
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, "influxd-log");
        reader.setDaemon(true);
        reader.start();
        if (!listening.await(60, TimeUnit.SECONDS) || !process.isAlive()) {
            stop();
            synchronized (log) {
                throw new IllegalStateException("influxd did not start on port " + port + ":\n" + log);
            }
        }
        HttpResponse<String> ping = HTTP.send(HttpRequest.newBuilder(uri().resolve("/ping")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (ping.statusCode() != 204) {
            throw new IllegalStateException("influxd /ping answered " + ping.statusCode());
        }
        return this;
    }

    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    /** Runs an InfluxQL statement (POST /query) and returns the JSON answer. */
    JsonNode query(String db, String q) throws IOException, InterruptedException {
        String body = "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                + "&epoch=ns" + (db == null ? "" : "&db=" + URLEncoder.encode(db, StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri().resolve("/query"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("query '" + q + "' answered " + r.statusCode() + ": " + r.body());
        }
        JsonNode n = new ObjectMapper().readTree(r.body());
        JsonNode err = n.path("results").path(0).path("error");
        if (!err.isMissingNode()) {
            throw new IllegalStateException("query '" + q + "': " + err.asText());
        }
        return n;
    }

    void createDatabase(String db) throws IOException, InterruptedException {
        query(null, "CREATE DATABASE \"" + db + "\"");
    }

    /** The single number a {@code SELECT count(..)} or similar returns, or 0 when there are no rows. */
    long count(String db, String q) throws IOException, InterruptedException {
        JsonNode values = query(db, q).path("results").path(0).path("series").path(0).path("values");
        return values.isMissingNode() ? 0 : values.path(0).path(1).asLong();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
