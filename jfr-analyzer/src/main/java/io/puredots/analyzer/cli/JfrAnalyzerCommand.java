package io.puredots.analyzer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * The root command: without a subcommand it prints its usage to stderr and exits with 2 (bad usage).
 * Not thread-safe: picocli makes one instance per command line.
 */
@Command(name = "jfr-analyzer", mixinStandardHelpOptions = true, version = "jfr-analyzer 0.1.0",
        description = "Frame-budget statistics, budget checks and exports from JDK Flight Recorder recordings.",
        subcommands = {ReportCommand.class, CompareCommand.class, BaselineCommand.class, TrendCommand.class,
            ExportCommand.class, StreamCommand.class, TraceCommand.class, CompletionCommand.class,
            HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  fine", "  1  a budget is violated (report), a regression found (compare), a change point with --fail-on-change (trend)", "  2  trouble: bad usage, unreadable input, internal error",
            "", "Examples:", "  jfr-analyzer report recordings/latest.jfr",
            "  jfr-analyzer compare baseline.json current.jfr",
            "  jfr-analyzer help report",
            "  source <(jfr-analyzer completion)     # tab completion in bash and zsh"})
final class JfrAnalyzerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Cli.TROUBLE;
    }
}
