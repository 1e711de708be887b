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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes a command's output file whole or not at all: into a temporary file in the target's
 * directory, then moved in place, so a failure or a kill never leaves a half-written file or
 * destroys the one that was there. An existing file is replaced only with {@code force}. The new
 * file has the permissions of any file the user creates.
 *
 * <p>Failures of the file operations are {@link Cli.UserException}s with one line naming the
 * file as the user gave it: {@code cannot write 'r.txt': no such directory},
 * {@code 'r.txt' exists; use --force to overwrite it}. Stateless; concurrent writes to one target
 * leave one of them whole.
 */
final class AtomicFileWriter {
    private AtomicFileWriter() {
    }

    /** Writes the bytes of one output file to {@code out}; returns what the command wants back. */
    @FunctionalInterface
    interface Content<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    /**
     * Fails if {@code target} cannot be written: it is a directory, it exists and not
     * {@code force}, or its directory does not exist. Lets a command refuse before long work.
     *
     * @throws Cli.UserException saying which
     */
    static void checkTarget(Path target, boolean force) {
        Path abs = target.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new Cli.UserException("cannot write '" + target + "': it is a directory");
        }
        if (Files.exists(abs) && !force) {
            throw exists(target, null);
        }
        if (abs.getParent() == null || !Files.isDirectory(abs.getParent())) {
            throw new Cli.UserException("cannot write '" + target + "': no such directory");
        }
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
     * {@code content} throws are passed on unchanged, and the target is then left as it was.
     *
     * @throws Cli.UserException the temporary file cannot be created or moved in place
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
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                result = content.writeTo(out);
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
        if (e instanceof NoSuchFileException) {
            return new Cli.UserException("cannot write '" + target + "': no such directory", e);
        }
        if (e instanceof AccessDeniedException) {
            return new Cli.UserException("cannot write '" + target + "': permission denied", e);
        }
        return new Cli.UserException("cannot write '" + target + "': " + e, e);
    }
}
