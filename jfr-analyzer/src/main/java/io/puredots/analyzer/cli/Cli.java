package io.puredots.analyzer.cli;

import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.pipeline.EmptyWindowException;
import io.puredots.analyzer.pipeline.ReportPipeline;
import io.puredots.analyzer.pipeline.ReportRequest;
import io.puredots.analyzer.read.RecordingFormatException;
import io.puredots.analyzer.read.source.SourceException;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the {@code jfr-analyzer} command line: the one factory used by {@link Main} and by tests
 * (which pass their own writers and call {@code execute} in-process). Also the one place that maps
 * exceptions to exit codes.
 *
 * <p>Exit codes, like diff(1): {@value #OK} fine, {@value #VIOLATED} a budget violated,
 * {@value #TROUBLE} trouble (bad usage, unreadable input, internal error; for a command that
 * judges budgets also a window outside the recording, and nothing to judge).
 *
 * <p>Each call returns a new, independent {@code CommandLine}; not thread-safe itself.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int VIOLATED = 1;
    public static final int TROUBLE = 2;

    private Cli() {
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new JfrAnalyzerCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(t -> TROUBLE);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            if (ex.getCause() instanceof BadValueException && ex.getArgSpec() instanceof OptionSpec) {
                // a converter's verdict on one value: one line, like the errors found after parsing
                c.getErr().println(c.getCommandSpec().qualifiedName(" ") + ": "
                        + ((OptionSpec) ex.getArgSpec()).longestName() + " " + ex.getCause().getMessage());
                c.getErr().flush();
                return TROUBLE;
            }
            c.getErr().println(c.getCommandSpec().qualifiedName(" ") + ": " + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName(" ") + " --help' for more information.");
            c.getErr().flush();
            return TROUBLE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            boolean verbose = c.getParseResult() != null && c.getCommandSpec().findOption("--verbose") != null
                    && c.getParseResult().hasMatchedOption("--verbose");
            return fail(c.getErr(), c.getCommandSpec().qualifiedName(" "), ex, verbose);
        });
        return cl;
    }

    /**
     * Runs {@code args} on {@code cl} and returns the exit code; also catches what picocli lets
     * through (an {@link Error} such as {@link OutOfMemoryError}), printed as one line, exit
     * {@value #TROUBLE}; the stack trace only with {@code --verbose} among {@code args}.
     */
    public static int execute(CommandLine cl, String[] args, PrintWriter err) {
        try {
            return cl.execute(args);
        } catch (Throwable t) {
            return fail(err, "jfr-analyzer", t, Arrays.asList(args).contains("--verbose"));
        }
    }

    /**
     * Maps a failure to exit code {@value #TROUBLE} and prints it as one line after {@code name}:
     * a {@link UserException}'s message, "out of memory" with the heap limit for an
     * {@link OutOfMemoryError}, else "internal error". The stack trace follows only when
     * {@code verbose}.
     */
    static int fail(PrintWriter err, String name, Throwable ex, boolean verbose) {
        if (ex instanceof UserException) {
            err.println(name + ": " + ex.getMessage());
        } else if (ex instanceof OutOfMemoryError) {
            err.println(name + ": " + ReportPipeline.outOfMemory("", Runtime.getRuntime().maxMemory()));
        } else {
            err.println(name + ": internal error: " + ex
                    + (verbose ? "" : " (run with --verbose for the stack trace)"));
        }
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return TROUBLE;
    }

    /**
     * Runs the report pipeline; its failures become one-line {@link UserException}s ({@code cannot
     * read 'x.jfr': ...}, out of memory naming the inputs, or a window that cannot hold a frame
     * naming the recording's span), for every command that reads recordings.
     */
    static Report report(ReportRequest request) {
        return read(request, () -> ReportPipeline.run(request));
    }

    /** As {@link #report}, with the batch statistics a comparison needs ({@link ReportPipeline#runSampled}). */
    static ReportPipeline.SampledRun sampled(ReportRequest request, int batchFrames) {
        return read(request, () -> ReportPipeline.runSampled(request, batchFrames));
    }

    /** A pipeline call whose failures {@link #read} words. */
    private interface PipelineCall<T> {
        T call() throws IOException;
    }

    private static <T> T read(ReportRequest request, PipelineCall<T> call) {
        try {
            return call.call();
        } catch (EmptyWindowException e) {
            throw new UserException(GateMessages.emptyWindow(e), e);
        } catch (SourceException | RecordingFormatException e) {
            throw new UserException("cannot read " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new UserException("cannot read '" + e.getFile() + "': no such file", e);
        } catch (AccessDeniedException e) {
            throw new UserException("cannot read '" + e.getFile() + "': permission denied", e);
        } catch (IOException e) {
            throw new UserException("cannot read " + names(request.inputs()) + ": " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            long maxHeap = Runtime.getRuntime().maxMemory();
            throw new UserException(ReportPipeline.outOfMemory("reading " + names(request.inputs()), maxHeap), e);
        }
    }

    private static String names(List<Path> inputs) {
        StringBuilder b = new StringBuilder();
        for (Path p : inputs) {
            b.append(b.length() == 0 ? "" : ", ").append('\'').append(p).append('\'');
        }
        return b.toString();
    }

    /** Trouble the user can fix: printed as one line after the command name, exit code 2. */
    static final class UserException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UserException(String message) {
            super(message);
        }

        UserException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A converter's one-line verdict on an option value, without the option's name (e.g.
     * {@code needs a size such as '8GB' or '512MB', got 'big'}): the parameter exception handler
     * prints it after the command and option names.
     */
    static final class BadValueException extends CommandLine.TypeConversionException {
        private static final long serialVersionUID = 1L;

        BadValueException(String message) {
            super(message);
        }
    }
}
