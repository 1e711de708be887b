package io.puredots.sim;

import io.puredots.budgets.Budgets;
import io.puredots.events.dump.Severity;
import io.puredots.sim.jobs.JobScheduler;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of one simulation run. Build with {@link #builder()}.
 *
 * <p>Immutable.
 */
public final class SimConfig {
    public final int entities;
    public final int ticks;
    public final int workers;
    public final long seed;
    public final int fps;
    public final Budgets budgets;
    public final Scenario scenario;
    /** System whose work is scaled up, or null. */
    public final String slowdownSystem;
    /** Extra work of {@link #slowdownSystem} in percent of its normal work. */
    public final double slowdownPercent;
    public final boolean pauseOnCritical;
    /** Where warnings go (budget violations). */
    public final PrintStream log;
    /** Ticks excluded from the allocation measurement at the start; -1 for min(ticks/4, 120). */
    public final int warmupTicks;
    /** Where the flight recorder dumps itself on a budget violation, or null for no rolling recording. */
    public final Path dumpDirectory;
    /** History a dump keeps before the violation. */
    public final Duration dumpBefore;
    /** Time after the violation at which the dump is written. */
    public final Duration dumpAfter;
    /** Least time between two dumps. */
    public final Duration dumpMinInterval;
    /** Violations below this severity start no dump. */
    public final Severity dumpMinSeverity;

    private SimConfig(Builder b) {
        this.entities = b.entities;
        this.ticks = b.ticks;
        this.workers = b.workers;
        this.seed = b.seed;
        this.fps = b.fps;
        this.budgets = b.budgets;
        this.scenario = b.scenario;
        this.slowdownSystem = b.slowdownSystem;
        this.slowdownPercent = b.slowdownPercent;
        this.pauseOnCritical = b.pauseOnCritical;
        this.log = b.log;
        this.warmupTicks = b.warmupTicks < 0 ? Math.min(ticks / 4, 120) : Math.min(b.warmupTicks, ticks);
        this.dumpDirectory = b.dumpDirectory;
        this.dumpBefore = b.dumpBefore;
        this.dumpAfter = b.dumpAfter;
        this.dumpMinInterval = b.dumpMinInterval;
        this.dumpMinSeverity = b.dumpMinSeverity;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.entities = entities;
        b.ticks = ticks;
        b.workers = workers;
        b.seed = seed;
        b.fps = fps;
        b.budgets = budgets;
        b.scenario = scenario;
        b.slowdownSystem = slowdownSystem;
        b.slowdownPercent = slowdownPercent;
        b.pauseOnCritical = pauseOnCritical;
        b.log = log;
        b.warmupTicks = warmupTicks;
        b.dumpDirectory = dumpDirectory;
        b.dumpBefore = dumpBefore;
        b.dumpAfter = dumpAfter;
        b.dumpMinInterval = dumpMinInterval;
        b.dumpMinSeverity = dumpMinSeverity;
        return b;
    }

    /**
     * Mutable builder; defaults: 20000 entities, 600 ticks, cores-1 workers, seed 1, unpaced, soak,
     * no dump on violation (when set: 30 s before, 5 s after, one dump a minute, from WARNING).
     */
    public static final class Builder {
        private int entities = 20_000;
        private int ticks = 600;
        private int workers = JobScheduler.defaultWorkerCount();
        private long seed = 1;
        private int fps;
        private Budgets budgets;
        private Scenario scenario = Scenario.SOAK;
        private String slowdownSystem;
        private double slowdownPercent;
        private boolean pauseOnCritical;
        private PrintStream log = System.err;
        private int warmupTicks = -1;
        private Path dumpDirectory;
        private Duration dumpBefore = Duration.ofSeconds(30);
        private Duration dumpAfter = Duration.ofSeconds(5);
        private Duration dumpMinInterval = Duration.ofMinutes(1);
        private Severity dumpMinSeverity = Severity.WARNING;

        /** Entities at start: 4/5 villagers, 1/5 resources; at least 2. */
        public Builder entities(int n) {
            if (n < 2) {
                throw new IllegalArgumentException("entities must be at least 2, got " + n);
            }
            this.entities = n;
            return this;
        }

        public Builder ticks(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("ticks must be at least 1, got " + n);
            }
            this.ticks = n;
            return this;
        }

        public Builder workers(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("workers must be at least 1, got " + n);
            }
            this.workers = n;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Frames per second to pace to; 0 runs as fast as possible. */
        public Builder fps(int f) {
            if (f < 0) {
                throw new IllegalArgumentException("fps must be 0 or more, got " + f);
            }
            this.fps = f;
            return this;
        }

        public Builder budgets(Budgets b) {
            this.budgets = b;
            return this;
        }

        public Builder scenario(Scenario s) {
            this.scenario = s;
            return this;
        }

        public Builder slowdown(String system, double percent) {
            if (percent < 0) {
                throw new IllegalArgumentException("slowdown percent must not be negative, got " + percent);
            }
            this.slowdownSystem = system;
            this.slowdownPercent = percent;
            return this;
        }

        public Builder pauseOnCritical(boolean p) {
            this.pauseOnCritical = p;
            return this;
        }

        public Builder log(PrintStream out) {
            this.log = out;
            return this;
        }

        public Builder warmupTicks(int n) {
            this.warmupTicks = n;
            return this;
        }

        /** Keeps a rolling recording that dumps itself into {@code directory} on a budget violation. */
        public Builder dumpOnViolation(Path directory) {
            this.dumpDirectory = directory;
            return this;
        }

        /** History a dump keeps before the violation; more than zero. */
        public Builder dumpBefore(Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("dump before must be more than zero, got " + d);
            }
            this.dumpBefore = d;
            return this;
        }

        /** Time after the violation at which the dump is written; zero or more. */
        public Builder dumpAfter(Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("dump after must not be negative, got " + d);
            }
            this.dumpAfter = d;
            return this;
        }

        /** Least time between two dumps; zero or more. */
        public Builder dumpMinInterval(Duration d) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("dump min interval must not be negative, got " + d);
            }
            this.dumpMinInterval = d;
            return this;
        }

        /** Violations below this severity start no dump. */
        public Builder dumpMinSeverity(Severity s) {
            this.dumpMinSeverity = s;
            return this;
        }

        public SimConfig build() {
            if (budgets == null) {
                budgets = Budgets.defaults();
            }
            return new SimConfig(this);
        }
    }
}
