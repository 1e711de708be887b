package io.puredots.analyzer.read.source;

import io.puredots.analyzer.read.ChunkInfo;
import io.puredots.analyzer.read.EveryKindHandler;
import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.read.ReadResult;
import io.puredots.analyzer.read.RecordingFormatException;
import io.puredots.analyzer.read.RecordingReader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The chunks of a recording input that {@code report} reads, as one plain JFR file for a reader
 * of whole files: the JDK's {@code EventStream}, which has no damage rules of its own (it reads a
 * truncated chunk as no events, and waits for a chunk the JVM was still writing to grow).
 *
 * <p>The rules are report's, from the same code: {@link RecordingSource} resolves the input (a
 * {@code .jfr} file, gzip, a JFR repository directory); {@link RecordingReader} decodes every
 * chunk with an {@link EveryKindHandler} and leaves out the damaged ones; a chunk the JVM was
 * still writing is kept up to its last flush. The warnings are report's word for word, the
 * coverage line naming the product ({@code partial export over 1 chunk (...); skipped ... (97%)
 * that is damaged or incomplete}). No intact chunk fails as report does: the first damaged
 * chunk's {@link RecordingFormatException}.
 *
 * <p>The file is the input itself when every byte of it is an intact, finished chunk; otherwise
 * a temporary copy of the intact chunks in order, each marked finished. Close to delete
 * temporary files. Not thread-safe.
 */
public final class IntactChunks implements AutoCloseable {
    /** Offset of the file state byte in a chunk header (see {@code read.ChunkHeader}): 0 is finished. */
    private static final int FILE_STATE_OFFSET = 64;

    private final RecordingSource source;
    private final Path file;
    private final boolean copied;
    private final List<String> warnings;
    private final List<ChunkInfo> chunks;

    private IntactChunks(RecordingSource source, Path file, boolean copied, List<String> warnings,
                         List<ChunkInfo> chunks) {
        this.source = source;
        this.file = file;
        this.copied = copied;
        this.warnings = List.copyOf(warnings);
        this.chunks = List.copyOf(chunks);
    }

    /**
     * Resolves {@code input}, checks its chunks and makes the file of the intact ones.
     *
     * @param options     how to resolve the input; the copy goes to its temporary directory
     * @param readOptions decoder and parallelism for the check (damaged chunks are always skipped)
     * @param product     what the chunks are read into, for the coverage warning, e.g. "export"
     * @throws SourceException          the input is missing, unreadable or cannot be resolved
     * @throws RecordingFormatException no chunk is intact (the first damaged one)
     * @throws IOException              any other read failure, or the copy could not be written
     *                                  (a {@link FileSystemException} naming the copy)
     */
    public static IntactChunks of(Path input, SourceOptions options, ReadOptions readOptions, String product)
            throws IOException {
        if (!Files.exists(input)) {
            throw new SourceException("'" + input + "': no such file");
        }
        if (!Files.isReadable(input)) {
            throw new SourceException("'" + input + "': permission denied");
        }
        RecordingSource source = RecordingSource.resolve(input, options);
        try {
            ReadResult<EveryKindHandler> read = RecordingReader.read(source.files(), EveryKindHandler::new,
                    readOptions.withSkipDamagedChunks(true), h -> { });
            if (read.chunks().isEmpty() && !read.skippedChunks().isEmpty()) {
                throw read.skippedChunks().get(0);
            }
            List<String> warnings = new ArrayList<>(source.warnings());
            warnings.addAll(read.warnings());
            source.coverage(read.chunks(), product).ifPresent(warnings::add);
            if (wholeFile(source, read)) {
                return new IntactChunks(source, source.files().get(0), false, warnings, read.chunks());
            }
            Path copy = copy(read.chunks(), options.tempDir());
            return new IntactChunks(source, copy, true, warnings, read.chunks());
        } catch (IOException | RuntimeException | Error e) {
            source.close();
            throw e;
        }
    }

    /** Whether the one file read is exactly its intact, finished chunks. */
    private static boolean wholeFile(RecordingSource source, ReadResult<?> read) {
        if (source.files().size() != 1 || !read.unfinishedChunks().isEmpty() || !read.skippedChunks().isEmpty()) {
            return false;
        }
        long covered = 0;
        for (ChunkInfo c : read.chunks()) {
            covered += c.size();
        }
        return covered == source.sizes().get(source.files().get(0));
    }

    /** The chunks' bytes, in order, into a new temporary file, each chunk's file state set to finished. */
    private static Path copy(List<ChunkInfo> chunks, Path tempDir) throws IOException {
        Path copy = tempDir == null ? Files.createTempFile("jfr-analyzer-intact-", ".jfr")
                : Files.createTempFile(tempDir, "jfr-analyzer-intact-", ".jfr");
        Path from = null;
        try (FileChannel out = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            long at = 0;
            for (ChunkInfo c : chunks) {
                from = c.file();
                try (FileChannel in = FileChannel.open(c.file(), StandardOpenOption.READ)) {
                    long done = 0;
                    while (done < c.size()) {
                        long n = in.transferTo(c.offset() + done, c.size() - done, out.position(at + done));
                        if (n <= 0) {
                            throw new RecordingFormatException(c.file(), c.index(), c.offset() + done,
                                    "file shorter than its chunk header says (changed while read)");
                        }
                        done += n;
                    }
                }
                // a chunk the JVM was still writing ends at its last flush here: mark it finished
                out.write(ByteBuffer.wrap(new byte[] {0}), at + FILE_STATE_OFFSET);
                at += c.size();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            if (e instanceof IOException io && !(io instanceof FileSystemException)
                    && !(io instanceof RecordingFormatException)) {
                // name the copy: the likely cause (a full disk) is about it, not about the recording
                throw new FileSystemException(copy.toString(), from == null ? null : from.toString(), io.getMessage());
            }
            throw e;
        }
        return copy;
    }

    /** One plain JFR file holding exactly the intact chunks, in order. */
    public Path file() {
        return file;
    }

    /** One-line warnings about what was skipped or read partially, as report words them. */
    public List<String> warnings() {
        return warnings;
    }

    /** How many chunks {@link #file()} holds, at least 1. */
    public int chunks() {
        return chunks.size();
    }

    /** Start of the first intact chunk, epoch ns. */
    public long startNanos() {
        return chunks.stream().mapToLong(ChunkInfo::startNanos).min().orElseThrow();
    }

    /** End of the last intact chunk, epoch ns. */
    public long endNanos() {
        return chunks.stream().mapToLong(c -> c.startNanos() + c.durationNanos()).max().orElseThrow();
    }

    /** Deletes the copy and the input's temporary files. */
    @Override
    public void close() {
        try {
            if (copied) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // best effort: a temp file left behind is not worth failing the export for
        } finally {
            source.close();
        }
    }
}
