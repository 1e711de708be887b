package io.puredots.analyzer.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Mixin: {@code -o/--output FILE} and {@code --force}, where a command writes its result; files
 * are written through {@link AtomicFileWriter}. Filled by picocli; not thread-safe.
 */
final class OutputOptions {
    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE instead of stdout (- is stdout); an existing FILE is kept unless --force.")
    Path file;

    @Option(names = "--force", description = "Replace the --output file if it exists; only a regular file is"
            + " replaced, never a directory, a symbolic link or a device.")
    boolean force;

    /** Whether the result goes to stdout: no {@code --output}, or {@code -}. */
    boolean toStdout() {
        return file == null || file.toString().equals("-");
    }

    /** The file to write; only when not {@link #toStdout()}. */
    Path file() {
        return file;
    }

    boolean force() {
        return force;
    }

    /**
     * Fails early, before the work whose result would be written, if the file could not be
     * written ({@link AtomicFileWriter#checkTarget}), or for {@code --force} without a file to
     * replace (a flag that would do nothing is refused, not ignored).
     */
    void checkTarget() {
        if (force && toStdout()) {
            throw new Cli.UserException("--force needs --output FILE: it lets an existing output file be replaced,"
                    + " and the result goes to stdout");
        }
        if (!toStdout()) {
            AtomicFileWriter.checkTarget(file, force);
        }
    }
}
