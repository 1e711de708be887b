package io.puredots.analyzer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A command whose stdout cannot be written, a full disk made real by {@code /dev/full} (every
 * write fails with ENOSPC), fails with one line and exit 2, and claims nothing it did not write.
 */
class StdoutFailureTest {
    private static final Path FULL = Path.of("/dev/full");

    /** Runs the command line in-process with stdout on {@code /dev/full}, as a plain PrintWriter. */
    private static CliRun toFullStdout(String... args) throws IOException {
        assumeTrue(Files.exists(FULL), "needs /dev/full");
        StringWriter err = new StringWriter();
        try (OutputStream full = new FileOutputStream(FULL.toFile())) {
            PrintWriter out = new PrintWriter(new OutputStreamWriter(full, StandardCharsets.UTF_8), true);
            int code = Cli.commandLine(out, new PrintWriter(err, true)).execute(args);
            return new CliRun(code, "", err.toString());
        }
    }

    @Test
    void exportToAFullDiskIsTroubleAndClaimsNoPoints() throws Exception {
        CliRun r = toFullStdout("export", ExportCommandTest.SIM);
        assertEquals(Cli.TROUBLE, r.code(), r.err());
        assertEquals("jfr-analyzer export: cannot write to stdout\n", r.err());
    }

    @Test
    void reportToAFullDiskIsTrouble() throws Exception {
        CliRun r = toFullStdout("report", "--no-jmc", GoldenReportTest.FIXTURE);
        assertEquals(Cli.TROUBLE, r.code(), r.err());
        assertEquals("jfr-analyzer report: cannot write to stdout\n", r.err());
    }

    @Test
    void baselineToAFullDiskIsTrouble() throws Exception {
        CliRun r = toFullStdout("baseline", "--batch-frames", "20", GoldenReportTest.FIXTURE);
        assertEquals(Cli.TROUBLE, r.code(), r.err());
        assertEquals("jfr-analyzer baseline: cannot write to stdout\n", r.err());
    }

    @Test
    void theJarNamesTheFullDisk(@TempDir Path dir) throws Exception {
        assumeTrue(Files.exists(FULL), "needs /dev/full");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path stderr = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "export", ExportCommandTest.SIM))
                .redirectOutput(FULL.toFile()).redirectError(stderr.toFile()).start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String err = Files.readString(stderr);
        assertTrue(ended, "export still running after 120 s: " + err);
        assertEquals(Cli.TROUBLE, p.exitValue(), err);
        assertEquals("jfr-analyzer export: no space left on device writing to stdout\n", err);
    }
}
