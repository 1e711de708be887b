package io.puredots.events.dump;

import io.puredots.events.EventFields;
import io.puredots.events.EventNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import jdk.jfr.Configuration;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * A rolling flight recording that writes itself to a file when the game reports a budget
 * violation: a post-mortem of the seconds around a spike, for runs too long to record whole.
 * Any game that commits {@code puredots.BudgetViolation} events gets it by starting one of
 * these next to its loop; the game's code does not change. Thread-safe; its work runs on its own
 * daemon threads (below).
 *
 * <pre>{@code
 * try (DumpOnViolation recorder = DumpOnViolation.builder(Path.of("dumps"))
 *         .before(Duration.ofSeconds(30))        // keep at least this much history
 *         .after(Duration.ofSeconds(5))          // and dump this long after the violation
 *         .minInterval(Duration.ofMinutes(1))    // at most one dump per minute
 *         .minSeverity(Severity.CRITICAL)
 *         .start()) {
 *     game.run();
 * }                                              // recorder.dumps(): the files written
 * }</pre>
 *
 * <p><b>How it watches.</b> One {@link RecordingStream} with {@code puredots.jfc} is both the
 * rolling recording (on disk, {@link Builder#maxAge max age} and {@link Builder#maxSize max
 * size}) and the watcher: it subscribes in-process to {@link EventNames#BUDGET_VIOLATION}. That
 * sees every violation the game commits without a hook in the game, costs the game thread
 * nothing beyond the commit, and needs one recording instead of two. The price is latency: the
 * stream sees an event after the JVM's next flush (about a second), which is why the dump is
 * timed from the event's own timestamp, not from its delivery.
 *
 * <p><b>What a dump holds.</b> On a violation at or above {@link Builder#minSeverity}, and if no
 * dump started in the last {@link Builder#minInterval}, a dump is scheduled {@link Builder#after}
 * the violation; it writes {@code puredots-<UTC time>-<budget id>-tick<N>.jfr} into the target
 * directory (through a {@code .part} file renamed when complete). JDK 17 cannot cut a recording
 * to a time window, so a dump holds everything the rolling recording still retains: at least
 * {@link Builder#before} before the violation when the max age (by default before + after + 5 s)
 * and the max size allow it, in whole chunks, so it can reach further back (JFR starts a new
 * chunk at {@code -XX:FlightRecorderOptions:maxchunksize}, 12 MB by default, and when any
 * recording starts, stops or is dumped). Violations
 * committed up to {@link #close()} are still dumped, with whatever has been recorded after them.
 *
 * <p><b>Failures.</b> A dump that cannot be written (no such directory, not a directory, disk
 * full, no permission) is logged once, counted in {@link #failures()} and never thrown: the game
 * goes on, and later violations try again.
 *
 * <p>Threads: the stream's own daemon thread watches, one daemon thread writes dumps; the game
 * thread is never blocked by either, apart from the JVM pause JFR takes to start a new chunk when
 * a dump begins. The accessors may be called from any thread.
 */
public final class DumpOnViolation implements AutoCloseable {
    /** Class-path location of {@code puredots.jfc}, the default settings. */
    public static final String SETTINGS_RESOURCE = "/io/puredots/events/puredots.jfc";
    /** Added to before + after for the default max age: the event reaches the stream after a flush. */
    static final Duration DELIVERY_SLACK = Duration.ofSeconds(5);
    /** {@link #close()} waits at most this long for the stream to deliver violations committed before it. */
    private static final Duration CLOSE_FLUSH_WAIT = Duration.ofSeconds(3);
    /** {@link #close()} waits at most this long for dumps under way. */
    private static final Duration CLOSE_DUMP_WAIT = Duration.ofSeconds(60);
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final Duration after;
    private final Severity minSeverity;
    private final Consumer<String> log;
    private final DumpRateLimiter limiter;
    private final RecordingStream stream;
    private final ScheduledThreadPoolExecutor writer;
    private final Set<DumpTask> pending = ConcurrentHashMap.newKeySet();
    private final List<Path> written = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private final AtomicLong seen = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final Object lock = new Object();
    private long flushes;
    private boolean closing;
    private boolean closed;

    private DumpOnViolation(Builder b, Configuration settings) {
        this.directory = b.directory;
        this.after = b.after;
        this.minSeverity = b.minSeverity;
        this.log = b.log;
        this.limiter = new DumpRateLimiter(b.minInterval.toNanos());
        this.writer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "puredots-flight-recorder-dump");
            t.setDaemon(true);
            return t;
        });
        writer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        writer.setRemoveOnCancelPolicy(true);
        this.stream = new RecordingStream(settings);
        stream.enable(EventNames.BUDGET_VIOLATION).withoutThreshold();
        stream.setMaxAge(b.maxAge());
        stream.setMaxSize(b.maxSize);
        stream.onEvent(EventNames.BUDGET_VIOLATION, this::onViolation);
        stream.onFlush(this::onFlush);
        stream.startAsync();
    }

    /** A builder that dumps into {@code directory} (created when the first dump is written). */
    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /** Files written so far, in the order written. */
    public List<Path> dumps() {
        return List.copyOf(written);
    }

    /** One line per dump that could not be written, naming the file and the reason. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** Budget violations the stream delivered, of any severity. */
    public long violationsSeen() {
        return seen.get();
    }

    /** Violations at or above the severity that started no dump because one started within the min interval. */
    public long rateLimited() {
        return rateLimited.get();
    }

    /**
     * Waits (at most a few seconds) for the stream to deliver the violations committed before
     * this call, writes the dumps still scheduled at once, waits for them (at most a minute) and
     * stops the recording. Idempotent.
     */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            awaitTwoFlushes();
            closing = true;
            for (DumpTask t : pending) {
                writer.execute(t);
            }
            writer.shutdown();
        }
        try {
            writer.awaitTermination(CLOSE_DUMP_WAIT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stream.close();
    }

    /** The second flush after now has delivered every event committed before now. Holds {@link #lock}. */
    private void awaitTwoFlushes() {
        long target = flushes + 2;
        long deadline = System.nanoTime() + CLOSE_FLUSH_WAIT.toNanos();
        long left;
        while (flushes < target && (left = deadline - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void onFlush() {
        synchronized (lock) {
            flushes++;
            lock.notifyAll();
        }
    }

    /** On the stream's thread. */
    private void onViolation(RecordedEvent e) {
        seen.incrementAndGet();
        Severity severity = Severity.of(text(e, EventFields.BudgetViolation.SEVERITY));
        if (severity.compareTo(minSeverity) < 0) {
            return;
        }
        if (!limiter.tryAcquire(System.nanoTime())) {
            rateLimited.incrementAndGet();
            return;
        }
        Instant at = e.getStartTime();
        String budget = text(e, EventFields.BudgetViolation.BUDGET_ID);
        long tick = e.hasField(EventFields.BudgetViolation.TICK) ? e.getLong(EventFields.BudgetViolation.TICK) : -1;
        DumpTask task = new DumpTask(fileName(at, budget == null ? "unknown" : budget, tick));
        synchronized (lock) {
            if (writer.isShutdown()) {
                return;
            }
            pending.add(task);
            if (closing) {
                writer.execute(task);
            } else {
                long delay = after.toNanos() - Duration.between(at, Instant.now()).toNanos();
                writer.schedule(task, Math.max(0, delay), TimeUnit.NANOSECONDS);
            }
        }
    }

    private static String text(RecordedEvent e, String field) {
        return e.hasField(field) ? e.getString(field) : null;
    }

    /**
     * {@code puredots-<yyyyMMdd'T'HHmmss.SSS'Z'>-<budget id>-tick<N>.jfr}; characters of the budget
     * id other than letters, digits, '.', '_' and '-' become '_'.
     */
    static String fileName(Instant at, String budgetId, long tick) {
        StringBuilder id = new StringBuilder(budgetId.length());
        for (int i = 0; i < budgetId.length(); i++) {
            char c = budgetId.charAt(i);
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
            id.append(plain ? c : '_');
        }
        return "puredots-" + FILE_TIME.format(at) + "-" + id + "-tick" + tick + ".jfr";
    }

    /** One dump; runs at most once, on the writer thread. */
    private final class DumpTask implements Runnable {
        private final String name;
        private final AtomicBoolean started = new AtomicBoolean();

        DumpTask(String name) {
            this.name = name;
        }

        @Override
        public void run() {
            if (!started.compareAndSet(false, true)) {
                return;
            }
            Path target = directory.resolve(name);
            Path part = null;
            try {
                Files.createDirectories(directory);
                target = unused(target);
                part = target.resolveSibling(target.getFileName() + ".part");
                stream.dump(part);
                move(part, target);
                written.add(target);
                log.accept("flight recording dumped to " + target);
            } catch (IOException | RuntimeException e) {
                fail(target, part, e);
            } finally {
                pending.remove(this);
            }
        }

        private Path unused(Path target) {
            Path p = target;
            String base = name.substring(0, name.length() - ".jfr".length());
            for (int n = 2; Files.exists(p); n++) {
                p = target.resolveSibling(base + "-" + n + ".jfr");
            }
            return p;
        }

        private void move(Path from, Path to) throws IOException {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to);
            }
        }

        private void fail(Path target, Path part, Exception e) {
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException | RuntimeException ignored) {
                    // the reason below is the one worth reporting
                }
            }
            String line = "cannot write flight recording dump '" + target + "': " + reason(e);
            failures.add(line);
            if (failureLogged.compareAndSet(false, true)) {
                log.accept(line + " (the game goes on; later failures are counted, not logged)");
            }
        }
    }

    private static String reason(Exception e) {
        if (e instanceof FileSystemException) {
            FileSystemException f = (FileSystemException) e;
            String what = f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
            return f.getFile() == null ? what : what + " (" + f.getFile() + ")";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * Settings of a {@link DumpOnViolation}. Defaults: 30 s before, 5 s after, at most one dump a
     * minute, from WARNING, max age before + after + 5 s, max size 256 MB, {@code puredots.jfc},
     * log lines to {@code System.err}.
     *
     * <p>Not thread-safe; build on one thread.
     */
    public static final class Builder {
        private final Path directory;
        private Duration before = Duration.ofSeconds(30);
        private Duration after = Duration.ofSeconds(5);
        private Duration minInterval = Duration.ofMinutes(1);
        private Duration maxAge;
        private long maxSize = 256L * 1024 * 1024;
        private Severity minSeverity = Severity.WARNING;
        private Configuration settings;
        private Consumer<String> log = line -> System.err.println("puredots: " + line);

        private Builder(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
        }

        /** History to keep before a violation; more than zero. */
        public Builder before(Duration d) {
            this.before = positive("before", d);
            return this;
        }

        /** How long after a violation the dump is written; zero or more. */
        public Builder after(Duration d) {
            this.after = notNegative("after", d);
            return this;
        }

        /** The least time between the starts of two dumps; zero or more (zero: no limit). */
        public Builder minInterval(Duration d) {
            this.minInterval = notNegative("minInterval", d);
            return this;
        }

        /** Oldest data the rolling recording keeps; at least before + after when started. */
        public Builder maxAge(Duration d) {
            this.maxAge = positive("maxAge", d);
            return this;
        }

        /** Most bytes the rolling recording keeps on disk; a dump is at most about this big. */
        public Builder maxSize(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxSize must be positive, got " + bytes);
            }
            this.maxSize = bytes;
            return this;
        }

        /** Violations below this severity start no dump. */
        public Builder minSeverity(Severity s) {
            this.minSeverity = Objects.requireNonNull(s, "minSeverity");
            return this;
        }

        /** Recording settings instead of {@code puredots.jfc}; budget violations are recorded either way. */
        public Builder settings(Configuration c) {
            this.settings = Objects.requireNonNull(c, "settings");
            return this;
        }

        /** Where the log lines go (a dump written, the first failure); called from background threads. */
        public Builder log(Consumer<String> lines) {
            this.log = Objects.requireNonNull(lines, "log");
            return this;
        }

        Duration maxAge() {
            return maxAge != null ? maxAge : before.plus(after).plus(DELIVERY_SLACK);
        }

        /**
         * Starts the rolling recording and the watcher.
         *
         * @throws IllegalArgumentException if the max age is shorter than before + after
         * @throws IOException              if {@code puredots.jfc} cannot be read from the class path
         */
        public DumpOnViolation start() throws IOException {
            if (maxAge().compareTo(before.plus(after)) < 0) {
                throw new IllegalArgumentException("maxAge " + maxAge() + " is shorter than before + after ("
                        + before.plus(after) + "): a dump could not hold the seconds before the violation");
            }
            return new DumpOnViolation(this, settings != null ? settings : puredotsJfc());
        }

        private static Configuration puredotsJfc() throws IOException {
            try (InputStream in = DumpOnViolation.class.getResourceAsStream(SETTINGS_RESOURCE)) {
                if (in == null) {
                    throw new IOException("missing class-path resource " + SETTINGS_RESOURCE);
                }
                try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    return Configuration.create(r);
                }
            } catch (ParseException e) {
                throw new IOException("cannot parse " + SETTINGS_RESOURCE + ": " + e.getMessage(), e);
            }
        }

        private static Duration positive(String what, Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be more than zero, got " + d);
            }
            return d;
        }

        private static Duration notNegative(String what, Duration d) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException(what + " must not be negative, got " + d);
            }
            return d;
        }
    }
}
