package io.puredots.analyzer.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

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
            String name = c.getCommandSpec().qualifiedName(" ");
            boolean verbose = c.getParseResult() != null && c.getCommandSpec().findOption("--verbose") != null
                    && c.getParseResult().hasMatchedOption("--verbose");
            if (ex instanceof UserException) {
                c.getErr().println(name + ": " + ex.getMessage());
            } else {
                c.getErr().println(name + ": internal error: " + ex
                        + (verbose ? "" : " (run with --verbose for the stack trace)"));
            }
            if (verbose) {
                ex.printStackTrace(c.getErr());
            }
            c.getErr().flush();
            return TROUBLE;
        });
        return cl;
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
}
