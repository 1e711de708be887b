package io.puredots.analyzer.read;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Truncated, corrupt and unfinished recordings: a clear {@link RecordingFormatException}, never a hang. */
@Timeout(120)
class DamagedRecordingTest {
    @TempDir
    static Path dir;
    static Path one;
    static Path two;
    static byte[] oneBytes;
    static byte[] twoBytes;

    @BeforeAll
    static void record() throws Exception {
        one = TestRecordings.record(dir.resolve("one.jfr"), 100);
        oneBytes = Files.readAllBytes(one);
        two = TestRecordings.concat(dir.resolve("two.jfr"), one, one);
        twoBytes = Files.readAllBytes(two);
    }

    static ReadOptions options(ReadOptions.Decoder d) {
        return ReadOptions.defaults().withDecoder(d);
    }

    static Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    static RecordingFormatException failure(Path p, ReadOptions.Decoder d) {
        return assertThrows(RecordingFormatException.class,
                () -> RecordingReader.read(List.of(p), CallLog::new, options(d)));
    }

    @ParameterizedTest
    @EnumSource(ReadOptions.Decoder.class)
    void truncatedLastChunkNamesChunkAndOffset(ReadOptions.Decoder d) throws Exception {
        Path cut = write("cut-" + d + ".jfr", Arrays.copyOf(twoBytes, oneBytes.length + 500));
        RecordingFormatException e = failure(cut, d);
        assertEquals("'" + cut + "': truncated chunk (header declares " + oneBytes.length + " bytes, 500 left) in chunk 1 at byte "
                + oneBytes.length, e.getMessage());
        assertEquals(cut, e.file());
        assertEquals(1, e.chunkIndex());
        assertEquals(oneBytes.length, e.offset());
    }

    @ParameterizedTest
    @EnumSource(ReadOptions.Decoder.class)
    void damagedChunksCanBeSkippedWithAWarning(ReadOptions.Decoder d) throws Exception {
        Path cut = write("skip-" + d + ".jfr", Arrays.copyOf(twoBytes, oneBytes.length + 500));
        ReadResult<CallLog> r = RecordingReader.read(List.of(cut), CallLog::new, options(d).withSkipDamagedChunks(true));
        assertEquals(1, r.chunks().size());
        assertEquals(1, r.handlers().size());
        assertEquals(100, r.handlers().get(0).callsOf("frame").size());
        assertEquals(1, r.skippedChunks().size());
        assertEquals(List.of("skipped damaged chunk: " + r.skippedChunks().get(0).getMessage()), r.warnings());
    }

    @ParameterizedTest
    @EnumSource(ReadOptions.Decoder.class)
    void chunkStillBeingWrittenIsReadUpToItsLastFlush(ReadOptions.Decoder d) throws Exception {
        byte[] b = twoBytes.clone();
        b[oneBytes.length + 64] = 2; // file state of chunk 1: the JVM's second flush, still writing
        Path live = write("live-" + d + ".jfr", b);
        ReadResult<CallLog> r = RecordingReader.read(List.of(live), CallLog::new, options(d));
        assertEquals(2, r.chunks().size());
        assertEquals(200, r.handlers().get(0).callsOf("frame").size() + r.handlers().get(1).callsOf("frame").size());
        assertEquals(1, r.unfinishedChunks().size());
        assertEquals(1, r.unfinishedChunks().get(0).index());
        assertEquals(List.of(r.unfinishedChunks().get(0).warning()), r.warnings());
    }

    @ParameterizedTest
    @EnumSource(ReadOptions.Decoder.class)
    void chunkNeverFlushedOrHalfRewrittenIsDamage(ReadOptions.Decoder d) throws Exception {
        byte[] unflushed = twoBytes.clone();
        unflushed[oneBytes.length + 64] = 1;
        ByteBuffer.wrap(unflushed).putLong(oneBytes.length + 24, 0); // no metadata flushed yet
        Path p = write("unflushed-" + d + ".jfr", unflushed);
        assertEquals("'" + p + "': chunk still being written and never flushed: nothing in it is readable in chunk 1"
                + " at byte " + oneBytes.length, failure(p, d).getMessage());
        byte[] rewriting = twoBytes.clone();
        rewriting[oneBytes.length + 64] = (byte) 0xFF;
        Path q = write("rewriting-" + d + ".jfr", rewriting);
        assertEquals("'" + q + "': chunk still being written, its header half rewritten (file state 255) in chunk 1"
                + " at byte " + oneBytes.length, failure(q, d).getMessage());
    }

