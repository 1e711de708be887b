package io.puredots.analyzer.read.source;

import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.read.RecordingFormatException;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntactChunksTest {
    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/game-two-chunks.jfr");
    private static final Path MID_WRITE = Path.of("src/test/resources/fixtures/unfinished/copied-mid-write.jfr");

    @TempDir
    Path dir;

    private IntactChunks of(Path input) throws IOException {
        return IntactChunks.of(input, SourceOptions.defaults().withTempDir(dir), ReadOptions.defaults(), "export");
    }

    private static long firstChunkSize(Path file) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(file)).getLong(8);
    }

    @Test
    void anIntactFileIsReadInPlace() throws Exception {
        try (IntactChunks c = of(FIXTURE)) {
            assertEquals(FIXTURE, c.file());
            assertEquals(2, c.chunks());
            assertEquals(List.of(), c.warnings());
        }
        assertTrue(Files.exists(FIXTURE));
        assertEquals(0, entries());
    }

    @Test
    void aCutFileBecomesACopyOfItsIntactChunksUntilClosed() throws Exception {
        byte[] all = Files.readAllBytes(FIXTURE);
        int first = (int) firstChunkSize(FIXTURE);
        Path cut = Files.write(dir.resolve("cut.jfr"), Arrays.copyOf(all, first + (all.length - first) / 2));
        Path copy;
        try (IntactChunks c = of(cut)) {
            copy = c.file();
            assertEquals(1, c.chunks());
            assertArrayEquals(Arrays.copyOf(all, first), Files.readAllBytes(copy));
            assertEquals(2, c.warnings().size(), c.warnings().toString());
            assertTrue(c.warnings().get(0).startsWith("skipped damaged chunk: '" + cut + "': truncated chunk"),
                    c.warnings().get(0));
            assertTrue(c.warnings().get(1).startsWith("partial export over 1 chunk ("), c.warnings().get(1));
        }
        assertTrue(Files.notExists(copy));
        assertEquals(1, entries(), "only the cut file is left");
    }

    @Test
    void noIntactChunkIsTheFirstDamage() throws Exception {
        Path cut = Files.write(dir.resolve("cut.jfr"),
                Arrays.copyOf(Files.readAllBytes(FIXTURE), (int) firstChunkSize(FIXTURE) / 2));
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> of(cut));
        assertEquals(0, e.chunkIndex());
        assertEquals(1, entries(), "no copy left");
    }

    @Test
    void aChunkTheJvmWasWritingIsCopiedUpToItsFlushMarkedFinished() throws Exception {
        try (IntactChunks c = of(MID_WRITE)) {
            byte[] copy = Files.readAllBytes(c.file());
            assertEquals(firstChunkSize(MID_WRITE), copy.length);
            assertEquals(0, copy[64], "file state: finished");
            // the JDK's reader takes the copy as a finished recording
            long events = 0;
            try (RecordingFile rf = new RecordingFile(c.file())) {
                while (rf.hasMoreEvents()) {
                    rf.readEvent();
                    events++;
                }
            }
            assertTrue(events > 0);
            assertTrue(c.warnings().get(0).contains("was still being written"), c.warnings().toString());
        }
    }

    private long entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
