package io.puredots.analyzer.read;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Reads one chunk's bytes through a window: a heap buffer filled by positional reads from the
 * file, so that memory stays bounded whatever the chunk or file size (files over 2 GB included),
 * and no mapped file pages pile up in the process.
 *
 * <p>Callers {@link #load} the byte range they are about to parse (an event, whose size they
 * know from its header); parsing within a loaded range needs no further checks, except that a
 * corrupt field may run past it, which callers detect by comparing {@link #pos()} with the
 * range end afterwards. Reading past the buffer throws {@link ArrayIndexOutOfBoundsException},
 * which the decoder turns into a {@link RecordingFormatException}.
 *
 * <p>Not thread-safe: one instance per chunk being decoded.
 */
final class ChunkInput {
    private static final int DEFAULT_WINDOW = 1 << 20;
    /**
     * Bytes past the window's capacity, never filled: the JIT hoists the bounds checks of the
     * varint loops (up to 9 bytes from a read position) out of the loop against the array length,
     * and a read near the end of a full window would fail that hoisted check, throwing away the
     * compiled decoder loop that inlined it.
     */
    static final int PAD = 16;
    private static final VarHandle LE_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final FileChannel channel;
    private final long chunkEnd;
    private final boolean compressed;

    /** The window: bytes of the file from {@code bufStart}, {@code bufLen} valid. */
    byte[] buf;
    private long bufStart;
    private int bufLen;
    /** Read position, index into {@link #buf}. */
    int p;
    /** End (buffer index, exclusive) of the event being parsed; lengths are checked against it. */
    int limit;

    ChunkInput(FileChannel channel, long chunkEnd, boolean compressedIntegers) {
        this(channel, chunkEnd, compressedIntegers, null);
    }

    /** @param window a buffer to reuse as the window (from {@link #window()} of an earlier input), or null */
    ChunkInput(FileChannel channel, long chunkEnd, boolean compressedIntegers, byte[] window) {
        this(channel, chunkEnd, compressedIntegers,
                window != null && window.length == DEFAULT_WINDOW + PAD ? window : new byte[DEFAULT_WINDOW + PAD], 0);
    }

    private ChunkInput(FileChannel channel, long chunkEnd, boolean compressedIntegers, byte[] buf, int unused) {
        this.channel = channel;
        this.chunkEnd = chunkEnd;
        this.compressed = compressedIntegers;
        this.buf = buf;
    }

    /**
     * An input over {@code bytes[0, bytes.length - PAD)} of the file from absolute position
     * {@code abs} (for error offsets), already loaded: for values copied out of a window.
     */
    static ChunkInput ofBytes(byte[] bytes, long abs, boolean compressedIntegers) {
        ChunkInput in = new ChunkInput(null, abs + bytes.length - PAD, compressedIntegers, bytes, 0);
        in.bufStart = abs;
        in.bufLen = bytes.length - PAD;
        in.limit = in.bufLen;
        return in;
    }

    /**
     * The window buffer, for the next chunk's input on the same thread. Reusing it matters with
     * small heaps: 1 MB is a humongous object for G1 at up to 2 GB of heap, allocated straight
     * into the old generation, one per chunk otherwise.
     */
    byte[] window() {
        return buf;
    }

    boolean compressed() {
        return compressed;
    }

    /** Absolute file position of the next byte read. */
    long pos() {
        return bufStart + p;
    }

    /** Absolute file position corresponding to buffer index {@code index}. */
    long abs(int index) {
        return bufStart + index;
    }

    /**
     * Makes {@code [abs, abs + len)} readable and moves the read position to {@code abs};
     * returns the buffer index of {@code abs}. {@code len} must not reach past the chunk end.
     */
    int load(long abs, int len) throws IOException {
        if (abs >= bufStart && abs + len <= bufStart + bufLen) {
            p = (int) (abs - bufStart);
            return p;
        }
        if (len > buf.length - PAD) {
            buf = new byte[Math.max(len, (buf.length - PAD) * 2) + PAD];
        }
        int want = (int) Math.min(buf.length - PAD, chunkEnd - abs);
        ByteBuffer bb = ByteBuffer.wrap(buf, 0, want);
        while (bb.hasRemaining()) {
            int n = channel.read(bb, abs + bb.position());
            if (n < 0) {
                break;
            }
        }
        bufStart = abs;
        bufLen = bb.position();
        if (bufLen < len) {
            throw new java.io.EOFException("file ends at " + (abs + bufLen));
        }
        p = 0;
        return 0;
    }

    /** Loads as much of {@code [abs, chunkEnd)} as fits, at least {@code min(len, rest)} bytes. */
    int loadUpTo(long abs, int len) throws IOException {
        return load(abs, (int) Math.min(len, chunkEnd - abs));
    }

    /** A count or length read at {@code p}, checked against the bytes left before {@link #limit}. */
    int readCount(String what) {
        int at = p;
        long n = readLong();
        if (n < 0 || n > limit - p) {
            throw new CorruptChunkException(abs(at), what + " " + n + " exceeds the bytes left in its event ("
                    + Math.max(0, limit - p) + ")");
        }
        return (int) n;
    }

    /**
     * A string length read at {@code p} as the format has it (an int: 4 bytes when integers are
     * not compressed), checked like {@link #readCount}: every string length is read with this,
     * so a chunk without compressed integers is read one way throughout.
     */
    int readLength(String what) {
        int at = p;
        long n = compressed ? readLong() : readRawInt();
        return checkedCount(n, at, what);
    }

    private int checkedCount(long n, int at, String what) {
        if (n < 0 || n > limit - p) {
            throw new CorruptChunkException(abs(at), what + " " + n + " exceeds the bytes left in its event ("
                    + Math.max(0, limit - p) + ")");
        }
        return (int) n;
    }

    // ---- primitive reads at p -------------------------------------------------------------

    int readByte() {
        return buf[p++];
    }

    boolean readBoolean() {
        return buf[p++] != 0;
    }

    /**
     * JFR compressed long: 7 bits per byte, low first, high bit = more; the 9th byte holds 8 bits.
     * Decoded from one 8-byte load (the window's {@link #PAD} keeps it inside the array): the
     * first byte without its high bit ends the value, found without a branch per byte, whose
     * mispredictions on values of mixed lengths cost more than the decoding.
     */
    long readLong() {
        if (!compressed) {
            return readRawLong();
        }
        byte[] b = buf;
        int i = p;
        long w = (long) LE_LONG.get(b, i);
        if ((w & 0x80) == 0) {
            p = i + 1;
            return w & 0x7F;
        }
        long ends = ~w & 0x8080808080808080L;
        if (ends == 0) {
            p = i + 9;
            return gather(w) | ((b[i + 8] & 0xFFL) << 56);
        }
        p = i + (Long.numberOfTrailingZeros(ends) >>> 3) + 1;
        return gather(w & (ends ^ (ends - 1)));
    }

    /** The 7-bit groups of the little-endian bytes of {@code w} (high bits ignored), packed low first. */
    private static long gather(long w) {
        w = (w & 0x007F007F007F007FL) | ((w & 0x7F007F007F007F00L) >>> 1);
        w = (w & 0x00003FFF00003FFFL) | ((w & 0x3FFF00003FFF0000L) >>> 2);
        return (w & 0x000000000FFFFFFFL) | ((w & 0x0FFFFFFF00000000L) >>> 4);
    }

    int readInt() {
        return compressed ? (int) readLong() : readRawInt();
    }

    short readShort() {
        if (compressed) {
            return (short) readLong();
        }
        int v = ((buf[p] & 0xFF) << 8) | (buf[p + 1] & 0xFF);
        p += 2;
        return (short) v;
    }

    char readChar() {
        return (char) readShort();
    }

    float readFloat() {
        return Float.intBitsToFloat(readRawInt());
    }

    double readDouble() {
        return Double.longBitsToDouble(readRawLong());
    }

    int readRawInt() {
        byte[] b = buf;
        int i = p;
        int v = ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
        p = i + 4;
        return v;
    }

    long readRawLong() {
        long hi = readRawInt() & 0xFFFFFFFFL;
        long lo = readRawInt() & 0xFFFFFFFFL;
        return (hi << 32) | lo;
    }

    /** Skips a compressed (or fixed 8-byte) long: its length from one 8-byte load, as {@link #readLong}. */
    void skipLong() {
        if (!compressed) {
            p += 8;
            return;
        }
        long ends = ~(long) LE_LONG.get(buf, p) & 0x8080808080808080L;
        // the lowest end bit is bit 8k+7 for a value of k+1 bytes; none (64) means 9 bytes
        p += (Long.numberOfTrailingZeros(ends) >>> 3) + 1;
    }

    /** Skips a compressed int (or a fixed one of {@code rawBytes} bytes). */
    void skipInt(int rawBytes) {
        if (compressed) {
            skipLong();
        } else {
            p += rawBytes;
        }
    }
}
