package io.puredots.analyzer.read;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code jdk.ExecutionSample} with its stack, decoded by the fast decoder, against the JDK's
 * {@code RecordingFile} read directly: the same samples in the same order, with equal time,
 * thread and frames (each frame's class and method name, top first).
 */
class ExecutionSampleTest {
    private static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();

    /** Every sample's callback arguments, one line each, in file order per chunk. */
    static final class Samples implements EventHandler {
        final List<String> lines = new ArrayList<>();

        @Override
        public void executionSample(long startNanos, long threadId, String threadName, SampledStack stack) {
            lines.add(line(startNanos, threadId, threadName, stack.methods(), stack.truncated()));
        }
    }

    static String line(long start, long threadId, String threadName, List<String> methods, boolean truncated) {
        return start + " " + threadId + " " + threadName + " " + truncated + " " + String.join(" < ", methods);
    }

    private static List<String> expected(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedThread t = e.getValue("sampledThread");
                RecordedStackTrace st = e.getStackTrace();
                List<String> methods = new ArrayList<>();
                for (RecordedFrame f : st.getFrames()) {
                    methods.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
                }
                Instant at = e.getStartTime();
                out.add(line(at.getEpochSecond() * 1_000_000_000L + at.getNano(), t.getJavaThreadId(),
                        t.getJavaName(), methods, st.isTruncated()));
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"recordings/fixtures/sim-small.jfr",
            "jfr-analyzer/src/test/resources/fixtures/game-two-chunks.jfr"})
    void fastDecoderGivesTheSamplesAndStacksRecordingFileGives(String fixture) throws Exception {
        Path file = REPO.resolve(fixture);
        ReadResult<Samples> read = RecordingReader.read(List.of(file), Samples::new,
                ReadOptions.defaults().withParallelism(1).withSequentialBytes(0));
        List<String> actual = new ArrayList<>();
        read.handlers().forEach(h -> actual.addAll(h.lines));
        List<String> expected = expected(file);
        assertFalse(expected.isEmpty(), "the fixture has execution samples");
        assertTrue(expected.stream().anyMatch(l -> l.contains(" < ")), "some sample has a stack of several frames");
        assertEquals(expected, actual);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void stackPoolsAreKeptOnlyForAHandlerThatWantsSamples(boolean wants) throws Exception {
        Path file = REPO.resolve("recordings/fixtures/sim-small.jfr");
        Metadata md;
        boolean compressed;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ChunkHeader h = ChunkHeader.split(file, ch, 0).chunks().get(0);
            compressed = h.compressedIntegers();
            md = Metadata.read(new ChunkInput(ch, h.end(), compressed), h.offset() + h.metadataOffset(), h.end());
        }
        Class<?> handler = wants ? Samples.class : FramesOnly.class;
        FieldProgramCompiler.Compiled c = FieldProgramCompiler.compile(md, EventKinds.overridden(handler),
                EventKinds.ignored(handler), compressed);
        long stackTrace = md.typesByName.get("jdk.types.StackTrace").id;
        long method = md.typesByName.get("jdk.types.Method").id;
        assertEquals(wants, c.poolTypes().contains(stackTrace));
        assertEquals(wants, c.poolTypes().contains(method));
        long sampleType = md.typesByName.get("jdk.ExecutionSample").id;
        EventLayout l = sampleType < c.dense().length ? c.dense()[(int) sampleType] : c.sparse().get(sampleType);
        assertEquals(wants, l.program != null, "samples are only counted for a handler that does not want them");
    }

    /** A handler of frames only. */
    static final class FramesOnly implements EventHandler {
        @Override
        public void frame(long startNanos, long durationNanos, long tick, int entityCount) {
        }
    }
}
