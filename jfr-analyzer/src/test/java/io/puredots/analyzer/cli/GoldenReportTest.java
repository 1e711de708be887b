package io.puredots.analyzer.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report of a committed recording in every format, against committed golden files (UTC is
 * forced by the build). After an intended change, regenerate them with {@code -Dgolden.update=true}
 * (see {@code src/test/resources/fixtures/README.md}) and review the diff.
 */
class GoldenReportTest {
    static final String FIXTURE = "src/test/resources/fixtures/game-two-chunks.jfr";
    static final String SIM = "../recordings/fixtures/sim-small.jfr";
    static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void textReport() throws IOException {
        golden("report.txt", 1, "report", FIXTURE);
    }

    @Test
    void jsonReport() throws IOException {
        golden("report.json", 1, "report", "--format", "json", FIXTURE);
    }

    @Test
    void markdownReport() throws IOException {
        golden("report.md", 1, "report", "--format", "markdown", FIXTURE);
    }

    @Test
    void warmupAndWindowReport() throws IOException {
        golden("report-warmup-window.txt", 0, "report", "--warmup", "10", "--to", "0.4s", FIXTURE);
    }

    @Test
    void simFixtureText() throws IOException {
        golden("sim-small.txt", 1, "report", SIM);
    }

    @Test
    void simFixtureJson() throws IOException {
        golden("sim-small.json", 1, "report", "--format", "json", SIM);
    }

    @Test
    void simFixtureAutoWarmupMarkdown() throws IOException {
        golden("sim-small-warmup-auto.md", 1, "report", "--warmup", "auto", "--format", "markdown", SIM);
    }

    private static void golden(String name, int expectedCode, String... args) throws IOException {
        CliRun r = CliRun.of(args);
        assertEquals("", r.err());
        assertEquals(expectedCode, r.code());
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, r.out(), StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(file), file + " missing: run with -Dgolden.update=true to create it");
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), r.out(), name);
    }
}
