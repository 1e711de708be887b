package io.puredots.export;

import io.puredots.budgets.Budgets;
import jdk.jfr.Configuration;
import jdk.jfr.consumer.EventStream;
import jdk.jfr.consumer.RecordingStream;
import jdk.management.jfr.RemoteRecordingStream;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Live export: the JFR-native form of a telemetry export system. Streams JFR events, maps them
 * with the same {@link ExportPipeline} as a file export, and hands the points to an
 * {@link Endpoint} every {@link Config#interval}.
 * <ul>
 *   <li>{@link #start(Config)}: in-process, on a {@link RecordingStream} with {@code puredots.jfc}
 *       (sim-runtime {@code --export-to});</li>
 *   <li>{@link #attach(long, Config)}: another JVM by process id, over JMX with a
 *       {@link RemoteRecordingStream}; nothing is needed in the game (jfr-analyzer {@code stream --pid}).</li>
 * </ul>
 * The game's threads only commit JFR events as always; mapping runs on the stream's thread and
 * HTTP on the sink's sender thread, which retries and spills while the endpoint is down, so a
 * down endpoint costs the game nothing but the stream thread's CPU.
 *
 * <p>Attached to another JVM, the export ends by itself when that JVM exits: the stream's
 * remaining events are mapped, then {@link #awaitTermination()} returns (the JDK's remote stream
 * alone would wait forever for more). Whether every point arrived is {@link #everyPointDelivered()};
 * {@link #summary()} is the line to print at the end.
 *
 * <p>Thread-safe: {@link #close()} may be called from any thread, more than once (later calls
 * wait for the first and do nothing).
 */
public final class TelemetryExporter implements AutoCloseable {
    /** Settings. Not thread-safe; do not change after start. */
    public static final class Config {
        public boolean enabled = true;
        /** How often collected points are handed to the endpoint. */
        public Duration interval = Duration.ofSeconds(1);
        public Endpoint endpoint;
        public Resolution resolution = Resolution.SECONDS_1;
        /** Written as budget_* points; null for none. */
        public Budgets budgets = Budgets.defaults();
        public InfluxHttpSink.Options sinkOptions = new InfluxHttpSink.Options();
        /** Where JSON Lines go for the {@code -} endpoint. */
        public OutputStream stdout = System.out;
        /** One-line warnings (endpoint down, points refused). */
        public Consumer<String> warnings = s -> { };
        /** Called on the stream thread after each event is mapped (tests wait for marker events with it). */
        Consumer<jdk.jfr.consumer.RecordedEvent> afterEvent = e -> { };
    }

    private static final int MARKER_WAIT_SECONDS = 10;
    /** How often the attached JVM is checked for being alive. */
    private static final Duration WATCH_PERIOD = Duration.ofMillis(200);
    /**
     * After the attached JVM exited: the stream is drained once it has mapped nothing for this
     * long (its download thread polls the JVM's recording every second), or after
     * {@link #DRAIN_LIMIT} in any case.
     */
    private static final Duration DRAIN_QUIET = Duration.ofMillis(1500);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(10);

    /** Resource name of the recording settings in jfr-events. */
    static final String JFC = "/io/puredots/events/puredots.jfc";

    private final EventStream stream;
    private final JMXConnector connector;
    private final ExportPipeline pipeline;
    private final PointWriter writer;
    private final Endpoint endpoint;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final long intervalNanos;
    private final Consumer<String> warnings;
    private long lastFlush = System.nanoTime();
    private boolean closed;
    /** Guards the pipeline and writer: stream callbacks and close() (the remote stream may still deliver while closing). */
    private final Object lock = new Object();
    private boolean closing;
    private final long markerId = System.nanoTime() ^ System.identityHashCode(this);
    private final java.util.concurrent.CountDownLatch markerSeen = new java.util.concurrent.CountDownLatch(1);
    /** Counted down when the stream closed, or when the attached JVM exited and its events were drained. */
    private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
    /** When the stream last delivered an event, System.nanoTime(). */
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile boolean sourceExited;
    /** The attached JVM; null in-process. */
    private volatile ProcessHandle source;
    private volatile IOException closeFailure;

    private TelemetryExporter(EventStream stream, JMXConnector connector, Config c) throws IOException {
        this.stream = stream;
        this.connector = connector;
        this.intervalNanos = c.interval.toNanos();
        this.warnings = c.warnings;
        c.sinkOptions.warnings = c.warnings;
        this.endpoint = c.endpoint;
        this.writer = c.endpoint.open(c.sinkOptions, c.stdout);
        this.pipeline = new ExportPipeline(c.resolution, c.budgets, writer);
        stream.onEvent(StreamMarker.NAME, e -> {
            if (e.getLong("id") == markerId) {
                markerSeen.countDown();
            }
        });
        stream.onEvent(e -> {
            lastActivityNanos = System.nanoTime();
            synchronized (lock) {
                if (closing || failure.get() != null || e.getEventType().getName().equals(StreamMarker.NAME)) {
                    return;
                }
                try {
                    pipeline.accept(e);
                    c.afterEvent.accept(e);
                } catch (RuntimeException ex) {
                    fail(ex);
                }
            }
        });
        stream.onFlush(() -> {
            synchronized (lock) {
                long now = System.nanoTime();
                if (now - lastFlush >= intervalNanos && failure.get() == null && !closing) {
                    lastFlush = now;
                    try {
                        pipeline.flush();
                    } catch (IOException | RuntimeException ex) {
                        fail(ex);
                    }
                }
            }
        });
        stream.onError(t -> {
            synchronized (lock) {
                ProcessHandle s = source;
                if (!closing && !sourceExited && (s == null || s.isAlive())) {
                    fail(t); // else: a chunk cut short as the attached JVM exited; what was read is exported
                }
            }
        });
        stream.onClose(ended::countDown);
    }

    private void fail(Throwable t) {
        if (failure.compareAndSet(null, t)) {
            warnings.accept("telemetry export stopped: " + message(t));
        }
    }

    private static String message(Throwable t) {
        Throwable cause = t instanceof UncheckedIOException ? t.getCause() : t;
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    /** Starts in-process export; returns null when {@code config.enabled} is false. */
    public static TelemetryExporter start(Config config) throws IOException {
        if (!config.enabled) {
            return null;
        }
        // register the marker's event type now: registered by its first commit in close(), it made
        // the JDK's live stream deliver strings pooled in earlier flushes as null in the last flush
        // (measured: 767 group, system and job names of the last 13 ticks of a sim run)
        jdk.jfr.FlightRecorder.register(StreamMarker.class);
        RecordingStream rs = new RecordingStream();
        rs.setSettings(settings());
        rs.enable(StreamMarker.NAME);
        TelemetryExporter t = new TelemetryExporter(rs, null, config);
        rs.startAsync();
        return t;
    }

    /**
     * Attaches to the JVM with process id {@code pid} (same user, JDK 17+), starts its local
     * management agent if needed and streams its events over JMX.
     */
    public static TelemetryExporter attach(long pid, Config config) throws IOException {
        String address = startLocalAgent(pid);
        ProcessHandle game = ProcessHandle.of(pid).orElseThrow(
                () -> new ExportException("cannot attach to process " + pid + ": it has exited"));
        JMXConnector connector;
        try {
            connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        } catch (IOException e) {
            throw new ExportException("cannot attach to process " + pid + ": " + firstLine(e), e);
        }
        try {
            RemoteRecordingStream rs = new RemoteRecordingStream(connector.getMBeanServerConnection());
            rs.setSettings(settings());
            TelemetryExporter t = new TelemetryExporter(rs, connector, config);
            t.source = game;
            rs.startAsync();
            Thread watcher = new Thread(() -> t.watch(game), "puredots-export-watch-" + pid);
            watcher.setDaemon(true);
            watcher.start();
            return t;
        } catch (IOException | RuntimeException e) {
            closeQuietly(connector);
            if (e instanceof IOException) {
                throw new ExportException("cannot stream from process " + pid + ": " + firstLine(e), e);
            }
            throw e;
        }
    }

    /**
     * The first line of a message: RMI's exceptions append {@code "; nested exception is: \n\t"}
     * and their cause, which would make a one-line error two.
     */
    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        int nested = m.indexOf("; nested exception is:");
        return nested < 0 ? m : m.substring(0, nested);
    }

    private static void closeQuietly(JMXConnector connector) {
        try {
            connector.close();
        } catch (IOException | RuntimeException gone) {
            // the connection is being discarded; nothing was streamed over it
        }
    }

    /** How often {@link #startLocalAgent} tries before it gives up, and the pause after the first failure. */
    static final int ATTACH_ATTEMPTS = 5;
    static final long ATTACH_FIRST_PAUSE_MS = 250;
    /** A process younger than this may still be starting up when attached to. */
    static final java.time.Duration STARTING_UP = java.time.Duration.ofMinutes(1);

    /**
     * Starts the local JMX agent of process {@code pid} and returns its address. Attaching to a
     * JVM that is still starting up can fail in two ways (both seen: in CI, and by hand a few
     * milliseconds after a game's start): the target fails the agent's start (a bare
     * {@code java.lang.NullPointerException} from {@code ManagementAgent.start_local}), or it
     * never answers the attach signal (the attach API gives up after its 10 s timeout). The first
     * is tried again with doubling pauses, {@value #ATTACH_ATTEMPTS} times in all (about 4 s);
     * the second once more, if the process is alive and started less than a minute ago. A
     * process that does not exist fails at once.
     */
    static String startLocalAgent(long pid) throws ExportException {
        long pause = ATTACH_FIRST_PAUSE_MS;
        for (int attempt = 1; ; attempt++) {
            try {
                com.sun.tools.attach.VirtualMachine vm = com.sun.tools.attach.VirtualMachine.attach(Long.toString(pid));
                try {
                    String address = vm.startLocalManagementAgent();
                    if (address == null) {
                        throw new IOException("the process started no local JMX agent");
                    }
                    return address;
                } finally {
                    vm.detach();
                }
            } catch (com.sun.tools.attach.AttachNotSupportedException e) {
                if (attempt >= 2 || !startingUp(pid)) {
                    throw attachFailure(pid, e, attempt);
                }
            } catch (IOException e) {
                if (attempt >= ATTACH_ATTEMPTS || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    throw attachFailure(pid, e, attempt);
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExportException("cannot attach to process " + pid + ": interrupted", e);
            }
            pause *= 2;
        }
    }

    private static ExportException attachFailure(long pid, Exception e, int attempts) {
        return new ExportException("cannot attach to process " + pid + ": " + e.getMessage()
                + (attempts > 1 ? " (after " + attempts + " attempts)" : ""), e);
    }

    /** Whether process {@code pid} is alive and started less than {@link #STARTING_UP} ago. */
    private static boolean startingUp(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().startInstant())
                .map(start -> start.isAfter(java.time.Instant.now().minus(STARTING_UP)))
                .orElse(false);
    }

    /** The settings of {@code puredots.jfc} for the events {@link EventMapper} reads, and no others. */
    static Map<String, String> settings() throws IOException {
        try (Reader r = new InputStreamReader(TelemetryExporter.class.getResourceAsStream(JFC), StandardCharsets.UTF_8)) {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, String> e : Configuration.create(r).getSettings().entrySet()) {
                int hash = e.getKey().indexOf('#');
                if (hash > 0 && EventMapper.MAPPED.contains(e.getKey().substring(0, hash))) {
                    out.put(e.getKey(), e.getValue());
                }
            }
            return out;
        } catch (ParseException e) {
            throw new IOException("cannot parse " + JFC + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits while {@code game} is alive (and the export open), then until the stream has mapped
     * what the game sent before it exited, then ends {@link #awaitTermination()}. Runs on its own
     * daemon thread.
     */
    private void watch(ProcessHandle game) {
        try {
            while (game.isAlive()) {
                if (ended.await(WATCH_PERIOD.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return; // closed while the game runs
                }
            }
            sourceExited = true;
            long exitedAt = System.nanoTime();
            while (true) {
                long now = System.nanoTime();
                long quietFor = now - Math.max(lastActivityNanos, exitedAt);
                if (quietFor >= DRAIN_QUIET.toNanos() || now - exitedAt >= DRAIN_LIMIT.toNanos()) {
                    break;
                }
                if (ended.await((DRAIN_QUIET.toNanos() - quietFor) / 1_000_000L + 1, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ended.countDown();
    }

    /**
     * Waits until the export ends: {@link #close()} was called, or the attached JVM exited and
     * the events it sent were mapped. Then call {@link #close()} to write the rest.
     */
    public void awaitTermination() throws InterruptedException {
        ended.await();
    }

    /** As {@link #awaitTermination()}, for at most {@code timeout}; true if the export ended. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /**
     * Whether the attached JVM has exited (always false in-process). Asks the process too: the
     * stream can close on the exit before the watcher's next look.
     */
    public boolean sourceExited() {
        ProcessHandle s = source;
        return sourceExited || (s != null && !s.isAlive());
    }

    /** The error that stopped the export, or null. */
    public Throwable failure() {
        return failure.get();
    }

    /** Points written to the endpoint so far (HTTP: handed to the sink). */
    public long pointsWritten() {
        return pipeline.pointsWritten();
    }

    /** Name fields the stream delivered as null (see {@link EventMapper}); their points lack that tag. */
    public long unresolvedNames() {
        return pipeline.unresolvedNames();
    }

    /** Samples dropped because their window had already been written. */
    public long lateSamples() {
        return pipeline.lateSamples();
    }

    /** Delivery counts if the endpoint is InfluxDB (final after close), else null. */
    public DeliveryStats stats() {
        return writer instanceof InfluxHttpSink ? ((InfluxHttpSink) writer).stats() : null;
    }

    /**
     * Points made but not stored by the endpoint: for InfluxDB, points handed to the sink minus
     * points it wrote (refused, dropped, given up on, or lost with a failed sender); else 0.
     * Final after {@link #close()}.
     */
    public long undelivered() {
        DeliveryStats s = stats();
        return s == null ? 0 : Math.max(0, pipeline.pointsWritten() - s.written);
    }

    /**
     * After {@link #close()}: true when the export never stopped, closed cleanly and every point
     * it made was stored by the endpoint. The one verdict behind a non-zero exit code.
     */
    public boolean everyPointDelivered() {
        return failure.get() == null && closeFailure == null && undelivered() == 0;
    }

    /**
     * The end-of-run line: points made, the endpoint, its delivery counts and, when not every
     * point arrived, how many did not and why the export stopped; for example
     * {@code 1200 points to InfluxDB 1.x http://db:8086 database 'game'; points: 1100 of 1200 written, ...; 100 not delivered}.
     */
    public String summary() {
        StringBuilder b = new StringBuilder().append(pipeline.pointsWritten()).append(" points to ").append(endpoint);
        DeliveryStats s = stats();
        if (s != null) {
            b.append("; ").append(s);
            if (undelivered() > 0) {
                b.append("; ").append(undelivered()).append(" not delivered");
            }
        }
        Throwable f = failure.get();
        if (f != null) {
            b.append("; export stopped: ").append(message(f));
        } else if (closeFailure != null) {
            b.append("; ").append(closeFailure.getMessage());
        }
        return b.toString();
    }

    /**
     * Stops streaming, writes the open windows and closes the endpoint (an HTTP sink delivers
     * what it holds, up to its give-up time). In-process, events committed before this call are
     * exported: it first waits (up to 10 s, about one JFR flush) for a marker event to come
     * through the stream. Attached to another JVM, up to about a second of its last events may
     * be missing.
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (connector == null && failure.get() == null) {
            // in-process: wait (bounded) until the stream has delivered everything committed so far
            StreamMarker m = new StreamMarker();
            m.id = markerId;
            m.commit();
            try {
                markerSeen.await(MARKER_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lock) {
            closing = true; // from here on the stream's callbacks do nothing
        }
        try {
            stream.close();
            stream.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the remote end is gone or its connection broke: the events it sent were mapped
            if (!sourceExited()) {
                warnings.accept("telemetry export: the stream did not close cleanly: " + message(e));
            }
        }
        if (pipeline.unresolvedNames() > 0) {
            warnings.accept("telemetry export: " + pipeline.unresolvedNames() + " name fields came through the JFR stream"
                    + " as null (the JDK's live stream loses pooled strings in a flush in which an event type was"
                    + " registered); those points lack that tag");
        }
        try {
            if (failure.get() == null) {
                pipeline.finish();
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        } finally {
            try {
                writer.close();
            } catch (IOException e) {
                closeFailure = e;
                throw e;
            } finally {
                closeConnector();
            }
        }
    }

    /**
     * Closes the JMX connection. Its failure (the remote JVM exited or the connection broke, an
     * RMI exception of several lines) costs no data: every event received was mapped. Not reported.
     */
    private void closeConnector() {
        if (connector != null) {
            closeQuietly(connector);
        }
        ended.countDown();
    }
}
