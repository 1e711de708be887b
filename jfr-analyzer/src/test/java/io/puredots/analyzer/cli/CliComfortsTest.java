package io.puredots.analyzer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The usual comforts of a command line: {@code help COMMAND}, a completion script bash runs,
 * help footers within 80 columns, and options that would do nothing refused rather than ignored.
 */
class CliComfortsTest {
    private static final String SIM = GoldenReportTest.SIM;

    @Test
    void helpCommandPrintsTheCommandsUsage() {
        CliRun help = CliRun.of("help", "report");
        assertEquals(Cli.OK, help.code(), help.err());
        assertEquals(CliRun.of("report", "--help").out(), help.out());
        assertTrue(help.out().startsWith("Usage: jfr-analyzer report "), help.out());
    }

    @Test
    void completionScriptCompletesCommandsAndOptionsInBash(@TempDir Path dir) throws Exception {
        CliRun script = CliRun.of("completion");
        assertEquals(Cli.OK, script.code(), script.err());
        Path file = Files.writeString(dir.resolve("jfr-analyzer.bash"), script.out());
        String commands = bash(file, "jfr-analyzer", "");
        for (String c : new String[] {"report", "compare", "baseline", "trend", "export", "stream", "trace",
            "completion", "help"}) {
            assertTrue((" " + commands + " ").contains(" " + c + " "), c + " in [" + commands + "]");
        }
        assertEquals("report", bash(file, "jfr-analyzer", "rep"));
        assertEquals("--force --format", bash(file, "jfr-analyzer report", "--for"));
    }

    /** What bash's completion function offers for {@code word} after {@code line}. */
    private static String bash(Path script, String line, String word) throws IOException, InterruptedException {
        String words = line + " " + word;
        String[] parts = words.trim().isEmpty() ? new String[0] : words.split(" ", -1);
        String program = "source '" + script + "' 2>/dev/null; COMP_WORDS=(" + quoted(parts) + "); COMP_CWORD="
                + (parts.length - 1) + "; COMP_LINE='" + words + "'; COMP_POINT=${#COMP_LINE};"
                + " _complete_jfr-analyzer 2>/dev/null; echo \"${COMPREPLY[*]}\"";
        Process p = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private static String quoted(String[] parts) {
        StringBuilder b = new StringBuilder();
        for (String s : parts) {
            b.append(" '").append(s).append('\'');
        }
        return b.toString();
    }

    @Test
    void helpFootersFitEightyColumnsWithoutBrokenWords() {
        for (String command : new String[] {"report", "compare", "baseline", "trend", "export", "stream", "trace",
            "completion"}) {
            String help = CliRun.of(command, "--help").out();
            for (String line : help.split("\n")) {
                assertTrue(line.length() <= 80, command + ": " + line.length() + ": " + line);
            }
            assertFalse(help.contains("README.\nmd") || help.contains("README.\n"), command + ":\n" + help);
        }
    }

    @Test
    void forceWithoutAnOutputFileIsRefused() {
        for (String[] args : new String[][] {{"report", "--force", SIM}, {"export", "--force", SIM},
            {"report", "--force", "-o", "-", SIM}}) {
            CliRun r = CliRun.of(args);
            assertEquals(Cli.TROUBLE, r.code(), String.join(" ", args));
            assertEquals("jfr-analyzer " + args[0] + ": --force needs --output FILE: it lets an existing output file be"
                    + " replaced, and the result goes to stdout\n", r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void jmcLimitsWithNoJmcAreRefused() {
        for (String limit : new String[] {"--jmc-max-events=10", "--jmc-max-size=1MB"}) {
            CliRun r = CliRun.of("report", "--no-jmc", limit, SIM);
            String option = limit.substring(0, limit.indexOf('='));
            assertEquals(Cli.TROUBLE, r.code());
            assertEquals("jfr-analyzer report: " + option + " limits the JMC rules, which --no-jmc switches off: give"
                    + " one or the other\n", r.err());
        }
        assertEquals(Cli.VIOLATED, CliRun.of("report", "--jmc", "--jmc-max-events=10", SIM).code(),
                "with the rules on, a limit is taken");
    }
}
