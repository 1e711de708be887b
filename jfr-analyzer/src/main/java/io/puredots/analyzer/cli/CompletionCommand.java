package io.puredots.analyzer.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code jfr-analyzer completion}: prints the bash completion script of every command and option
 * (picocli's {@link AutoComplete}, generated from the same command model as {@code --help}, so
 * it never lags behind an option). Not thread-safe: picocli makes one instance per command line.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a completion script for bash and zsh: commands, options and their values.",
        footerHeading = "%n",
        footer = {
            "Use it in this shell:",
            "  source <(jfr-analyzer completion)",
            "or for every new shell (bash):",
            "  jfr-analyzer completion > ~/.local/share/bash-completion/completions/jfr-analyzer",
            "zsh runs the same script after 'autoload -U +X bashcompinit && bashcompinit'.",
            "'jfr-analyzer' must be a command on the PATH, e.g. a script running java -jar jfr-analyzer.jar \"$@\".",
            "",
            "Exit codes: 0 written; 2 trouble (stdout not written in full)."})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandSpec root = spec.root();
        spec.commandLine().getOut().print(AutoComplete.bash(root.name(), root.commandLine()));
        return Cli.OK;
    }
}
