package io.puredots.analyzer.read;

import java.util.Arrays;

/**
 * Canonical strings for inline (not constant-pool) string values of one chunk, keyed by their
 * encoded bytes: a repeated short string such as a system or job name costs a hash and a byte
 * comparison, not a new {@code String}. Bounded: once {@link #MAX_ENTRIES} distinct strings are
 * held, new ones are decoded each time (and still canonicalized run-wide).
 *
 * <p>Not thread-safe: one instance per chunk being decoded.
 */
final class InlineStrings {
    static final int MAX_ENTRIES = 8192;
    private static final int CAPACITY = MAX_ENTRIES * 2;

    private final StringCanon canon;
    private final int[] hashes = new int[CAPACITY];
    private final byte[][] keys = new byte[CAPACITY][];
    private final String[] values = new String[CAPACITY];
    private int size;

    InlineStrings(StringCanon canon) {
        this.canon = canon;
    }

    /**
     * Reads an encoded string of encoding 3, 4 or 5 whose encoding byte is at {@code in.p - 1}.
     * Returns the canonical instance.
     */
    String read(ChunkInput in, int enc) {
        int start = in.p - 1;
        int n = in.readCount("string length");
        byte[] b = in.buf;
        int i = in.p;
        int h = enc;
        int end;
        if (enc == 4) {
            if (!in.compressed()) {
                end = i + 2 * n;
            } else {
                // compressed chars: a char ends at a byte with the high bit clear
                int limit = in.limit;
                int chars = 0;
                while (chars < n) {
                    if (i >= limit) {
                        throw new CorruptChunkException(in.abs(start), "string overruns its event");
                    }
                    byte x = b[i++];
                    h = 31 * h + x;
                    if (x >= 0) {
                        chars++;
                    }
                }
                end = i;
            }
        } else {
            end = i + n;
        }
        if (end > in.limit) {
            throw new CorruptChunkException(in.abs(start), "string overruns its event");
        }
        if (enc != 4 || !in.compressed()) {
            for (int j = in.p; j < end; j++) {
                h = 31 * h + b[j];
            }
        }
        int mask = CAPACITY - 1;
        int slot = (h ^ (h >>> 16)) & mask;
        while (keys[slot] != null) {
            if (hashes[slot] == h && Arrays.equals(keys[slot], 0, keys[slot].length, b, start, end)) {
                in.p = end;
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        in.p = start;
        Object decoded = Values.readStringOrRef(in, -1);
        String s = canon.canon((String) decoded);
        if (size < MAX_ENTRIES) {
            hashes[slot] = h;
            keys[slot] = Arrays.copyOfRange(b, start, end);
            values[slot] = s;
            size++;
        }
        return s;
    }
}
