package io.puredots.analyzer.stats;

import java.time.Duration;

/**
 * What the user asked to keep: a time window and a warm-up, before they are resolved against a
 * recording (see {@link FramePass}). Immutable.
 *
 * @param from        window start: an instant or an offset from the recording start; {@code null} for open
 * @param to          window end (exclusive), same forms; {@code null} for open
 * @param warmupTicks frames (in tick order) to drop at the start of the window; ignored when {@code autoWarmup}
 * @param autoWarmup  detect the warm-up (MSER-5, see {@link Warmup})
 */
public record Window(Time from, Time to, long warmupTicks, boolean autoWarmup) {

    /** Nothing dropped. */
    public static final Window ALL = new Window(null, null, 0, false);

    /** Whether a first pass over the frames is needed to resolve this window. */
    public boolean needsFramePass() {
        return from != null || to != null || warmupTicks > 0 || autoWarmup;
    }

    /** A point in time: an absolute instant (epoch ns) or an offset from the recording start. */
    public record Time(long epochNanos, Duration offset) {
        public static Time at(long epochNanos) {
            return new Time(epochNanos, null);
        }

        public static Time after(Duration offset) {
            return new Time(0, offset);
        }

        /** Whether this is an offset from the recording start (else an instant). */
        public boolean isOffset() {
            return offset != null;
        }

        /** Epoch ns: the instant, or {@code recordingStartNanos} plus the offset. */
        public long resolve(long recordingStartNanos) {
            return offset == null ? epochNanos : recordingStartNanos + offset.toNanos();
        }
    }
}
