package io.puredots.analyzer.read;

import io.puredots.analyzer.text.Units;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * A chunk the JVM was still writing when it stopped (crash, {@code kill -9}, OOM killer) or when
 * the file was copied: readable up to its last flush, and what lies after that flush. Immutable.
 *
 * <p>The JVM rewrites a running chunk's header at every flush (about once a second), so the
 * header describes a complete chunk as of that flush. Events written after it lack the
 * constants and metadata to decode them, but their sizes and start times can still be walked,
 * which tells how much recording time was lost.
 *
 * @param file             the file the chunk is in
 * @param index            the chunk's index among all chunks read
 * @param readableBytes    bytes up to the last flush, header included: the part that is read
 * @param readableNanos    time from the chunk's start to the last flush
 * @param unreadableBytes  bytes in the file after the last flush
 * @param unreadableNanos  time from the last flush to the latest event found after it; 0 if no
 *                         event after the flush could be found
 */
public record UnfinishedChunk(Path file, int index, long readableBytes, long readableNanos, long unreadableBytes,
                              long unreadableNanos) {

    /** Walking a garbled tail stops at an event time more than this far past the flush. */
    private static final long PLAUSIBLE_NANOS_AFTER = 3_600_000_000_000L;
    private static final int WINDOW = 1 << 20;

    /** The one-line warning for the user. */
    public String warning() {
        String after = unreadableBytes == 0
                ? "nothing written after that flush reached the file"
                : Units.bytes(unreadableBytes) + " after it unreadable"
                  + (unreadableNanos > 0 ? ", events up to " + Units.duration(unreadableNanos) + " after it" : "");
        return "chunk " + index + " of '" + file + "' was still being written (the JVM stopped or the file was copied"
                + " while recording): read up to its last flush, " + Units.duration(readableNanos) + " into the chunk; "
                + after;
    }

    /**
     * Measures what follows the last flush of {@code chunk} (an {@linkplain ChunkHeader#unfinished()
     * unfinished} chunk) up to the end of the file.
     */
    static UnfinishedChunk measure(FileChannel channel, ChunkHeader chunk) throws IOException {
        long from = chunk.end();
        long to = channel.size();
        long latest = latestEventTicks(channel, chunk, from, to);
        long after = 0;
        if (latest > chunk.startTicks() && chunk.ticksPerSecond() > 0) {
            double nanos = (latest - chunk.startTicks()) * 1e9 / chunk.ticksPerSecond();
            after = Math.max(0, (long) nanos - chunk.durationNanos());
        }
        return new UnfinishedChunk(chunk.file(), chunk.index(), chunk.size(), chunk.durationNanos(), to - from, after);
    }

    /**
     * The latest start time, in ticks, of the events walked from {@code from}: each event is its
     * size, type id and start time. Stops at the first event that does not fit or whose time is
     * implausible (a partly written buffer); -1 if none is found.
     */
    private static long latestEventTicks(FileChannel channel, ChunkHeader chunk, long from, long to) throws IOException {
        Window w = new Window(channel, to, chunk.compressedIntegers());
        long limit = chunk.startTicks() + (long) ((chunk.durationNanos() + PLAUSIBLE_NANOS_AFTER) / 1e9
                * chunk.ticksPerSecond());
        long latest = -1;
        long pos = from;
        while (pos < to) {
            if (!w.at(pos)) {
                break;
            }
            long size = w.nextInt();
            if (size < 3 || size > to - pos) {
                break;
            }
            w.nextLong(); // type id
            long ticks = w.nextLong();
            if (w.overrun(pos + size) || ticks < chunk.startTicks() || ticks > limit) {
                break;
            }
            latest = Math.max(latest, ticks);
            pos += size;
        }
        return latest;
    }

    /** A read window over the tail, refilled as the walk moves on; reads JFR integers. */
    private static final class Window {
        private final FileChannel channel;
        private final long end;
        private final boolean compressed;
        private final ByteBuffer buf = ByteBuffer.allocate(WINDOW).order(ByteOrder.BIG_ENDIAN);
        private long bufStart = -1;
        private boolean failed;

        Window(FileChannel channel, long end, boolean compressed) {
            this.channel = channel;
            this.end = end;
            this.compressed = compressed;
        }

        /** Positions at {@code pos}, keeping at least an event header's worth of bytes in the window. */
        boolean at(long pos) throws IOException {
            failed = false;
            if (bufStart < 0 || pos < bufStart || pos + 32 > bufStart + buf.limit() && bufStart + buf.limit() < end) {
                buf.clear();
                long n = Math.min(WINDOW, end - pos);
                buf.limit((int) n);
                while (buf.hasRemaining()) {
                    if (channel.read(buf, pos + buf.position()) < 0) {
                        break;
                    }
                }
                buf.flip();
                bufStart = pos;
            }
            buf.position((int) (pos - bufStart));
            return buf.hasRemaining();
        }

        /** Whether a read ran past the window, or the fields read end beyond {@code eventEnd}. */
        boolean overrun(long eventEnd) {
            return failed || bufStart + buf.position() > eventEnd;
        }

        long nextInt() {
            return compressed ? varLong() : fixed(4);
        }

        long nextLong() {
            return compressed ? varLong() : fixed(8);
        }

        private long fixed(int bytes) {
            if (buf.remaining() < bytes) {
                failed = true;
                return -1;
            }
            return bytes == 4 ? Integer.toUnsignedLong(buf.getInt()) : buf.getLong();
        }

        /** LEB128 as JFR writes it: 7 bits a byte, the ninth byte holds 8. */
        private long varLong() {
            long v = 0;
            for (int i = 0; i < 9; i++) {
                if (!buf.hasRemaining()) {
                    failed = true;
                    return -1;
                }
                int b = buf.get() & 0xFF;
                if (i == 8) {
                    return v | (long) b << 56;
                }
                v |= (long) (b & 0x7F) << (7 * i);
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            return v;
        }
    }
}
