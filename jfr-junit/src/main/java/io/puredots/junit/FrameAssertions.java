package io.puredots.junit;

import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.Series;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on the frames a {@link RecordFrames} test recorded, from {@code report}'s own
 * statistics. A failure names the worst frames with their ticks and the kept recording.
 *
 * <pre>{@code
 * assertFrames(recorded).p95().isBelow(Duration.ofMillis(16));
 * assertGroup("VillagerSystemGroup").neverOverBudgetFor(5);
 * }</pre>
 */
public final class FrameAssertions {
    private FrameAssertions() {
    }

    /** The frame times recorded so far by {@code recorded}. */
    public static FrameTimeAssert assertFrames(RecordedFrames recorded) {
        Report report = recorded.report();
        if (report.frames() == null) {
            throw new AssertionFailedError("no puredots.Frame events were recorded" + FailureText.kept(recorded));
        }
        return new FrameTimeAssert("frame time", report.frames().timeNanos(), recorded);
    }

    /** The frame times recorded so far by this thread's test ({@link RecordFrames}). */
    public static FrameTimeAssert assertFrames() {
        return assertFrames(FrameRecorderExtension.current());
    }

    /** One system group's time per frame, recorded so far by {@code recorded}. */
    public static GroupAssert assertGroup(RecordedFrames recorded, String group) {
        Report report = recorded.report();
        for (Series s : report.groups()) {
            if (s.name().equals(group)) {
                return new GroupAssert(s, recorded);
            }
        }
        throw new AssertionFailedError("no " + group + " ticks were recorded (groups: "
                + report.groups().stream().map(Series::name).toList() + ")" + FailureText.kept(recorded));
    }

    /** One system group's time per frame, recorded so far by this thread's test ({@link RecordFrames}). */
    public static GroupAssert assertGroup(String group) {
        return assertGroup(FrameRecorderExtension.current(), group);
    }
}
