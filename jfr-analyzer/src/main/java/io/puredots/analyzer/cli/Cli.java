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
import java.nio.file.FileSystemException;
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
 * {@value #TROUBLE} trouble (bad usage, unreadable input, output that could not be written in
 * full, internal error; for a command that judges budgets also a window outside the recording,
 * and nothing to judge).
 *
 * <p>Output that could not be written is one line naming the cause the user can act on
 * ({@link #writeFailure}): {@code no space left on device writing 'x'}, {@code 'x' is on a
 * read-only file system}, {@code permission denied writing 'x'}. Stdout is checked after every
 * command: picocli's {@link PrintWriter} swallows write errors, so a command whose stdout failed
 * (a full disk, a closed pipe) would otherwise exit 0 with its result cut short.
 *
 * <p>Each call returns a new, independent {@code CommandLine}; not thread-safe itself.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int VIOLATED = 1;
    public static final int TROUBLE = 2;

    // the system's reasons (strerror) for the write errors worded by writeFailure
    private static final String NO_SPACE = "No space left on device";
    private static final String READ_ONLY = "Read-only file system";
    private static final String QUOTA = "Disk quota exceeded";
    private static final String PERMISSION_DENIED = "Permission denied";

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
        cl.setExecutionStrategy(parseResult -> {
            int code = new CommandLine.RunLast().execute(parseResult);
            List<CommandLine> parsed = parseResult.asCommandLineList();
            CommandLine c = parsed.get(parsed.size() - 1);
            if (code != TROUBLE && c.getOut().checkError()) {
                // the command has not reported it: its result on stdout is cut short
                c.getErr().println(c.getCommandSpec().qualifiedName(" ") + ": " + stdoutFailure(c.getOut()));
                c.getErr().flush();
                return TROUBLE;
            }
            return code;
        });
        return cl;
    }

    /**
     * Fails if writing to {@code out}, the command line's stdout, has failed so far (this flushes
     * it): a {@link UserException} with the line of {@link #stdoutFailure}.
     */
    static void checkStdout(PrintWriter out) {
        if (out.checkError()) {
            throw new UserException(stdoutFailure(out));
        }
    }

    /**
     * Why writing to stdout failed, one line: the cause when {@code out} is a {@link StdoutWriter}
     * that kept it (as {@link Main}'s is), else {@code cannot write to stdout}.
     */
    static String stdoutFailure(PrintWriter out) {
        IOException cause = out instanceof StdoutWriter s ? s.failure() : null;
        return cause == null ? "cannot write to stdout" : writeFailure(null, cause);
    }

    /**
     * The one line for a failed write of {@code file} ({@code null}: stdout), by the cause the user
     * can act on: {@code no space left on device writing 'x'}, {@code 'x' is on a read-only file
     * system}, {@code permission denied writing 'x'}, {@code disk quota exceeded writing 'x'},
     * {@code cannot write 'x': no such directory}; else {@code cannot write 'x': } and the
     * system's reason. Recognizes the JDK's exception types and the reasons it copies from the
     * system ({@code strerror}), which is all a JDK exception says about the error number.
     */
    static String writeFailure(Path file, IOException e) {
        return file == null ? worded("stdout", "to stdout", e) : worded("'" + file + "'", e);
    }

    private static String worded(String shown, IOException e) {
        return worded(shown, shown, e);
    }

    /**
     * {@link #writeFailure(Path, IOException)} of {@code shown} ({@code 'x'}, {@code stdout}),
     * which is {@code to} after "writing" and "cannot write" ({@code 'x'}, {@code to stdout}).
     */
    private static String worded(String shown, String to, IOException e) {
        String reason = reason(e);
        String writing = "writing " + to;
        if (e instanceof NoSuchFileException) {
            return "cannot write " + to + ": no such directory";
        }
        if (e instanceof AccessDeniedException || PERMISSION_DENIED.equals(reason)) {
            return "permission denied " + writing;
        }
        if (NO_SPACE.equals(reason)) {
            return "no space left on device " + writing;
        }
        if (READ_ONLY.equals(reason)) {
            return shown + " is on a read-only file system";
        }
        if (QUOTA.equals(reason)) {
            return "disk quota exceeded " + writing;
        }
        return "cannot write " + to + ": " + reason;
    }

    /**
     * The line for {@code e} if it can only come from writing (a full disk or quota, a read-only
     * file system), worded as {@link #writeFailure} does, for {@link #fail} when no command caught
     * it; else null.
     */
    private static String writeOnlyFailure(IOException e) {
        String reason = reason(e);
        if (!NO_SPACE.equals(reason) && !READ_ONLY.equals(reason) && !QUOTA.equals(reason)) {
            return null;
        }
        String file = e instanceof FileSystemException f ? f.getFile() : null;
        return worded(file == null ? "the output" : "'" + file + "'", e);
    }

    /** What the system said, without the file name a {@link FileSystemException}'s message starts with. */
    private static String reason(IOException e) {
        String r = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        return r == null ? e.getClass().getSimpleName() : r;
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
     * {@link OutOfMemoryError}, a full disk or a read-only file system as {@link #writeFailure}
     * words it (whatever failed to catch it on the way), else "internal error". The stack trace
     * follows only when {@code verbose}.
     */
    static int fail(PrintWriter err, String name, Throwable ex, boolean verbose) {
        if (ex instanceof UserException) {
            err.println(name + ": " + ex.getMessage());
        } else if (ex instanceof IOException io && writeOnlyFailure(io) != null) {
            err.println(name + ": " + writeOnlyFailure(io));
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

    /** A call that reads recordings, whose failures {@link #reading} words. */
    interface ReadCall<T> {
        T call() throws IOException;
    }

    private static <T> T read(ReportRequest request, ReadCall<T> call) {
        return reading(request.inputs(), call);
    }

    /**
     * Runs {@code call}, which reads {@code inputs}; its failures become the one-line
     * {@link UserException}s of the report pipeline ({@code cannot read 'x.jfr': ...}, out of
     * memory naming the inputs, a window that cannot hold a frame), so that every command that
     * reads recordings words them alike.
     */
    static <T> T reading(List<Path> inputs, ReadCall<T> call) {
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
            String write = writeOnlyFailure(e);
            throw new UserException(write != null ? write : "cannot read " + names(inputs) + ": " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            long maxHeap = Runtime.getRuntime().maxMemory();
            throw new UserException(ReportPipeline.outOfMemory("reading " + names(inputs), maxHeap), e);
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
