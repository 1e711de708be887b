package io.puredots.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puredots.budgets.Budgets;
import io.puredots.events.testing.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The InfluxDB 2.x write path ({@code /api/v2/write?org=&bucket=} with a token) against a real
 * server from Debian: VictoriaMetrics, which accepts line protocol there (it does not check the
 * token or the org; what is verified is the request shape, gzip, and that every point arrives).
 * The stored series is named {@code <measurement>_<field>}, VictoriaMetrics' convention.
 */
class VictoriaMetricsV2Test {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static Process vm;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        String bin = null;
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, "victoria-metrics"))) {
                bin = Path.of(d, "victoria-metrics").toString();
            }
        }
        if (bin == null) {
            throw new IllegalStateException("victoria-metrics not found on PATH: install Debian's victoria-metrics package "
                    + "(ci/test.sh does: apt-get install -y victoria-metrics)");
        }
        port = InfluxdServer.freePort();
        vm = new ProcessBuilder(bin, "-httpListenAddr", "127.0.0.1:" + port, "-storageDataPath", dir.resolve("vm").toString(),
                "-retentionPeriod", "100y", "-search.disableCache").redirectErrorStream(true).start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(vm.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.contains("started VictoriaMetrics")) {
                        ready.countDown();
                    }
                }
            } catch (IOException ignored) {
                // ended
            }
        });
        t.setDaemon(true);
        t.start();
        if (!ready.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("victoria-metrics did not start");
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (vm != null) {
            vm.destroy();
            if (!vm.waitFor(30, TimeUnit.SECONDS)) {
                vm.destroyForcibly().waitFor();
            }
        }
    }

    static long samples(String selector) {
        try {
            return exported(selector);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static long exported(String selector) throws IOException, InterruptedException {
        HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/internal/force_flush")).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/export?match[]="
                + URLEncoder.encode(selector, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        long n = 0;
        ObjectMapper om = new ObjectMapper();
        for (String line : r.body().lines().toList()) {
            JsonNode node = om.readTree(line);
            n += node.get("values").size();
        }
        return n;
    }

    @Test
    void v2WritePathDeliversEveryPoint() throws Exception {
        Path rec = TestRecordings.record(dir.resolve("rec.jfr"), 25);
        InfluxHttpSink.Options o = new InfluxHttpSink.Options();
        o.spillDir = dir.resolve("spill");
        List<String> warnings = new ArrayList<>();
        o.warnings = warnings::add;
        o.batchLines = 100;
        InfluxHttpSink sink = new InfluxHttpSink(
                InfluxTarget.v2(URI.create("http://127.0.0.1:" + port), "game-org", "telemetry", "a-token"), o);
        try (sink) {
            RecordingExporter.export(rec, Resolution.RAW, Budgets.defaults(), sink);
        }
        assertEquals(List.of(), warnings);
        assertEquals(0, sink.stats().dropped);
        // VictoriaMetrics makes rows searchable asynchronously (about a second): poll with a deadline
        long[] seen = new long[2];
        Await.until(Duration.ofSeconds(30), () -> {
            seen[0] = samples("{__name__=\"frame_time_value\",level=\"group\"}");
            seen[1] = samples("{__name__=\"job_run_time_value\",worker=\"worker-1\"}");
            return seen[0] == 50 && seen[1] == 75;
        });
        long groups = seen[0];
        long jobs = seen[1];
        assertEquals(50, groups);
        assertEquals(75, jobs);
    }
}
