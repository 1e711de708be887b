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
import java.util.Base64;
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
 *
 * <p>{@link #withAuth} runs it with {@code auth-enabled = true}: the first {@link #start()} creates
 * the admin user through {@code /query} (influxd allows exactly that while it has no user), and
 * from then on every request of this class authenticates as that admin with basic auth.
 *
 * <p>Public for jfr-analyzer's tests (jfr-export's test-jar). One test thread at a time.
 */
public final class InfluxdServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final Path dir;
    final int port;
    private final int rpcPort;
    private final String adminUser;
    private final String adminPassword;
    private Process process;

    public InfluxdServer(Path dir) throws IOException {
        this(dir, null, null);
    }

    /** An influxd with {@code auth-enabled = true} and {@code user} as its admin. */
    public static InfluxdServer withAuth(Path dir, String user, String password) throws IOException {
        return new InfluxdServer(dir, user, password);
    }

    private InfluxdServer(Path dir, String adminUser, String adminPassword) throws IOException {
        this.dir = dir;
        this.port = freePort();
        this.rpcPort = freePort();
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
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
                "  auth-enabled = " + (adminUser != null),
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

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Starts influxd and waits until it answers; with auth, creates the admin user on the first
     * start (kept in the meta directory for later starts).
     */
    public InfluxdServer start() throws IOException, InterruptedException {
        boolean firstStart = !Files.isDirectory(dir.resolve("meta"));
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
        if (adminUser != null && firstStart) {
            HttpResponse<String> r = post(null, "CREATE USER \"" + adminUser + "\" WITH PASSWORD '" + adminPassword
                    + "' WITH ALL PRIVILEGES", null);
            if (r.statusCode() != 200 || r.body().contains("\"error\"")) {
                throw new IllegalStateException("influxd did not create the admin user: " + r.statusCode() + " " + r.body());
            }
        }
        return this;
    }

    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    /** The Authorization header of the admin ({@code Basic ...}), or null without auth. */
    private String adminAuthorization() {
        return adminUser == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (adminUser + ":" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    /** POST /query with {@code authorization} (null for none); the raw answer. */
    private HttpResponse<String> post(String db, String q, String authorization) throws IOException, InterruptedException {
        String body = "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                + "&epoch=ns" + (db == null ? "" : "&db=" + URLEncoder.encode(db, StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri().resolve("/query"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs an InfluxQL statement (POST /query, as the admin with auth) and returns the JSON answer. */
    public JsonNode query(String db, String q) throws IOException, InterruptedException {
        HttpResponse<String> r = post(db, q, adminAuthorization());
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

    public void createDatabase(String db) throws IOException, InterruptedException {
        query(null, "CREATE DATABASE \"" + db + "\"");
    }

    /** The single number a {@code SELECT count(..)} or similar returns, or 0 when there are no rows. */
    public long count(String db, String q) throws IOException, InterruptedException {
        JsonNode values = query(db, q).path("results").path(0).path("series").path(0).path("values");
        return values.isMissingNode() ? 0 : values.path(0).path(1).asLong();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
