package io.puredots.analyzer.cli;

import io.puredots.budgets.BudgetFormatException;
import io.puredots.budgets.Budgets;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Builds the {@code jfr-analyzer} command line: the one factory used by {@link Main} and by tests
 * (which pass their own writers and call {@code execute} in-process). Also the one place that maps
 * exceptions to exit codes.
 *
 * <p>Exit codes, like diff(1): {@value #OK} fine, {@value #VIOLATED} a budget violated,
 * {@value #TROUBLE} trouble (bad usage, unreadable input, internal error).
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
            return fail(err, "jfr-analyzer", t, java.util.Arrays.asList(args).contains("--verbose"));
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
            err.println(name + ": " + outOfMemory("", Runtime.getRuntime().maxMemory()));
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
     * The one line for running out of heap, e.g. {@code out of memory reading 'x.jfr' (heap
     * -Xmx256m); run with a larger heap, e.g. java -Xmx512m -jar jfr-analyzer.jar ...}.
     *
     * @param doing        what ran out, e.g. {@code "reading 'x.jfr'"}, or empty
     * @param maxHeapBytes the heap limit ({@link Runtime#maxMemory()})
     */
    static String outOfMemory(String doing, long maxHeapBytes) {
        long mb = Math.max(1, maxHeapBytes >> 20);
        return "out of memory" + (doing.isEmpty() ? "" : " " + doing) + " (heap -Xmx" + mb + "m); run with a larger"
                + " heap, e.g. java -Xmx" + Math.max(512, 2 * mb) + "m -jar jfr-analyzer.jar ...";
    }

    /** Trouble the user can fix: printed as one line after the command name, exit code 2. */
    /**
     * The budgets of {@code --budgets FILE}, or the built-in defaults when no file was given.
     *
     * @throws UserException with a one-line message when the file is missing or malformed
     */
    static Budgets budgets(Path budgetsFile) {
        if (budgetsFile == null) {
            return Budgets.defaults();
        }
        try {
            return Budgets.read(budgetsFile);
        } catch (NoSuchFileException e) {
            throw new UserException("cannot read budgets '" + budgetsFile + "': no such file", e);
        } catch (IOException e) {
            throw new UserException("cannot read budgets '" + budgetsFile + "': " + e.getMessage(), e);
        } catch (BudgetFormatException e) {
            throw new UserException("bad budgets file: " + e.getMessage(), e);
        }
    }

    static final class UserException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UserException(String message) {
            super(message);
        }

        UserException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
