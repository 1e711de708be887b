package io.puredots.analyzer.read;

import io.puredots.events.EventNames;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The thread variants of the frame, group and system callbacks: both decoders make the same calls,
 * with the thread {@link RecordingFile} gives each event, and a handler that overrides a variant
 * gets it instead of the plain callback.
 */
class OnThreadCallsTest {

    /** Logs the thread variants; counts plain calls, which must not come. */
    static final class OnThreadLog implements EventHandler {
        final List<String> calls = new ArrayList<>();
        int plainCalls;

        @Override
        public void frame(long startNanos, long durationNanos, long tick, int entityCount) {
            plainCalls++;
        }

        @Override
        public void systemTick(long startNanos, long durationNanos, String system, String group, long tick,
                               int entitiesProcessed) {
            plainCalls++;
        }

        @Override
        public void frameOnThread(long startNanos, long durationNanos, long threadId, String threadName, long tick,
                                  int entityCount) {
            calls.add(EventNames.FRAME + " " + startNanos + " " + durationNanos + " " + threadId + " " + threadName
                    + " " + tick + " " + entityCount);
        }

        @Override
        public void systemGroupTickOnThread(long startNanos, long durationNanos, long threadId, String threadName,
                                            String group, long tick) {
            calls.add(EventNames.SYSTEM_GROUP_TICK + " " + startNanos + " " + durationNanos + " " + threadId + " "
                    + threadName + " " + group + " " + tick);
        }

        @Override
        public void systemTickOnThread(long startNanos, long durationNanos, long threadId, String threadName,
                                       String system, String group, long tick, int entitiesProcessed) {
            calls.add(EventNames.SYSTEM_TICK + " " + startNanos + " " + durationNanos + " " + threadId + " "
                    + threadName + " " + system + " " + group + " " + tick + " " + entitiesProcessed);
        }
    }

    private static List<String> calls(Path file, ReadOptions.Decoder decoder) throws Exception {
        ReadResult<OnThreadLog> r = RecordingReader.read(List.of(file), OnThreadLog::new,
                ReadOptions.defaults().withDecoder(decoder).withParallelism(1));
        List<String> calls = new ArrayList<>();
        for (OnThreadLog h : r.handlers()) {
            assertEquals(0, h.plainCalls, "plain callbacks beside the thread variants");
            calls.addAll(h.calls);
        }
        return calls;
    }

    @ParameterizedTest
    @ValueSource(strings = {"../recordings/fixtures/sim-small.jfr", "src/test/resources/fixtures/game-two-chunks.jfr"})
    void bothDecodersGiveEachEventTheThreadRecordingFileGivesIt(String recording) throws Exception {
        Path file = Path.of(recording);
        List<String> fast = calls(file, ReadOptions.Decoder.FAST);
        assertEquals(calls(file, ReadOptions.Decoder.REFERENCE), fast);
        List<String> expected = new ArrayList<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            if (type.equals(EventNames.FRAME) || type.equals(EventNames.SYSTEM_GROUP_TICK)
                    || type.equals(EventNames.SYSTEM_TICK)) {
                expected.add(type + " " + e.getThread().getJavaThreadId() + " " + e.getThread().getJavaName() + " "
                        + e.getLong("tick"));
            }
        }
        List<String> actual = new ArrayList<>();
        for (String c : fast) {
            String[] f = c.split(" ");
            String tick = c.startsWith(EventNames.FRAME) ? f[5] : c.startsWith(EventNames.SYSTEM_TICK) ? f[7] : f[6];
            actual.add(f[0] + " " + f[3] + " " + f[4] + " " + tick);
        }
        assertEquals(expected, actual);
        assertTrue(expected.size() > 400, "events: " + expected.size());
    }
}
