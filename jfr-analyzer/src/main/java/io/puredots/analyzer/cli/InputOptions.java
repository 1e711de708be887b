package io.puredots.analyzer.cli;

import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;

/** Mixin: the recordings a command reads as one run ({@code RECORDING...}). Filled by picocli; not thread-safe. */
final class InputOptions {
    @Parameters(paramLabel = "RECORDING", arity = "1..*",
            description = "JFR recording files (or JFR repository directories), read as one run in this order.")
    List<Path> recordings;

    /** The recordings in the order given, at least one. */
    List<Path> recordings() {
        return recordings;
    }
}
