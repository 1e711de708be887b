package io.puredots.analyzer.cli;

import io.puredots.analyzer.pipeline.ReportPipeline;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mapping of failures (errors included) to one line and exit code 2. */
class CliFailureTest {

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @CommandLine.Option(names = "--verbose")
        boolean verbose;

        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void outOfMemoryIsOneLineAndTrouble() {
        StringWriter err = new StringWriter();
        int code = Cli.fail(new PrintWriter(err), "jfr-analyzer report", new OutOfMemoryError("Java heap space"),
                false);
        assertEquals(Cli.TROUBLE, code);
        String text = err.toString();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("jfr-analyzer report: out of memory (heap -Xmx"), text);
        assertFalse(text.contains("\tat "), text);
    }

    @Test
    void verboseAddsTheStackTrace() {
        StringWriter err = new StringWriter();
        int code = Cli.fail(new PrintWriter(err), "jfr-analyzer report", new OutOfMemoryError("Java heap space"),
                true);
        assertEquals(Cli.TROUBLE, code);
        assertTrue(err.toString().contains("java.lang.OutOfMemoryError: Java heap space"), err.toString());
        assertTrue(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void outOfMemoryNamesTheFilesAndTheHeapLimit() {
        assertEquals("out of memory reading 'x.jfr' (heap -Xmx256m); run with a larger heap, e.g. java -Xmx512m"
                + " -jar jfr-analyzer.jar ...", ReportPipeline.outOfMemory("reading 'x.jfr'", 256L << 20));
        assertTrue(ReportPipeline.outOfMemory("", 4096L << 20).contains("(heap -Xmx4096m); run with a larger heap, e.g. java"
                + " -Xmx8192m"));
    }

    @Test
    void anErrorFromACommandIsOneLineAndTrouble() {
        StringWriter err = new StringWriter();
        PrintWriter w = new PrintWriter(err);
        CommandLine cl = new CommandLine(new Boom());
        cl.setErr(w);
        int code = Cli.execute(cl, new String[0], w);
        assertEquals(Cli.TROUBLE, code);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("out of memory"), err.toString());
    }

    @Test
    void runtimeExceptionsInCommandsAreOneLine() {
        StringWriter err = new StringWriter();
        int code = Cli.fail(new PrintWriter(err), "jfr-analyzer report", new IllegalStateException("x"), false);
        assertEquals(Cli.TROUBLE, code);
        assertEquals("jfr-analyzer report: internal error: java.lang.IllegalStateException: x (run with --verbose"
                + " for the stack trace)", err.toString().strip());
    }

    @Test
    void writeFailuresNameTheCauseTheUserCanActOn() {
        // the exceptions the JDK throws for these errors: strerror's text, in a FileSystemException when a
        // file operation failed, in a plain IOException when a stream's write did
        Path x = Path.of("out.jsonl");
        assertEquals("no space left on device writing 'out.jsonl'",
                Cli.writeFailure(x, new IOException("No space left on device")));
        assertEquals("no space left on device writing 'out.jsonl'",
                Cli.writeFailure(x, new FileSystemException("/abs/.jfr-analyzer-1.tmp", null, "No space left on device")));
        assertEquals("'out.jsonl' is on a read-only file system",
                Cli.writeFailure(x, new FileSystemException("/abs/.jfr-analyzer-1.tmp", null, "Read-only file system")));
        assertEquals("permission denied writing 'out.jsonl'", Cli.writeFailure(x, new AccessDeniedException("/abs/x")));
        assertEquals("disk quota exceeded writing 'out.jsonl'", Cli.writeFailure(x, new IOException("Disk quota exceeded")));
        assertEquals("cannot write 'out.jsonl': no such directory", Cli.writeFailure(x, new NoSuchFileException("/abs/x")));
        assertEquals("cannot write 'out.jsonl': Input/output error", Cli.writeFailure(x, new IOException("Input/output error")));
        assertEquals("no space left on device writing to stdout",
                Cli.writeFailure(null, new IOException("No space left on device")));
        assertEquals("cannot write to stdout: Broken pipe", Cli.writeFailure(null, new IOException("Broken pipe")));
    }

    @Test
    void aFullDiskNoCommandCaughtIsOneLineNotAnInternalError() {
        StringWriter err = new StringWriter();
        int code = Cli.fail(new PrintWriter(err), "jfr-analyzer export",
                new FileSystemException("/tmp/jfr-analyzer-intact-1.jfr", null, "No space left on device"), false);
        assertEquals(Cli.TROUBLE, code);
        assertEquals("jfr-analyzer export: no space left on device writing '/tmp/jfr-analyzer-intact-1.jfr'\n",
                err.toString());
    }
}
