package io.puredots.junit;

import io.puredots.analyzer.model.attribution.AttributionResult;
import io.puredots.analyzer.model.attribution.FrameAttribution;

import java.util.Locale;

/** The parts of a failure message: durations, the worst frames, the kept recording. Stateless. */
final class FailureText {
    /** Worst frames a message names. */
    static final int WORST = 3;

    private FailureText() {
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    /** {@code ; worst frames: tick 52 (115.912 ms), ...}, or "" when none are known. */
    static String worstFrames(RecordedFrames recorded) {
        AttributionResult slow = recorded.lastReport().slowFrames();
        if (slow == null || slow.worstFrames().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("; worst frames: ");
        int n = 0;
        for (FrameAttribution f : slow.worstFrames()) {
            if (n++ == WORST) {
                break;
            }
            b.append(n > 1 ? ", " : "").append("tick ").append(f.tick()).append(" (").append(ms(f.durationNanos()))
                    .append(')');
        }
        return b.toString();
    }

    /** Where the recording is kept once the test fails. */
    static String kept(RecordedFrames recorded) {
        return "; recording kept in " + recorded.file();
    }
}
