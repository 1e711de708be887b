package io.puredots.benchmarks;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.puredots.events.EventNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Cost of emitting one hot puredots event, per event class and recording state, against an empty
 * baseline, a {@code System.nanoTime()} pair and a Micrometer {@code Timer.record} in the same run.
 *
 * <p>Method names are {@code <event>_<state>_<pattern>}:
 * <ul>
 *   <li>{@code noJfr}: JFR never started in this JVM; event classes are not instrumented.</li>
 *   <li>{@code idle}: a recording ran and was closed before measuring; the classes stay
 *       instrumented, no recording is running. This is "recording off" for a game that was
 *       recorded earlier or may be recorded on demand.</li>
 *   <li>{@code disabled}: a recording with {@code puredots.jfc} is running, with the measured
 *       puredots events switched off.</li>
 *   <li>{@code committed}: a recording with {@code puredots.jfc} is running (events on,
 *       threshold 0, no stack traces); every call writes one event.</li>
 * </ul>
 * {@code guarded} and {@code unguarded} are the two patterns in {@link Emit}; {@code shortName(s)}
 * variants use names of 16 characters or fewer, which JFR writes inline instead of through its
 * string pool. Run each method in
 * its own fork ({@code -f 1} or more): the recording state is per JVM.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class EventEmissionBenchmark {

    private static final String JFC = "/io/puredots/events/puredots.jfc";

    /** Tick number written into the events; changes per call so fields are not constants. */
    private long tick;

    // ---- recording states ---------------------------------------------------------------

    /** JFR never started in this JVM. */
    @State(Scope.Benchmark)
    public static class NoJfr {
        @Setup(Level.Trial)
        public void setUp() {
            Emit.touchAll();
        }
    }

    /** JFR started, events committed once, recording closed: instrumented, nothing recording. */
    @State(Scope.Benchmark)
    public static class Idle {
        @Setup(Level.Trial)
        public void setUp() throws IOException, ParseException {
            Emit.touchAll();
            try (Recording r = new Recording(puredotsJfc())) {
                r.start();
                Emit.commitOneOfEach(0);
                r.stop();
            }
        }
    }

    /** A recording with puredots.jfc running, the measured puredots events disabled. */
    @State(Scope.Benchmark)
    public static class Disabled {
        private Recording recording;
        private Path file;

        @Setup(Level.Trial)
        public void setUp() throws IOException, ParseException {
            Emit.touchAll();
            file = Files.createTempFile("puredots-bench-disabled", ".jfr");
            recording = startRecording(file);
            for (String name : EventNames.ALL) {
                recording.disable(name);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            stopRecording(recording, file);
        }
    }

    /** A recording with puredots.jfc running: puredots events on, threshold 0. */
    @State(Scope.Benchmark)
    public static class Committed {
        private Recording recording;
        private Path file;

        @Setup(Level.Trial)
        public void setUp() throws IOException, ParseException {
            Emit.touchAll();
            file = Files.createTempFile("puredots-bench-committed", ".jfr");
            recording = startRecording(file);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            stopRecording(recording, file);
        }
    }

    /** A Micrometer timer on a SimpleMeterRegistry, the peer for a committed event. */
    @State(Scope.Benchmark)
    public static class Micrometer {
        Timer timer;
        final Runnable work = () -> { };

        @Setup(Level.Trial)
        public void setUp() {
            timer = Timer.builder("puredots.system.tick").register(new SimpleMeterRegistry());
        }
    }

    static Configuration puredotsJfc() throws IOException, ParseException {
        try (InputStream in = EventEmissionBenchmark.class.getResourceAsStream(JFC)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + JFC);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return Configuration.create(reader);
            }
        }
    }

    static Recording startRecording(Path file) throws IOException, ParseException {
        Recording r = new Recording(puredotsJfc());
        r.setToDisk(true);
        // at ~10^7 events/s the repository would grow by GBs per trial; keep only the newest chunks
        r.setMaxSize(256L * 1024 * 1024);
        r.setDestination(file);
        r.start();
        return r;
    }

    static void stopRecording(Recording r, Path file) throws IOException {
        r.stop();
        r.close();
        Files.deleteIfExists(file);
    }

    // ---- peers --------------------------------------------------------------------------

    @Benchmark
    public void baseline() {
        // empty: the harness cost every other number includes
    }

    @Benchmark
    public long nanoTimePair() {
        long start = System.nanoTime();
        return System.nanoTime() - start;
    }

    @Benchmark
    public void micrometerTimerRecord(Micrometer m) {
        m.timer.record(m.work);
    }

    // ---- puredots.Frame -----------------------------------------------------------------

    @Benchmark
    public void frame_noJfr_guarded(NoJfr s) {
        Emit.frameGuarded(tick++);
    }

    @Benchmark
    public void frame_noJfr_unguarded(NoJfr s) {
        Emit.frameUnguarded(tick++);
    }

    @Benchmark
    public void frame_idle_guarded(Idle s) {
        Emit.frameGuarded(tick++);
    }

    @Benchmark
    public void frame_idle_unguarded(Idle s) {
        Emit.frameUnguarded(tick++);
    }

    @Benchmark
    public void frame_disabled_guarded(Disabled s) {
        Emit.frameGuarded(tick++);
    }

    @Benchmark
    public void frame_committed_guarded(Committed s) {
        Emit.frameGuarded(tick++);
    }

    // ---- puredots.SystemGroupTick -------------------------------------------------------

    @Benchmark
    public void systemGroupTick_noJfr_guarded(NoJfr s) {
        Emit.systemGroupTickGuarded(tick++);
    }

    @Benchmark
    public void systemGroupTick_noJfr_unguarded(NoJfr s) {
        Emit.systemGroupTickUnguarded(tick++);
    }

    @Benchmark
    public void systemGroupTick_idle_guarded(Idle s) {
        Emit.systemGroupTickGuarded(tick++);
    }

    @Benchmark
    public void systemGroupTick_idle_unguarded(Idle s) {
        Emit.systemGroupTickUnguarded(tick++);
    }

    @Benchmark
    public void systemGroupTick_disabled_guarded(Disabled s) {
        Emit.systemGroupTickGuarded(tick++);
    }

    @Benchmark
    public void systemGroupTick_committed_guarded(Committed s) {
        Emit.systemGroupTickGuarded(tick++);
    }

    // ---- puredots.SystemTick ------------------------------------------------------------

    @Benchmark
    public void systemTick_noJfr_guarded(NoJfr s) {
        Emit.systemTickGuarded(tick++);
    }

    @Benchmark
    public void systemTick_noJfr_unguarded(NoJfr s) {
        Emit.systemTickUnguarded(tick++);
    }

    @Benchmark
    public void systemTick_idle_guarded(Idle s) {
        Emit.systemTickGuarded(tick++);
    }

    @Benchmark
    public void systemTick_idle_unguarded(Idle s) {
        Emit.systemTickUnguarded(tick++);
    }

    @Benchmark
    public void systemTick_disabled_guarded(Disabled s) {
        Emit.systemTickGuarded(tick++);
    }

    @Benchmark
    public void systemTick_committed_guarded(Committed s) {
        Emit.systemTickGuarded(tick++);
    }

    // ---- puredots.JobRun ----------------------------------------------------------------

    @Benchmark
    public void jobRun_noJfr_guarded(NoJfr s) {
        Emit.jobRunGuarded(tick++);
    }

    @Benchmark
    public void jobRun_noJfr_unguarded(NoJfr s) {
        Emit.jobRunUnguarded(tick++);
    }

    @Benchmark
    public void jobRun_idle_guarded(Idle s) {
        Emit.jobRunGuarded(tick++);
    }

    @Benchmark
    public void jobRun_idle_unguarded(Idle s) {
        Emit.jobRunUnguarded(tick++);
    }

    @Benchmark
    public void jobRun_disabled_guarded(Disabled s) {
        Emit.jobRunGuarded(tick++);
    }

    @Benchmark
    public void jobRun_committed_guarded(Committed s) {
        Emit.jobRunGuarded(tick++);
    }

    @Benchmark
    public void jobRun_committed_guarded_shortName(Committed s) {
        Emit.jobRunGuardedShortName(tick++);
    }

    // ---- puredots.JobSchedule -----------------------------------------------------------

    @Benchmark
    public void jobSchedule_noJfr_guarded(NoJfr s) {
        Emit.jobScheduleGuarded(tick++);
    }

    @Benchmark
    public void jobSchedule_noJfr_unguarded(NoJfr s) {
        Emit.jobScheduleUnguarded(tick++);
    }

    @Benchmark
    public void jobSchedule_idle_guarded(Idle s) {
        Emit.jobScheduleGuarded(tick++);
    }

    @Benchmark
    public void jobSchedule_idle_unguarded(Idle s) {
        Emit.jobScheduleUnguarded(tick++);
    }

    @Benchmark
    public void jobSchedule_disabled_guarded(Disabled s) {
        Emit.jobScheduleGuarded(tick++);
    }

    @Benchmark
    public void jobSchedule_committed_guarded(Committed s) {
        Emit.jobScheduleGuarded(tick++);
    }

    @Benchmark
    public void jobSchedule_committed_guarded_shortNames(Committed s) {
        Emit.jobScheduleGuardedShortNames(tick++);
    }

    // ---- puredots.RegistryUpdate --------------------------------------------------------

    @Benchmark
    public void registryUpdate_noJfr_guarded(NoJfr s) {
        Emit.registryUpdateGuarded(tick++);
    }

    @Benchmark
    public void registryUpdate_noJfr_unguarded(NoJfr s) {
        Emit.registryUpdateUnguarded(tick++);
    }

    @Benchmark
    public void registryUpdate_idle_guarded(Idle s) {
        Emit.registryUpdateGuarded(tick++);
    }

    @Benchmark
    public void registryUpdate_idle_unguarded(Idle s) {
        Emit.registryUpdateUnguarded(tick++);
    }

    @Benchmark
    public void registryUpdate_disabled_guarded(Disabled s) {
        Emit.registryUpdateGuarded(tick++);
    }

    @Benchmark
    public void registryUpdate_committed_guarded(Committed s) {
        Emit.registryUpdateGuarded(tick++);
    }
}
