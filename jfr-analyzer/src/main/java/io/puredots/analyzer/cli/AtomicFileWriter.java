package io.puredots.analyzer.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * Writes a command's output file whole or not at all: into a temporary file in the target's
 * directory, then moved in place, so a failure or a kill never leaves a half-written file or
 * destroys the one that was there. An existing regular file is replaced only with {@code force};
 * anything else at the target (a directory, a symbolic link to anything, a device, a FIFO, a
 * socket) is never replaced: a rename would put a regular file in its place. The new file has
 * the permissions of any file the user creates (the umask's), not the 0600 of a temporary file.
 *
 * <p>Failures of the file operations, and of writing the temporary file (a full disk, a read-only
 * file system), are {@link Cli.UserException}s with one line naming the file as the user gave
 * it: {@code cannot write 'r.txt': no such directory}, {@code 'r.txt' exists; use --force to
 * overwrite it}, {@code cannot write 'r.txt': it is a symbolic link (--force replaces only a
 * regular file)}, {@code no space left on device writing 'r.txt'} ({@link Cli#writeFailure}).
 * Stateless; concurrent writes to one target leave one of them whole. The target is checked
 * before writing and not again at the rename: something put there meanwhile is replaced.
 */
final class AtomicFileWriter {
    // file types in st_mode (POSIX sys/stat.h)
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFIFO = 0010000;

    private AtomicFileWriter() {
    }

    /** Writes the bytes of one output file to {@code out}; returns what the command wants back. */
    @FunctionalInterface
    interface Content<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    /**
     * Fails if {@code target} cannot be written: it is a directory or anything else but a regular
     * file (a symbolic link is not followed), it exists and not {@code force}, or its directory
     * does not exist. Lets a command refuse before long work.
     *
     * @throws Cli.UserException saying which
     */
    static void checkTarget(Path target, boolean force) {
        Path abs = target.toAbsolutePath();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(abs, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (AccessDeniedException e) {
            throw cannotWrite(target, e);
        } catch (IOException e) {
            a = null; // not there, or a path through a file: the directory check below says which
        }
        if (a != null && a.isDirectory()) {
            throw new Cli.UserException("cannot write '" + target + "': it is a directory");
        }
        if (a != null && !a.isRegularFile()) {
            throw new Cli.UserException("cannot write '" + target + "': it is " + kind(abs, a)
                    + " (--force replaces only a regular file)");
        }
        if (a != null && !force) {
            throw exists(target, null);
        }
        if (abs.getParent() == null || !Files.isDirectory(abs.getParent())) {
            throw new Cli.UserException("cannot write '" + target + "': no such directory");
        }
    }

    /** What a file that is neither a regular file nor a directory is, e.g. "a FIFO". */
    private static String kind(Path file, BasicFileAttributes a) {
        if (a.isSymbolicLink()) {
            return "a symbolic link";
        }
        int mode;
        try {
            // st_mode: only the unix view tells a device from a FIFO (Linux and macOS JDKs have it)
            mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "not a regular file";
        }
        return switch (mode & S_IFMT) {
            case S_IFCHR -> "a character device";
            case S_IFBLK -> "a block device";
            case S_IFIFO -> "a FIFO";
            case S_IFSOCK -> "a socket";
            default -> "not a regular file";
        };
    }

    /** Writes {@code text} as UTF-8 to {@code target}; any failure is a {@link Cli.UserException}. */
    static void write(Path target, boolean force, String text) {
        writeText(target, force, out -> out.write(text));
    }

    /**
     * Writes, as UTF-8, what {@code content} writes to {@code target}, streamed into the temporary
     * file; any failure, {@code content}'s included, is a {@link Cli.UserException}.
     */
    static void writeText(Path target, boolean force, TextContent content) {
        try {
            write(target, force, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                content.writeTo(w);
                w.flush();
                return null;
            });
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    /** Text written to a file by {@link #writeText}. */
    interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Writes what {@code content} writes to {@code target} and returns its result. Exceptions
     * {@code content} throws are passed on unchanged, unless writing the temporary file failed:
     * that is a {@link Cli.UserException} naming the target and the cause. Either way the target
     * is left as it was.
     *
     * @throws Cli.UserException the temporary file cannot be created, written or moved in place
     * @throws IOException       from {@code content}
     */
    static <T> T write(Path target, boolean force, Content<T> content) throws IOException {
        checkTarget(target, force);
        Path abs = target.toAbsolutePath();
        Path tmp;
        try {
            // createFile, not createTempFile: the result gets the permissions of any new file (umask), not 0600
            tmp = Files.createFile(abs.getParent().resolve(".jfr-analyzer-" + UUID.randomUUID() + ".tmp"));
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
        try {
            T result;
            FailureKeepingStream file;
            try {
                file = new FailureKeepingStream(Files.newOutputStream(tmp));
            } catch (IOException e) {
                throw cannotWrite(target, e);
            }
            try (OutputStream out = new BufferedOutputStream(file, 1 << 16)) {
                result = content.writeTo(out);
            } catch (IOException | RuntimeException e) {
                // content may wrap the write error, or fail for its own reasons after it
                if (file.failure() != null) {
                    throw cannotWrite(target, file.failure());
                }
                throw e;
            }
            try {
                if (force) {
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.move(tmp, abs);
                }
            } catch (FileAlreadyExistsException e) {
                throw exists(target, e);
            } catch (IOException e) {
                throw cannotWrite(target, e);
            }
            return result;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Cli.UserException exists(Path target, Exception cause) {
        return new Cli.UserException("'" + target + "' exists; use --force to overwrite it", cause);
    }

    private static Cli.UserException cannotWrite(Path target, IOException e) {
        return new Cli.UserException(Cli.writeFailure(target, e), e);
    }
}
