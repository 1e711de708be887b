package io.puredots.analyzer.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Compressed integers as the JDK writes them (7 bits per byte, a 9th byte of 8 bits), read back. */
class ChunkInputTest {

    /** The JDK's encoding (jdk.jfr.internal.EventWriter#putUncheckedLong). */
    private static void write(ByteArrayOutputStream out, long v) {
        for (int i = 0; i < 8; i++) {
            if ((v & ~0x7FL) == 0) {
                out.write((int) v);
                return;
            }
            out.write((int) (v | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static List<Long> values() {
        List<Long> values = new ArrayList<>(List.of(0L, 1L, 127L, 128L, 255L, 16_383L, 16_384L, -1L,
                Long.MIN_VALUE, Long.MAX_VALUE, (1L << 56) - 1, 1L << 56, (1L << 63) - 1, 1L << 62));
        for (int bits = 1; bits <= 64; bits++) {
            long top = bits == 64 ? -1L : (1L << bits) - 1;
            values.add(top);
            values.add(bits == 64 ? Long.MIN_VALUE : 1L << (bits - 1));
        }
        SplittableRandom r = new SplittableRandom(16);
        for (int i = 0; i < 10_000; i++) {
            values.add(r.nextLong() >>> r.nextInt(64));
        }
        return values;
    }

    private static ChunkInput input(byte[] written) {
        byte[] bytes = new byte[written.length + ChunkInput.PAD];
        System.arraycopy(written, 0, bytes, 0, written.length);
        return ChunkInput.ofBytes(bytes, 0, true);
    }

    /** Length of {@code v} as the JDK writes it. */
    private static int length(long v) {
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        write(one, v);
        return one.size();
    }

    @Test
    void readsAndSkipsEveryLengthFromOneToNineBytes() {
        List<Long> values = values();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        values.forEach(v -> write(out, v));
        ChunkInput read = input(out.toByteArray());
        ChunkInput skip = input(out.toByteArray());
        for (long v : values) {
            int at = read.p;
            assertEquals(v, read.readLong(), "value at " + at);
            assertEquals(at + length(v), read.p, "end of value " + v);
            skip.skipLong();
            assertEquals(read.p, skip.p, "skipped value " + v);
        }
        assertEquals(out.size(), read.p);
    }

    @Test
    void readsAValueEndingAtTheLastByteOfTheWindow() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, -1L);
        ChunkInput in = input(out.toByteArray());
        assertEquals(-1L, in.readLong());
        assertEquals(9, in.p);
    }
}
