package io.puredots.analyzer.cli;

import io.puredots.analyzer.read.ReadProgress;
import io.puredots.analyzer.text.Units;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Mixin: {@code --progress}. Progress goes to stderr when it is a terminal, or when asked for;
 * never otherwise, so that CI logs and redirected output stay as they were. Filled by picocli;
 * not thread-safe.
 */
final class ProgressOption {
    @Option(names = "--progress",
            description = "Show reading progress on stderr (percent, bytes, time left) even when stderr is not a"
                    + " terminal. On a terminal it is shown anyway.")
    boolean progress;

    /**
     * What tells the reading of {@code input} to the user, or {@link ReadProgress#NONE}.
     *
     * @param command e.g. {@code report}
     */
    ReadProgress reading(PrintWriter err, String command, Path input) {
        return reading(err, command, List.of(input));
    }

    /** As above, for the inputs of one run: named when one, counted when several. */
    ReadProgress reading(PrintWriter err, String command, List<Path> inputs) {
        boolean terminal = stderrIsTerminal();
        if (!progress && !terminal) {
            return ReadProgress.NONE;
        }
        String what = inputs.size() == 1 ? "'" + inputs.get(0).getFileName() + "'" : inputs.size() + " recordings";
        return new ProgressLine(err, "jfr-analyzer " + command + ": reading " + what, terminal, System::nanoTime);
    }

    /**
     * What tells an export's progress through {@code input}'s recording time, or {@link ReadProgress#NONE}.
     */
    ReadProgress exporting(PrintWriter err, Path input) {
        boolean terminal = stderrIsTerminal();
        if (!progress && !terminal) {
            return ReadProgress.NONE;
        }
        return new ProgressLine(err, "jfr-analyzer export: exporting '" + input.getFileName() + "', recording time",
                terminal, System::nanoTime, Units::duration);
    }

    /**
     * Whether file descriptor 2 is a terminal (Linux: {@code /proc/self/fd/2} names a tty); {@code
     * false} where that cannot be told, so that progress appears only when asked for.
     */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return false;
        }
    }
}
