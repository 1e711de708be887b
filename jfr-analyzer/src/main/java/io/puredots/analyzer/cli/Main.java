package io.puredots.analyzer.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of the {@code jfr-analyzer} jar: runs the command line and exits with its code.
 * Stdout is written straight to file descriptor 1, not through {@code System.out}, whose
 * {@code PrintStream} hides write errors: a full disk or a closed pipe must fail the command
 * ({@link Cli} checks stdout after every command).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        StdoutWriter out = StdoutWriter.of(new FileOutputStream(FileDescriptor.out));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = Cli.execute(Cli.commandLine(out, err), args, err);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
