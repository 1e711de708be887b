package io.puredots.analyzer.cli;

import picocli.CommandLine.Option;

/**
 * Mixin: {@code --verbose}. {@link Cli} reads it from the parse result when a command fails, so
 * the stack trace follows the one-line error only when asked for. Filled by picocli.
 */
final class VerboseOption {
    @Option(names = "--verbose", description = "Print stack traces on errors.")
    boolean verbose;
}
