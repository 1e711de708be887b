package io.puredots.analyzer.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A recording as a reader of finished files can take it: the file itself, or, if the JVM was still
 * writing its last chunk, a temporary copy cut at that chunk's last flush with the chunk marked
 * finished. The JDK's {@code EventStream.openFile} waits for an unfinished chunk to grow, as it
 * would for a live recording, so it hangs on the file a crashed JVM left. Close to delete the copy.
 */
public final class FlushedCopy implements AutoCloseable {
    private static final int FILE_STATE_OFFSET = 64;

    private final Path path;
    private final UnfinishedChunk unfinished;

    private FlushedCopy(Path path, UnfinishedChunk unfinished) {
        this.path = path;
        this.unfinished = unfinished;
    }

    /**
     * {@code file} itself when its chunks are finished (or it is damaged: its reader reports that),
     * else a finished copy up to the last flush, made in {@code tempDir} (the default temporary
     * directory if null).
     */
    public static FlushedCopy of(Path file, Path tempDir) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ChunkHeader last = ChunkHeader.split(file, in, 0).unfinished();
            if (last == null) {
                return new FlushedCopy(file, null);
            }
            UnfinishedChunk measured = UnfinishedChunk.measure(in, last);
            Path copy = tempDir == null ? Files.createTempFile("jfr-analyzer-flushed-", ".jfr")
                    : Files.createTempFile(tempDir, "jfr-analyzer-flushed-", ".jfr");
            try (FileChannel out = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                long done = 0;
                while (done < last.end()) {
                    long n = in.transferTo(done, last.end() - done, out);
                    if (n <= 0) {
                        throw new IOException(file + ": shorter than its chunk headers say");
                    }
                    done += n;
                }
                out.write(ByteBuffer.wrap(new byte[] {0}), last.offset() + FILE_STATE_OFFSET);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(copy);
                throw e;
            }
            return new FlushedCopy(copy, measured);
        }
    }

    /** The file to read: the copy, or the original when it needed none. */
    public Path path() {
        return path;
    }

    /** The last chunk of the original, if the JVM was still writing it. */
    public Optional<UnfinishedChunk> unfinished() {
        return Optional.ofNullable(unfinished);
    }

    /** Deletes the copy, if one was made. */
    @Override
    public void close() throws IOException {
        if (unfinished != null) {
            Files.deleteIfExists(path);
        }
    }
}
