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
 *                                                                        ├ 400/422: refused or partial write; the good
 *                                                                        │   lines are stored, never re-sent
 *                                                                        └ 401/403/404/413: fatal, clear message
 * </pre>
 * The producer never waits for the network: while the server is down, batches queue in memory
 * and then spill to a local file (bounded by {@link Options#maxSpillBytes}), and are delivered
 * once it is back. Points carry their recording timestamps, so a write retried after a timeout
 * that the server did apply overwrites identical points instead of duplicating them.
 * {@link #close()} delivers what is queued, for at most {@link Options#giveUpAfter}, then counts
 * the rest as dropped.
 *
 * <p>Every point handed to {@link #write} ends up counted exactly once ({@link DeliveryStats}):
 * written (the server stored it), refused (the server answered that it did not store it: the
 * refused lines of a partial write, or a whole batch when the server does not say how many) or
 * dropped (it never got a verdict: given up on, spill file full, after a fatal error, or a batch
 * the sender failed on). The sender thread catches every exception and error it can survive, so
 * a batch in flight is always counted. The server's reason for refusing is shown once.
 * {@link #allDelivered()} is what a command's exit code asks.
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

    private final InfluxTarget target;
    private final Options options;
    private final HttpClient client;
    private final BatchQueue queue;
    private final Backoff backoff;
    private final Thread sender;
    private final Path tempDir;
    private final NameReplacer names;
    private final StringBuilder batch = new StringBuilder(1 << 16);
    private int batchLines;

    private final AtomicLong points = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private volatile String fatal;
    private volatile boolean closing;
    private volatile boolean givingUp;
    private volatile boolean closed;
    private volatile boolean refusalShown;
    private volatile boolean senderFailureShown;
    private boolean spillFullWarned;
    private boolean spillFailureShown;
    private boolean closeStarted;

    public InfluxHttpSink(InfluxTarget target, Options options) throws IOException {
        this.target = target;
        this.options = options;
        if (options.batchLines < 1 || options.maxBatchesInMemory < 1) {
            throw new ExportException("batch size and in-memory batches must be at least 1");
        }
        this.names = new NameReplacer("line protocol", this::warn);
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
        int before = batch.length();
        try {
            LineProtocol.append(batch, p, names);
        } catch (RuntimeException e) {
            batch.setLength(before); // a value line protocol cannot carry: the point is refused whole
            throw e;
        }
        batch.append('\n');
        points.incrementAndGet();
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
        boolean queued;
        try {
            queued = queue.offer(new BatchQueue.Batch(lines, bytes.toByteArray()));
        } catch (IOException e) {
            dropped.addAndGet(lines);
            if (!spillFailureShown) {
                spillFailureShown = true;
                warn("cannot write the spill file: " + e.getMessage() + "; points that do not fit in memory are dropped");
            }
            return;
        }
        if (!queued) {
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
        return new DeliveryStats(points.get(), written.get(), retried.get(), refused.get(), dropped.get(),
                names.points(), requests.get(), queue.spilledTotal(), queue.maxSpillBytesUsed());
    }

    /**
     * Whether every point handed to {@link #write} was stored by the server: false before
     * {@link #close()} has returned, and false when any point was refused or dropped.
     */
    public boolean allDelivered() {
        return closed && !sender.isAlive() && stats().allDelivered();
    }

    /**
     * Delivers everything queued, waiting at most {@link Options#giveUpAfter}; what is still
     * queued then is counted as dropped. Idempotent.
     */
    @Override
    public void close() throws IOException {
        if (closeStarted) {
            return;
        }
        closeStarted = true;
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
            try {
                dropped.addAndGet(queue.queuedLines());
            } catch (IOException e) {
                // the spill file cannot be read back: whatever the sender did not settle is lost
                if (!sender.isAlive()) {
                    dropped.set(points.get() - written.get() - refused.get());
                }
                warn("cannot read the spill file back: " + e.getMessage());
            }
            queue.close();
            closed = true;
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

    /** Sends one batch and counts every one of its lines exactly once, whatever happens. */
    private void deliver(BatchQueue.Batch b) throws InterruptedException {
        Tally t = new Tally(b.lines);
        try {
            attempts(b, t);
        } catch (InterruptedException e) {
            throw e; // given up while sending or waiting to retry: counted below
        } catch (VirtualMachineError e) {
            if (!(e instanceof StackOverflowError)) {
                fatal = "sender stopped: " + e;
                throw e;
            }
            senderFailed(b, e);
        } catch (Throwable e) {
            senderFailed(b, e);
        } finally {
            t.dropped(t.unsettled());
        }
    }

    private void senderFailed(BatchQueue.Batch b, Throwable e) {
        if (!senderFailureShown) {
            senderFailureShown = true;
            warn("internal error while sending a batch of " + b.lines + " points to " + target.destination()
                    + ", counted as dropped: " + e);
        }
    }

    /** One batch's lines as they are counted: never more than the batch holds. */
    private final class Tally {
        private final long lines;
        private long settled;

        Tally(long lines) {
            this.lines = lines;
        }

        long unsettled() {
            return lines - settled;
        }

        void written(long n) {
            written.addAndGet(take(n));
        }

        void refused(long n) {
            refused.addAndGet(take(n));
        }

        void dropped(long n) {
            dropped.addAndGet(take(n));
        }

        private long take(long n) {
            long k = Math.max(0, Math.min(n, lines - settled));
            settled += k;
            return k;
        }
    }

    private void attempts(BatchQueue.Batch b, Tally t) throws InterruptedException {
        boolean failedBefore = false;
        for (int attempt = 0; ; attempt++) {
            if (fatal != null || givingUp) {
                t.dropped(b.lines);
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
                    t.written(b.lines);
                    if (failedBefore) {
                        warn(target.destination() + " accepted the batch after " + attempt + " retries");
                    }
                    return;
                }
                if (status == 400 || status == 422) {
                    refusedLines(b, t, status, r.body());
                    return;
                }
                String error = errorText(status, r.body(), b.lines);
                if (status == 401 || status == 403) {
                    fail(b, t, "influxdb refused the credentials (" + status + "): " + target.credentialsHint() + ": " + error);
                    return;
                }
                if (status == 404) {
                    fail(b, t, "influxdb has no " + target.destination() + " (404); create it first: " + error);
                    return;
                }
                if (status == 413) {
                    fail(b, t, "influxdb refused a batch of " + b.lines + " points, " + b.gzip.length
                            + " bytes gzip, as too large (413); use a smaller batch size");
                    return;
                }
                if (status != 429 && status < 500) {
                    t.refused(b.lines);
                    showRefusal("influxdb refused a batch of " + b.lines + " points (" + status + "); not re-sent: " + error);
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
                t.dropped(b.lines);
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

    /** A 400 or 422: all or some lines refused, never re-sent; the good lines of a partial write are stored. */
    private void refusedLines(BatchQueue.Batch b, Tally t, int status, String body) {
        WriteRefusal w = WriteRefusal.of(status, body, b.lines);
        String reason = w.reason.isEmpty() ? "" : ": " + w.reason;
        if (w.refused < 0) {
            t.refused(b.lines);
            showRefusal("influxdb refused part of a batch of " + b.lines + " points (" + status + ") without saying how many;"
                    + " all " + b.lines + " counted as refused, some may be stored; not re-sent" + reason);
        } else if (w.refused < b.lines) {
            t.refused(w.refused);
            t.written(b.lines - w.refused);
            showRefusal("influxdb stored part of a batch (" + status + " partial write): " + w.refused + " of " + b.lines
                    + " points refused, the rest stored; not re-sent" + reason);
        } else {
            t.refused(b.lines);
            showRefusal("influxdb refused a batch of " + b.lines + " points (" + status + "); not re-sent" + reason);
        }
    }

    /** The server's reason for refusing, shown for the first refusal only; later ones are counted. */
    private void showRefusal(String message) {
        if (!refusalShown) {
            refusalShown = true;
            warn(message + " (later refusals are only counted)");
        }
    }

    private void fail(BatchQueue.Batch b, Tally t, String message) {
        t.refused(b.lines);
        fatal = target.redact(message);
        warn(message);
    }

    /** Passes a warning on, redacted; a failing receiver does not stop the counting. */
    private void warn(String message) {
        try {
            options.warnings.accept(target.redact(message));
        } catch (RuntimeException ignored) {
            // the receiver's problem: the counts still tell what happened
        }
    }

    /** The server's error text, one line, shortened and redacted. */
    private String errorText(int status, String body, long lines) {
        return target.redact(WriteRefusal.of(status, body, lines).reason);
    }
}
