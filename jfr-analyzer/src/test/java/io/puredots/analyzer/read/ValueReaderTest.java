package io.puredots.analyzer.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stepping over encoded strings, against their known encoded lengths. */
class ValueReaderTest {

    @Test
    void asciiSeesAHighBitAtEveryPositionOfEveryLengthAndNothingOutsideTheRange() {
        for (int n = 0; n <= 40; n++) {
            byte[] b = new byte[3 + n + 16];
            java.util.Arrays.fill(b, (byte) 0x80); // outside [3, 3 + n): must not count
            for (int i = 0; i < n; i++) {
                b[3 + i] = (byte) ('a' + i % 26);
            }
            assertTrue(ValueReader.ascii(b, 3, 3 + n), "all ASCII, length " + n);
            for (int k = 0; k < n; k++) {
                byte keep = b[3 + k];
                b[3 + k] = (byte) 0xC3;
                assertFalse(ValueReader.ascii(b, 3, 3 + n), "high bit at " + k + " of " + n);
                b[3 + k] = keep;
            }
        }
    }

    @Test
    void skipStringStepsOverCompressedCharArraysAsciiOrNot(@TempDir Path dir) throws IOException {
        String[] strings = {"", "a", "SimulationSystemGroup", "exactly8", "sixteen chars!!!", "caf\u00e9 cr\u00e8me",
                "\u00e9", "\u4e2d\u6587 and ASCII after", "x".repeat(200), "\u00e9".repeat(70)};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] ends = new int[strings.length];
        for (int i = 0; i < strings.length; i++) {
            out.write(4); // char array
            varint(out, strings[i].length());
            for (char c : strings[i].toCharArray()) {
                varint(out, c);
            }
            ends[i] = out.size();
        }
        byte[] bytes = out.toByteArray();
        Path f = dir.resolve("strings.bin");
        Files.write(f, bytes);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            ChunkInput in = new ChunkInput(ch, bytes.length, true);
            in.load(0, bytes.length);
            in.limit = bytes.length;
            for (int i = 0; i < strings.length; i++) {
                ValueReader.skipString(in);
                assertEquals(ends[i], in.p, "end of \"" + strings[i] + "\"");
            }
            in.p = 0;
            for (String s : strings) {
                assertEquals(s, ValueReader.readStringOrRef(in, -1));
            }
        }
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
