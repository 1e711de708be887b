package io.puredots.analyzer.read.source;

import io.puredots.analyzer.read.ChunkHeader;
import io.puredots.analyzer.read.ChunkInfo;
import io.puredots.analyzer.text.Units;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * What the user gave {@code report}, resolved to plain JFR files to read in order:
 * <ul>
 *   <li>a {@code .jfr} file: itself;</li>
 *   <li>a gzip file (by content, whatever its name, e.g. {@code .jfr.gz}): decompressed to a
 *       temporary file, refused beyond {@link SourceOptions#maxDecompressedBytes()} (default
 *       8 GiB); a truncated or corrupt gzip stream keeps what decompressed, with a warning;</li>
 *   <li>a JFR repository directory, what a killed JVM leaves behind (one file per chunk,
 *       {@code 2026_11_27_12_30_00.jfr}, possibly a last chunk still being written): its
 *       chunk files in start-time order, a chunk the JVM was still writing included (it is read
 *       up to its last flush); damaged, never flushed and foreign files are skipped with a
 *       warning. A directory holding a {@code *.jfr} file not named like a chunk file
 *       is not a repository (a folder of separate recordings) and is refused. A directory holding one repository per JVM run (the
 *       {@code repository=} option's parent) is accepted if it holds exactly one.</li>
 * </ul>
 * Anything else is a {@link SourceException} with a one-line message.
 *
 * <p>Close it to delete temporary files. Not thread-safe; immutable after {@code resolve}.
 */
public final class RecordingSource implements AutoCloseable {
    private static final int MAGIC = 0x464C5200; // "FLR\0", for the gzip check: before a file is a chunk
    /** How the JDK names a repository's chunk files: their start time, and a counter if taken. */
    private static final Pattern CHUNK_FILE_NAME = Pattern.compile("\\d{4}(_\\d{2}){5}(_\\d+)?\\.jfr");

    private final Path input;
    private final String description;
    private final List<Path> files;
    private final Map<Path, Long> sizes;
    private final List<String> warnings;
    private final long skippedBytes;
    private final int skippedFiles;
    private final List<Path> temporary;
    private final Map<Path, Path> shownAs;

    private RecordingSource(Path input, String description, List<Path> files, Map<Path, Long> sizes,
                            List<String> warnings, long skippedBytes, int skippedFiles, List<Path> temporary,
                            Map<Path, Path> shownAs) {
        this.input = input;
        this.description = description;
        this.files = List.copyOf(files);
        this.sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
        this.warnings = List.copyOf(warnings);
        this.skippedBytes = skippedBytes;
        this.skippedFiles = skippedFiles;
        this.temporary = List.copyOf(temporary);
        this.shownAs = Map.copyOf(shownAs);
    }

    /**
     * Resolves one input, refusing it unless its chunks are one run ({@link OneRun}: in time
     * order, not overlapping, one tick rate).
     */
    public static RecordingSource resolve(Path input, SourceOptions options) throws SourceException {
        RecordingSource r = resolveOne(input, options);
        r.requireOneRun();
        return r;
    }

    private static RecordingSource resolveOne(Path input, SourceOptions options) throws SourceException {
        if (!Files.exists(input, LinkOption.NOFOLLOW_LINKS) && !Files.exists(input)) {
            throw new SourceException(q(input) + ": no such file or directory");
        }
        if (Files.isDirectory(input)) {
            return repository(input);
        }
        if (!Files.isRegularFile(input)) {
            throw new SourceException(q(input) + ": not a regular file or directory");
        }
        byte[] head = head(input, 8);
        if (head.length == 0) {
            throw new SourceException(q(input) + ": empty file");
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return gzip(input, options);
        }
        requireJfrMagic(input, head, input);
        return new RecordingSource(input, "JFR file " + q(input), List.of(input), Map.of(input, size(input)),
                List.of(), 0, 0, List.of(), Map.of());
    }

    /**
     * Resolves several inputs read as one run, in the order given (as {@code report} takes them):
     * their files, sizes, warnings and temporary files together. If one input fails, the
     * temporary files of the others are deleted and its {@link SourceException} is thrown. They
     * are refused unless their chunks, in the order given, are consecutive parts of one run
     * ({@link OneRun}); the message names the two files that disagree and how.
     */
    public static RecordingSource resolveAll(List<Path> inputs, SourceOptions options) throws SourceException {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no inputs");
        }
        if (inputs.size() == 1) {
            return resolve(inputs.get(0), options);
        }
        List<RecordingSource> parts = new ArrayList<>();
        try {
            for (Path p : inputs) {
                parts.add(resolveOne(p, options));
            }
        } catch (SourceException e) {
            parts.forEach(RecordingSource::close);
            throw e;
        }
        List<Path> files = new ArrayList<>();
        Map<Path, Long> sizes = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        List<Path> temporary = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        long skipped = 0;
        int skippedFiles = 0;
        Map<Path, Path> shownAs = new LinkedHashMap<>();
        for (RecordingSource r : parts) {
            shownAs.putAll(r.shownAs);
            files.addAll(r.files);
            sizes.putAll(r.sizes);
            warnings.addAll(r.warnings);
            temporary.addAll(r.temporary);
            descriptions.add(r.description);
            skipped += r.skippedBytes;
            skippedFiles += r.skippedFiles;
        }
        RecordingSource all = new RecordingSource(inputs.get(0), String.join("; ", descriptions), files, sizes,
                warnings, skipped, skippedFiles, temporary, shownAs);
        all.requireOneRun();
        return all;
    }

    /** {@link OneRun#require} over this source's files; deletes the temporary files if it throws. */
    private void requireOneRun() throws SourceException {
        try {
            OneRun.require(files, shownAs);
        } catch (SourceException e) {
            close();
            throw e;
        }
    }

    /** The input as given (the first one for {@link #resolveAll}). */
    public Path input() {
        return input;
    }

    /** What the input was, for the report header, e.g. "JFR repository 'dir' (3 chunk files)". */
    public String description() {
        return description;
    }

    /** Plain JFR files to read, in order (a decompressed copy for gzip input). */
    public List<Path> files() {
        return files;
    }

    /**
     * The refusal of two of {@link #files()} recorded by different JVMs (told apart by the
     * reader, from {@code jdk.JVMInformation}), naming the files as the user gave them.
     */
    public SourceException anotherJvm(Path earlier, long earlierPid, long earlierStartMillis, Path later,
                                      long laterPid, long laterStartMillis) {
        return new SourceException(q(shownAs.getOrDefault(earlier, earlier)) + " and "
                + q(shownAs.getOrDefault(later, later)) + " as one run: another JVM (pid " + earlierPid + " started "
                + Units.instant(earlierStartMillis * 1_000_000) + ", then pid " + laterPid + " started "
                + Units.instant(laterStartMillis * 1_000_000) + ")");
    }

    /** Size of each file in {@link #files()}, bytes. */
    public Map<Path, Long> sizes() {
        return sizes;
    }

    /** One-line warnings about what was skipped or kept partially. */
    public List<String> warnings() {
        return warnings;
    }

    /** Bytes of the input left out while resolving (damaged, never flushed or foreign repository files). */
    public long skippedBytes() {
        return skippedBytes;
    }

    /**
     * A one-line warning saying how much of the input the read chunks cover, if they do not cover
     * all of it, e.g. {@code partial report over 2 chunks (371.2 KB of 461.2 KB);
     * skipped 90.1 KB (20%) that is damaged or incomplete}. Empty when nothing was skipped.
     *
     * @param chunksRead the chunks the reader decoded, from its result
     */
    public Optional<String> coverage(List<ChunkInfo> chunksRead) {
        return coverage(chunksRead, "report");
    }

    /**
     * {@link #coverage(List)} for what the chunks are read into, e.g. {@code "export"}: {@code
     * partial export over 2 chunks (...); skipped ...}.
     */
    public Optional<String> coverage(List<ChunkInfo> chunksRead, String product) {
        long total = skippedBytes;
        for (long s : sizes.values()) {
            total += s;
        }
        long read = 0;
        for (ChunkInfo c : chunksRead) {
            read += c.size();
        }
        long skipped = total - read;
        if (skipped <= 0 && skippedFiles == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "partial %s over %d %s (%s of %s); skipped %s (%.0f%%) that is damaged or incomplete",
                product, chunksRead.size(), chunksRead.size() == 1 ? "chunk" : "chunks", Units.bytes(read), Units.bytes(total), Units.bytes(skipped),
                100.0 * skipped / total));
    }

    /** Deletes temporary files. */
    @Override
    public void close() {
        for (Path p : temporary) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // best effort: a temp file left behind is not worth failing the report for
            }
        }
    }

    // ---- gzip ---------------------------------------------------------------------------------

    private static RecordingSource gzip(Path input, SourceOptions options) throws SourceException {
        Path tmp;
        try {
            tmp = options.tempDir() == null ? Files.createTempFile("jfr-analyzer-", ".jfr")
                    : Files.createTempFile(options.tempDir(), "jfr-analyzer-", ".jfr");
        } catch (IOException e) {
            throw new SourceException(q(input) + ": cannot create a temporary file to decompress into: "
                    + e.getMessage(), e);
        }
        List<String> warnings = new ArrayList<>();
        long written = 0;
        boolean ok = false;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(input), 1 << 16);
             OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buf = new byte[1 << 16];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (written + n > options.maxDecompressedBytes()) {
                        throw new SourceException(q(input) + ": decompresses to more than "
                                + Units.bytes(options.maxDecompressedBytes()) + " (the limit for compressed input)");
                    }
                    out.write(buf, 0, n);
                    written += n;
                }
            } catch (EOFException e) {
                warnings.add(q(input) + ": gzip data ends early; using the " + Units.bytes(written) + " that decompressed");
            } catch (ZipException e) {
                warnings.add(q(input) + ": corrupt gzip data (" + e.getMessage() + "); using the " + Units.bytes(written)
                        + " that decompressed");
            }
            ok = true;
        } catch (SourceException e) {
            throw e;
        } catch (ZipException | EOFException e) {
            throw new SourceException(q(input) + ": not valid gzip data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new SourceException(q(input) + ": cannot decompress: " + e.getMessage(), e);
        } finally {
            if (!ok) {
                deleteQuietly(tmp);
            }
        }
        try {
            if (written == 0) {
                throw new SourceException(q(input) + ": gzip file holds no data");
            }
            requireJfrMagic(tmp, head(tmp, 8), input);
        } catch (SourceException e) {
            deleteQuietly(tmp);
            throw e;
        }
        return new RecordingSource(input, "gzip-compressed JFR file " + q(input) + " (" + Units.bytes(written)
                + " decompressed)", List.of(tmp), Map.of(tmp, written), warnings, 0, 0, List.of(tmp), Map.of(tmp, input));
    }

    // ---- repository ---------------------------------------------------------------------------

    /** A chunk file's header fields that matter here. */
    private record ChunkFile(Path file, long fileSize, long declaredSize, long metadataOffset, int fileState,
                             long startNanos) {
        /** Why the file cannot be read, or null: a running chunk is read up to its last flush. */
        String unreadable() {
            if (fileState == 0xFF) {
                return "chunk header half rewritten when the JVM stopped";
            }
            if (fileState != 0 && (metadataOffset == 0 || declaredSize <= ChunkHeader.HEADER_SIZE)) {
                return "chunk still being written and never flushed";
            }
            if (declaredSize > fileSize || declaredSize < ChunkHeader.HEADER_SIZE) {
                return "incomplete chunk (header declares " + declaredSize + " bytes, file has " + fileSize + ")";
            }
            return null;
        }
    }

    private static RecordingSource repository(Path dir) throws SourceException {
        List<Path> jfrs = jfrFiles(dir);
        Path repo = dir;
        if (jfrs.isEmpty()) {
            List<Path> runs = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, Files::isDirectory)) {
                for (Path sub : ds) {
                    if (!jfrFiles(sub).isEmpty()) {
                        runs.add(sub);
                    }
                }
            } catch (IOException e) {
                throw new SourceException(q(dir) + ": cannot list directory: " + e.getMessage(), e);
            }
            runs.sort(Comparator.comparing(Path::toString));
            if (runs.isEmpty()) {
                throw new SourceException(q(dir) + ": a directory without *.jfr files");
            }
            if (runs.size() > 1) {
                List<String> names = new ArrayList<>();
                for (Path r : runs) {
                    names.add(r.getFileName().toString());
                }
                throw new SourceException(q(dir) + ": holds " + runs.size() + " JFR repositories ("
                        + String.join(", ", names) + "); pass one of them");
            }
            repo = runs.get(0);
            jfrs = jfrFiles(repo);
        }
        for (Path f : jfrs) {
            if (!CHUNK_FILE_NAME.matcher(f.getFileName().toString()).matches()) {
                throw new SourceException(q(repo) + ": not a JFR repository (" + q(f.getFileName())
                        + " is not a chunk file name like 2026_11_27_12_30_00.jfr); give recordings as files");
            }
        }
        List<ChunkFile> complete = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        long skipped = 0;
        for (Path f : jfrs) {
            long size = size(f);
            ChunkFile c = readHeader(f, size);
            String why = c == null ? (size == 0 ? "empty file" : "not a JFR chunk") : c.unreadable();
            if (why != null) {
                warnings.add("skipped " + q(f.getFileName()) + " in the repository: " + why + " (" + Units.bytes(size) + ")");
                skipped += size;
            } else {
                complete.add(c);
            }
        }
        if (complete.isEmpty()) {
            throw new SourceException(q(dir) + ": no readable chunk in the JFR repository (" + jfrs.size()
                    + (jfrs.size() == 1 ? " file" : " files") + " unfinished or damaged)");
        }
        complete.sort(Comparator.comparingLong(ChunkFile::startNanos).thenComparing(c -> c.file().toString()));
        List<Path> files = new ArrayList<>();
        Map<Path, Long> sizes = new LinkedHashMap<>();
        for (ChunkFile c : complete) {
            files.add(c.file());
            sizes.put(c.file(), c.fileSize());
        }
        return new RecordingSource(dir, "JFR repository " + q(repo) + " (" + files.size() + " chunk "
                + (files.size() == 1 ? "file" : "files") + ")", files, sizes, warnings, skipped,
                jfrs.size() - files.size(), List.of(), Map.of());
    }

    private static List<Path> jfrFiles(Path dir) throws SourceException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jfr")) {
            for (Path p : ds) {
                if (Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new SourceException(q(dir) + ": cannot list directory: " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }

    private static ChunkFile readHeader(Path f, long size) throws SourceException {
        ChunkHeader h;
        try {
            h = ChunkHeader.readFirst(f);
        } catch (IOException e) {
            throw new SourceException(q(f) + ": cannot read: " + e.getMessage(), e);
        }
        return h == null ? null : new ChunkFile(f, size, h.size(), h.metadataOffset(), h.fileState(), h.startNanos());
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static void requireJfrMagic(Path file, byte[] head, Path shownAs) throws SourceException {
        if (head.length >= 4 && ByteBuffer.wrap(head).getInt(0) == MAGIC) {
            return;
        }
        throw new SourceException(q(shownAs) + ": not a JFR recording (" + looksLike(head) + ")");
    }

    /** "starts with bytes 50 4b 03 04" or "looks like text: 'hello'" for an error message. */
    static String looksLike(byte[] head) {
        boolean text = head.length > 0;
        for (byte b : head) {
            text &= (b >= 0x20 && b < 0x7f) || b == '\n' || b == '\r' || b == '\t';
        }
        if (text) {
            return "looks like text: '" + new String(head, StandardCharsets.US_ASCII).strip() + "...'";
        }
        StringBuilder sb = new StringBuilder("starts with bytes");
        for (int i = 0; i < Math.min(4, head.length); i++) {
            sb.append(String.format(Locale.ROOT, " %02x", head[i] & 0xff));
        }
        return sb.append(", not 'FLR'").toString();
    }

    private static byte[] head(Path file, int n) throws SourceException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        } catch (NoSuchFileException e) {
            throw new SourceException(q(file) + ": no such file or directory", e);
        } catch (IOException e) {
            throw new SourceException(q(file) + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static long size(Path file) throws SourceException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new SourceException(q(file) + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort
        }
    }

    static String q(Path p) {
        return "'" + p + "'";
    }
}
