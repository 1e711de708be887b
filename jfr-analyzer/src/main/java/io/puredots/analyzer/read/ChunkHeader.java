package io.puredots.analyzer.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The 68-byte header of one JFR chunk, and the splitting of a file into chunk byte ranges by
 * reading headers only: the one parser of chunk headers ({@code read.source} uses it to sort a
 * repository's chunk files). Immutable.
 *
 * <pre>{@code
 * offset size  field (big-endian)
 *   0     4    magic 'F' 'L' 'R' '\0'
 *   4     2    major version (2 for JDK 11+)
 *   6     2    minor version (0 on JDK 17, 1 on JDK 21+)
 *   8     8    chunk size in bytes, header included
 *  16     8    offset of the last checkpoint event (constant pools), relative to the chunk
 *  24     8    offset of the metadata event, relative to the chunk
 *  32     8    start, epoch nanoseconds
 *  40     8    duration, nanoseconds
 *  48     8    start, ticks
 *  56     8    ticks per second
 *  64     1    file state: 0 finished; 1-254 a generation counted up at each flush while the
 *              JVM writes the chunk (the fields above then describe the chunk as of that
 *              flush); 255 while the JVM rewrites the header
 *  67     1    flags: bit 0 compressed integers, bit 1 final chunk of the recording
 * }</pre>
 */
public record ChunkHeader(Path file, int index, long offset, long size, long constantPoolOffset, long metadataOffset,
                   long startNanos, long durationNanos, long startTicks, long ticksPerSecond, int major,
                   int minor, int fileState, int flags) {

    public static final int HEADER_SIZE = 68;
    private static final int MAGIC = 0x464C5200; // "FLR\0"
    static final int FLAG_COMPRESSED_INTS = 1;
    static final int FLAG_FINAL_CHUNK = 2;
    /** File state while the JVM rewrites the header: its fields may be half written. */
    private static final int STATE_UPDATING = 0xFF;

    boolean compressedIntegers() {
        return (flags & FLAG_COMPRESSED_INTS) != 0;
    }

    /**
     * Whether the JVM was still writing this chunk (it stopped, or the file was copied while it
     * recorded): only the part up to the last flush, {@link #size()} bytes, is readable.
     */
    public boolean unfinished() {
        return fileState != 0;
    }

    /** The chunk's end, absolute offset in the file (exclusive). */
    long end() {
        return offset + size;
    }

    ChunkInfo info() {
        return new ChunkInfo(file, index, offset, size, startNanos, durationNanos, major, minor);
    }

    /**
     * The chunks of a file, in file order, plus the damage that stopped the split (if any).
     *
     * @param chunks the intact-looking chunk headers before any damage
     * @param damage why the rest of the file (from its offset) could not be split; {@code null}
     *               if the whole file was split into chunks
     */
    record Split(List<ChunkHeader> chunks, RecordingFormatException damage) {
        /** The last chunk if the JVM was still writing it, else null; nothing after it was split. */
        ChunkHeader unfinished() {
            ChunkHeader last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
            return last != null && last.unfinished() ? last : null;
        }
    }

    /**
     * Splits {@code file} into chunks by reading their headers. Stops at the first header that
     * is not a finished, complete chunk: bytes after it cannot be located reliably. A chunk the
     * JVM was still writing is kept, as far as its last flush, when that flush left a readable
     * chunk (metadata and a size within the file); it ends the split, since the bytes after the
     * flush are events without the constants and metadata to read them.
     *
     * @param firstIndex the index to give the file's first chunk
     */
    static Split split(Path file, FileChannel channel, int firstIndex) throws IOException {
        long fileSize = channel.size();
        List<ChunkHeader> chunks = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.BIG_ENDIAN);
        long pos = 0;
        int index = firstIndex;
        if (fileSize == 0) {
            return new Split(chunks, new RecordingFormatException(file, -1, 0, "empty file"));
        }
        while (pos < fileSize) {
            if (fileSize - pos < HEADER_SIZE) {
                return new Split(chunks, new RecordingFormatException(file, index, pos,
                        "truncated chunk header (" + (fileSize - pos) + " of " + HEADER_SIZE + " bytes)"));
            }
            buf.clear();
            readFully(channel, buf, pos);
            buf.flip();
            ChunkHeader h = parse(file, index, pos, buf);
            if (h == null) {
                return new Split(chunks, new RecordingFormatException(file, index, pos,
                        pos == 0 ? "not a JFR recording (no 'FLR' magic)" : "no chunk header ('FLR' magic) after previous chunk"));
            }
            int major = h.major;
            int minor = h.minor;
            long size = h.size;
            long cpOffset = h.constantPoolOffset;
            long metaOffset = h.metadataOffset;
            int fileState = h.fileState;
            if (major != 2) {
                return new Split(chunks, new RecordingFormatException(file, index, pos,
                        "unsupported JFR format version " + major + "." + minor + " (2.x expected)"));
            }
            if (fileState == STATE_UPDATING) {
                return new Split(chunks, new RecordingFormatException(file, index, pos,
                        "chunk still being written, its header half rewritten (file state " + fileState + ")"));
            }
            if (fileState != 0 && (metaOffset == 0 || size <= HEADER_SIZE)) {
                return new Split(chunks, new RecordingFormatException(file, index, pos,
                        "chunk still being written and never flushed: nothing in it is readable"));
            }
            if (size < HEADER_SIZE || size > fileSize - pos) {
                return new Split(chunks, new RecordingFormatException(file, index, pos,
                        "truncated chunk (header declares " + size + " bytes, " + (fileSize - pos) + " left)"));
            }
            if (metaOffset < HEADER_SIZE || metaOffset >= size) {
                return new Split(chunks, new RecordingFormatException(file, index, pos,
                        "metadata offset " + metaOffset + " outside chunk of " + size + " bytes"));
            }
            if (cpOffset != 0 && (cpOffset < HEADER_SIZE || cpOffset >= size)) {
                return new Split(chunks, new RecordingFormatException(file, index, pos,
                        "constant pool offset " + cpOffset + " outside chunk of " + size + " bytes"));
            }
            chunks.add(h);
            if (h.unfinished()) {
                return new Split(chunks, null);
            }
            index++;
            pos += size;
        }
        return new Split(chunks, null);
    }

    /**
     * The headers of {@code file}'s readable chunks, in file order, up to the first that is not
     * (the reader reports that damage; callers here only compare what is intact). The last may
     * be {@linkplain #unfinished() unfinished}.
     */
    public static List<ChunkHeader> readAll(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return List.copyOf(split(file, ch, 0).chunks());
        }
    }

    /**
     * The header of the chunk that starts {@code file}, unchecked beyond its magic: null if the
     * file is shorter than a header or does not start with 'FLR'.
     */
    public static ChunkHeader readFirst(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(HEADER_SIZE).order(ByteOrder.BIG_ENDIAN);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() < HEADER_SIZE) {
                return null;
            }
            readFully(ch, buf, 0);
        }
        buf.flip();
        return parse(file, 0, 0, buf);
    }

    /** The header in {@code buf[0, HEADER_SIZE)}, at {@code offset} of {@code file}; null without the magic. */
    private static ChunkHeader parse(Path file, int index, long offset, ByteBuffer buf) {
        if (buf.getInt(0) != MAGIC) {
            return null;
        }
        return new ChunkHeader(file, index, offset, buf.getLong(8), buf.getLong(16), buf.getLong(24), buf.getLong(32),
                buf.getLong(40), buf.getLong(48), buf.getLong(56), Short.toUnsignedInt(buf.getShort(4)),
                Short.toUnsignedInt(buf.getShort(6)), Byte.toUnsignedInt(buf.get(64)), Byte.toUnsignedInt(buf.get(67)));
    }

    private static void readFully(FileChannel channel, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos + buf.position());
            if (n < 0) {
                throw new java.io.EOFException();
            }
        }
    }
}
