package io.puredots.junit;

import io.puredots.analyzer.model.Distribution;

/**
 * A distribution of frame (or per-frame group) times; pick the statistic, then its bound:
 * {@code p95().isBelow(Duration.ofMillis(16))}. Immutable.
 */
public final class FrameTimeAssert {
    private final String what;
    private final Distribution nanos;
    private final RecordedFrames recorded;

    FrameTimeAssert(String what, Distribution nanos, RecordedFrames recorded) {
        this.what = what;
        this.nanos = nanos;
        this.recorded = recorded;
    }

    public DurationAssert p50() {
        return at("p50", nanos.p50());
    }

    public DurationAssert p95() {
        return at("p95", nanos.p95());
    }

    public DurationAssert p99() {
        return at("p99", nanos.p99());
    }

    public DurationAssert max() {
        return at("max", nanos.max());
    }

    public DurationAssert mean() {
        return at("mean", Math.round(nanos.mean()));
    }

    /** How many frames (or ticks of the group) the statistics cover. */
    public long count() {
        return nanos.count();
    }

    private DurationAssert at(String statistic, long value) {
        return new DurationAssert(what + " " + statistic + " of " + nanos.count() + " frames", value, recorded);
    }
}
