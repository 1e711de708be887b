package io.puredots.analyzer.read.source;

import io.puredots.analyzer.cli.Cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code jfr-analyzer report <input>} in-process (the same {@code CommandLine} factory as
 * {@code main}) and classifies how it ended, for the broken-input corpus tests.
 */
final class CorpusDriver {
    private CorpusDriver() {
    }

    /** How an input ended. */
    enum Kind { COMPLETE, PARTIAL, ERROR }

    /**
     * The outcome: kind, exit code, the one-line error (ERROR) or the warnings (stderr lines),
     * and the whole stderr.
     */
    record Outcome(Kind kind, int exitCode, String error, List<String> warnings, String stderr) {
    }

    static Outcome analyze(Path input, String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("report"));
        args.addAll(List.of(options));
        args.add(input.toString());
        int code = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
        return classify(code, err.toString());
    }

    static Outcome classify(int code, String stderr) {
        List<String> lines = stderr.lines().toList();
        if (code == 2) {
            return new Outcome(Kind.ERROR, code, lines.isEmpty() ? "" : lines.get(0), List.of(), stderr);
        }
        List<String> warnings = new ArrayList<>();
        for (String l : lines) {
            warnings.add(l.replaceFirst("^jfr-analyzer report: warning: ", ""));
        }
        return new Outcome(warnings.isEmpty() ? Kind.COMPLETE : Kind.PARTIAL, code, null, warnings, stderr);
    }
}
