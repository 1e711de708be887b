package io.puredots.junit;

import org.opentest4j.AssertionFailedError;

import java.time.Duration;

/** One measured duration and its bound. Immutable. */
public final class DurationAssert {
    private final String what;
    private final long nanos;
    private final RecordedFrames recorded;

    DurationAssert(String what, long nanos, RecordedFrames recorded) {
        this.what = what;
        this.nanos = nanos;
        this.recorded = recorded;
    }

    /** Fails unless the value is strictly below {@code limit}. */
    public DurationAssert isBelow(Duration limit) {
        if (nanos >= limit.toNanos()) {
            throw new AssertionFailedError(what + " was " + FailureText.ms(nanos) + ", expected below "
                    + FailureText.ms(limit.toNanos()) + FailureText.worstFrames(recorded) + FailureText.kept(recorded),
                    "< " + FailureText.ms(limit.toNanos()), FailureText.ms(nanos));
        }
        return this;
    }

    /** The measured value. */
    public Duration value() {
        return Duration.ofNanos(nanos);
    }
}
