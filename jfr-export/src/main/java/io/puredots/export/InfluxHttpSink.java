package io.puredots.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Writes points to InfluxDB over HTTP ({@link InfluxTarget}: 1.x {@code /write} or 2.x
 * {@code /api/v2/write}) in line protocol, in gzip-compressed batches of
 * {@link Options#batchLines} lines (5,000 by default), using the JDK's {@link HttpClient}.
 *
 * <pre>
 *  producer thread          BatchQueue (memory, then spill file)        sender thread
 *  write(point) ─ line ─> batch full ─ gzip ─> [b1][b2]..[bN] | spill ─> POST ─ 2xx: written
 *                                                                        ├ 5xx/429/network/timeout: retry with
 *                                                                        │   backoff + jitter, honour Retry-After
 *                                                                        ├ 400: refused or partial write; the good
 *                                                                        │   lines are stored, never re-sent
 *                                                                        └ 401/403/404/413: fatal, clear message
 * </pre>
 * The producer never waits for the network: while the server is down, batches queue in memory
 * and then spill to a local file (bounded by {@link Options#maxSpillBytes}), and are delivered
 * once it is back. Points carry their recording timestamps, so a write retried after a timeout
 * that the server did apply overwrites identical points instead of duplicating them.
 * {@link #close()} delivers what is queued, for at most {@link Options#giveUpAfter}, then counts
 * the rest as dropped; {@link #stats()} gives written, retried and dropped.
 *
 * <p>The token is sent only in the Authorization header; every message this class produces is
 * passed through {@link InfluxTarget#redact}.
 *
 * <p>{@link #write}, {@link #flush} and {@link #close} are for one producer thread; {@link #stats}
 * is safe from any thread.
 */
public final class InfluxHttpSink implements PointWriter {
    /** Settings; defaults suit a CLI export. Not thread-safe; do not change after the sink is built. */
    public static final class Options {
        public int batchLines = 5000;
        public int maxBatchesInMemory = 8;
        public long maxSpillBytes = 1L << 30;
        /** Directory for the spill file; null for a new temporary directory. */
        public Path spillDir;
        public Duration requestTimeout = Duration.ofSeconds(10);
        public Duration connectTimeout = Duration.ofSeconds(5);
        public Duration backoffBase = Duration.ofMillis(200);
        public Duration backoffCap = Duration.ofSeconds(30);
        public Duration maxRetryAfter = Duration.ofMinutes(5);
        public Duration giveUpAfter = Duration.ofMinutes(2);
        /** Receives one-line warnings (a server unreachable, points refused); already redacted. */
        public Consumer<String> warnings = s -> { };
        /** Null: the sink's own pause, which {@link #close()} ends ({@link Backoff#pause}). */
        Sleeper sleeper;
        Random random = new Random();
    }

    /** How the sender waits between attempts (replaced in tests to record the delays). */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private static final Pattern DROPPED = Pattern.compile("dropped=(\\d+)");
    private static final Pattern ERROR = Pattern.compile("\"(?:error|message)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final InfluxTarget target;
    private final Options options;
    private final HttpClient client;
    private final BatchQueue queue;
    private final Backoff backoff;
    private final Thread sender;
    private final Path tempDir;
    private final StringBuilder batch = new StringBuilder(1 << 16);
    private int batchLines;

    private final AtomicLong written = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private volatile String fatal;
    private volatile boolean closing;
    private volatile boolean givingUp;
    private boolean spillFullWarned;
    private boolean closed;

    public InfluxHttpSink(InfluxTarget target, Options options) throws IOException {
        this.target = target;
        this.options = options;
        if (options.batchLines < 1 || options.maxBatchesInMemory < 1) {
            throw new ExportException("batch size and in-memory batches must be at least 1");
        }
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout).build();
        this.tempDir = options.spillDir == null ? Files.createTempDirectory("puredots-spill") : null;
        Path dir = options.spillDir == null ? tempDir : options.spillDir;
        this.queue = new BatchQueue(options.maxBatchesInMemory, options.maxSpillBytes,
                dir.resolve("influx-spill-" + ProcessHandle.current().pid() + "-" + System.identityHashCode(this) + ".bin"));
        this.backoff = new Backoff(options.backoffBase, options.backoffCap, options.maxRetryAfter, options.random);
        this.sender = new Thread(this::sendLoop, "puredots-influx-sender");
        sender.setDaemon(true);
        sender.start();
    }

    @Override
    public void write(Point p) throws IOException {
        String f = fatal;
        if (f != null) {
            throw new ExportException(f);
        }
        LineProtocol.append(batch, p);
        batch.append('\n');
        if (++batchLines >= options.batchLines) {
            seal();
        }
    }

    /** Hands the partial batch to the sender. */
    @Override
    public void flush() throws IOException {
        seal();
    }

    private void seal() throws IOException {
        if (batchLines == 0) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(batch.length() / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
            gz.write(batch.toString().getBytes(StandardCharsets.UTF_8));
        }
        int lines = batchLines;
        batch.setLength(0);
        batchLines = 0;
        if (!queue.offer(new BatchQueue.Batch(lines, bytes.toByteArray()))) {
            dropped.addAndGet(lines);
            if (!spillFullWarned) {
                spillFullWarned = true;
                warn("spill file full (" + options.maxSpillBytes + " bytes) while " + target.destination()
                        + " is unreachable: dropping new points until it is back");
            }
        } else {
            spillFullWarned = false;
        }
    }

    /** The first fatal error (401, 403, 404, 413), or null. */
    public String fatalError() {
        return fatal;
    }

    /** Counts so far (final after {@link #close()}). */
    public DeliveryStats stats() {
        return new DeliveryStats(written.get(), retried.get(), dropped.get(), requests.get(),
                queue.spilledTotal(), queue.maxSpillBytesUsed());
    }

    /**
     * Delivers everything queued, waiting at most {@link Options#giveUpAfter}; what is still
     * queued then is counted as dropped. Idempotent.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            seal();
        } finally {
            closing = true;
            backoff.hurry();
            queue.wake();
            try {
                sender.join(Math.max(1, options.giveUpAfter.toMillis()));
                if (sender.isAlive()) {
                    givingUp = true;
                    sender.interrupt();
                    sender.join();
                    warn("gave up after " + options.giveUpAfter.toSeconds() + " s: " + target.destination()
                            + " still unreachable");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                givingUp = true;
                sender.interrupt();
            }
            dropped.addAndGet(queue.queuedLines());
            queue.close();
            if (tempDir != null) {
                Files.deleteIfExists(tempDir);
            }
        }
    }

    private void sendLoop() {
        try {
            while (true) {
                BatchQueue.Batch b = queue.poll(200);
                if (b == null) {
                    if (closing && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                deliver(b);
                if (givingUp) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // giving up: close() counts what is left
        } catch (IOException e) {
            fatal = "spill file failed: " + e.getMessage();
            warn(fatal);
        }
    }

    private void deliver(BatchQueue.Batch b) throws InterruptedException {
        try {
            attempts(b);
        } catch (InterruptedException e) {
            dropped.addAndGet(b.lines); // given up while sending or waiting to retry
            throw e;
        }
    }

    private void attempts(BatchQueue.Batch b) throws InterruptedException {
        boolean failedBefore = false;
        for (int attempt = 0; ; attempt++) {
            if (fatal != null || givingUp) {
                dropped.addAndGet(b.lines);
                return;
            }
            if (attempt > 0) {
                retried.addAndGet(b.lines); // counted when actually sent again
            }
            String retryAfter = null;
            String problem;
            boolean down = false;
            try {
                HttpRequest.Builder rb = HttpRequest.newBuilder(target.writeUri())
                        .timeout(options.requestTimeout)
                        .header("Content-Type", "text/plain; charset=utf-8")
                        .header("Content-Encoding", "gzip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(b.gzip));
                String auth = target.authorization();
                if (auth != null) {
                    rb.header("Authorization", auth);
                }
                requests.incrementAndGet();
                HttpResponse<String> r = client.send(rb.build(), HttpResponse.BodyHandlers.ofString());
                int status = r.statusCode();
                if (status >= 200 && status < 300) {
                    written.addAndGet(b.lines);
                    if (failedBefore) {
                        warn(target.destination() + " accepted the batch after " + attempt + " retries");
                    }
                    return;
                }
                String error = errorText(r.body());
                if (status == 400) {
                    Matcher m = DROPPED.matcher(r.body());
                    if (error.contains("partial write") && m.find()) {
                        long d = Math.min(b.lines, Long.parseLong(m.group(1)));
                        dropped.addAndGet(d);
                        written.addAndGet(b.lines - d);
                        warn("influxdb stored part of a batch (400 partial write): " + d + " of " + b.lines
                                + " points refused, the rest stored; not re-sent: " + error);
                    } else {
                        dropped.addAndGet(b.lines);
                        warn("influxdb refused a batch of " + b.lines + " points (400 bad request); not re-sent: " + error);
                    }
                    return;
                }
                if (status == 401 || status == 403) {
                    fail(b, "influxdb refused the credentials (" + status + "): check the token in "
                            + InfluxTarget.TOKEN_ENV + " or --token-file: " + error);
                    return;
                }
                if (status == 404) {
                    fail(b, "influxdb has no " + target.destination() + " (404); create it first: " + error);
                    return;
                }
                if (status == 413) {
                    fail(b, "influxdb refused a batch of " + b.lines + " points, " + b.gzip.length
                            + " bytes gzip, as too large (413); use a smaller batch size");
                    return;
                }
                if (status != 429 && status < 500) {
                    dropped.addAndGet(b.lines);
                    warn("influxdb refused a batch of " + b.lines + " points (" + status + "); not re-sent: " + error);
                    return;
                }
                retryAfter = r.headers().firstValue("Retry-After").orElse(null);
                problem = "HTTP " + status + (error.isEmpty() ? "" : ": " + error);
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                // no answer, and not a request timeout (an overloaded server): down or unreachable
                down = !(e instanceof java.net.http.HttpTimeoutException) || e instanceof java.net.http.HttpConnectTimeoutException;
            }
            if (givingUp) {
                dropped.addAndGet(b.lines);
                return;
            }
            long delay = down ? backoff.downDelayMillis(attempt) : backoff.delayMillis(attempt, retryAfter, System.currentTimeMillis());
            if (!failedBefore) {
                warn(target.destination() + " unreachable (" + problem + "); retrying with backoff, points are kept");
                failedBefore = true;
            }
            if (options.sleeper != null) {
                options.sleeper.sleep(delay);
            } else {
                backoff.pause(delay);
            }
        }
    }

    private void fail(BatchQueue.Batch b, String message) {
        dropped.addAndGet(b.lines);
        fatal = target.redact(message);
        warn(message);
    }

    private void warn(String message) {
        options.warnings.accept(target.redact(message));
    }

    /** The server's error text: the "error"/"message" of a JSON body, else the body, shortened. */
    private String errorText(String body) {
        if (body == null) {
            return "";
        }
        Matcher m = ERROR.matcher(body);
        String s = m.find() ? m.group(1).replace("\\\"", "\"") : body.strip();
        s = s.replace('\n', ' ').replace('\r', ' ');
        return target.redact(s.length() > 300 ? s.substring(0, 300) + "..." : s);
    }

}