    @ParameterizedTest
    @EnumSource(ReadOptions.Decoder.class)
    void chunkWithSizeZeroIsDetected(ReadOptions.Decoder d) throws Exception {
        byte[] b = oneBytes.clone();
        ByteBuffer.wrap(b).putLong(8, 0); // a header whose size the JVM never filled in
        Path p = write("size0-" + d + ".jfr", b);
        RecordingFormatException e = failure(p, d);
        assertEquals("'" + p + "': truncated chunk (header declares 0 bytes, " + b.length + " left) in chunk 0 at byte 0",
                e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ReadOptions.Decoder.class)
    void notARecording(ReadOptions.Decoder d) throws Exception {
        Path p = write("text-" + d + ".jfr", "this is not a flight recording, but it is long enough to hold a header"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("'" + p + "': not a JFR recording (no 'FLR' magic) in chunk 0 at byte 0", failure(p, d).getMessage());
        Path empty = write("empty-" + d + ".jfr", new byte[0]);
        assertEquals("'" + empty + "': empty file at byte 0", failure(empty, d).getMessage());
    }

    @Test
    void corruptEventSizeInTheMiddleOfAChunk() throws Exception {
        // find an event header in the middle of the event stream and give it an absurd size
        byte[] b = oneBytes.clone();
        int at = ordinaryEvent(b, 0.5);
        int[] varint = {0xFF, 0xFF, 0xFF, 0xFF, 0x07}; // 2^31 - 1
        for (int i = 0; i < varint.length; i++) {
            b[at + i] = (byte) varint[i];
        }
        Path p = write("bigsize.jfr", b);
        RecordingFormatException e = failure(p, ReadOptions.Decoder.FAST);
        assertEquals(0, e.chunkIndex());
        assertEquals(at, e.offset());
        assertTrue(e.getMessage().startsWith("'" + p + "': event size 2147483647 outside chunk ("), e.getMessage());
    }

    @Test
    void zeroEventSizeDoesNotLoop() throws Exception {
        byte[] b = oneBytes.clone();
        int at = ordinaryEvent(b, 0.3);
        b[at] = 0;
        Path p = write("size0event.jfr", b);
        RecordingFormatException e = failure(p, ReadOptions.Decoder.FAST);
        assertEquals(at, e.offset());
        assertTrue(e.getMessage().contains("event size 0 outside chunk"), e.getMessage());
    }

    /**
     * Random damage anywhere in a chunk (header fields, metadata, constant pools, events): every
     * outcome is either a successful read or a RecordingFormatException with a one-line message;
     * never another exception, never a hang (class timeout), never an OutOfMemoryError.
     */
    @Test
    void randomDamageGivesEitherAResultOrRecordingFormatException() throws Exception {
        Random random = new Random(20261127);
        int failures = 0;
        for (int round = 0; round < 1000; round++) {
            byte[] b = oneBytes.clone();
            int flips = 1 + random.nextInt(8);
            for (int i = 0; i < flips; i++) {
                int at = round % 3 == 0 ? random.nextInt(200) : random.nextInt(b.length);
                b[at] = (byte) random.nextInt(256);
            }
            if (round % 10 == 0) {
                b = Arrays.copyOf(b, random.nextInt(b.length));
            }
            Path p = write("fuzz.jfr", b);
            try {
                RecordingReader.read(List.of(p), CallLog::new, ReadOptions.defaults().withParallelism(1));
            } catch (RecordingFormatException e) {
                failures++;
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
                assertTrue(e.getMessage().startsWith("'" + p + "': "), e.getMessage());
            } catch (Throwable t) {
                fail("round " + round + ": " + t, t);
            }
        }
        assertTrue(failures > 100, "damage detected only " + failures + " times");
    }

    /**
     * Offset of an ordinary event (not metadata, not a checkpoint) of the single chunk in
     * {@code b}: the one at {@code fraction} of the way through the chunk's ordinary events.
     */
    static int ordinaryEvent(byte[] b, double fraction) {
        List<Integer> ordinary = new java.util.ArrayList<>();
        int pos = ChunkHeader.HEADER_SIZE;
        while (pos < b.length) {
            int[] cursor = {pos};
            long size = varint(b, cursor);
            long type = varint(b, cursor);
            if (type > 1) {
                ordinary.add(pos);
            }
            pos += (int) size;
        }
        return ordinary.get((int) (ordinary.size() * fraction));
    }

    private static long varint(byte[] b, int[] cursor) {
        long value = 0;
        int shift = 0;
        while (true) {
            int x = b[cursor[0]++];
            value |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                return value;
            }
            shift += 7;
        }
    }
}
