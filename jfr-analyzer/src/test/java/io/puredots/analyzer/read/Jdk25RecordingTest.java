package io.puredots.analyzer.read;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A recording made on Temurin 25 (committed, gzipped: {@code jdk25-puredots.jfr.gz}, made with
 * {@link TestRecordings#record} and 30 frames), read on whatever JDK runs the tests: JDK 25
 * writes other field layouts (e.g. {@code jdk.GarbageCollection} gained {@code eventThread},
 * {@code jdk.Compilation} {@code arenaBytes}) and two metadata events in the chunk.
 */
class Jdk25RecordingTest {
    @TempDir
    static Path dir;
    static Path file;

    @BeforeAll
    static void unpack() throws Exception {
        file = dir.resolve("jdk25-puredots.jfr");
        try (InputStream in = new GZIPInputStream(Jdk25RecordingTest.class.getResourceAsStream("jdk25-puredots.jfr.gz"))) {
            Files.copy(in, file);
        }
    }

    @Test
    void fastDecodesAJdk25RecordingLikeTheReference() throws Exception {
        ReadResult<CallLog> ref = FastDecoderTest.read(file, ReadOptions.Decoder.REFERENCE, 1);
        ReadResult<CallLog> fast = FastDecoderTest.read(file, ReadOptions.Decoder.FAST, 1);
        FastDecoderTest.assertSameCalls(ref, fast);
        CallLog log = fast.handlers().get(0);
        assertTrue(log.callsOf("jvmInformation").get(0).contains("(25."), log.callsOf("jvmInformation").toString());
        for (String m : List.of("frame", "jobRun", "garbageCollection", "compilation", "deoptimization", "monitorEnter",
                "threadPark")) {
            assertTrue(!log.callsOf(m).isEmpty(), "no " + m + " call");
        }
        assertEquals(30, log.callsOf("frame").size());
    }

    @Test
    void countsOfAJdk25RecordingEqualJfrSummary() throws Exception {
        ReadResult<CallLog> fast = FastDecoderTest.read(file, ReadOptions.Decoder.FAST, 1);
        assertEquals(TestRecordings.jfrSummary(file), fast.eventCounts());
        assertEquals(2L, fast.eventCounts().get("jdk.Metadata"));
    }
}
