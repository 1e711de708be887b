package io.puredots.analyzer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code export} reads damaged and unusual input by report's rules, from report's reader: the
 * intact chunks are exported, what was skipped is warned as report warns it, no intact chunk is
 * one line and exit 2; gzip and JFR repositories are read as report reads them.
 */
class ExportDamagedInputTest {
    private static final Path FIXTURE = Path.of(GoldenReportTest.FIXTURE);
    private static final Path KILLED_GAME = Path.of("src/test/resources/fixtures/unfinished/killed-game-repository");
    private static final String WARNING = ": warning: ";

    @TempDir
    Path dir;

    /** The sizes of the chunks of {@code file}, from their headers (bytes 8-15 of each, big-endian). */
    private static List<Long> chunkSizes(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        List<Long> sizes = new ArrayList<>();
        for (int at = 0; at < b.limit(); at += (int) b.getLong(at + 8)) {
            sizes.add(b.getLong(at + 8));
        }
        return sizes;
    }

    /** The first {@code bytes} of {@code file}, as a new file {@code name}. */
    private Path cut(Path file, long bytes, String name) throws IOException {
        return Files.write(dir.resolve(name), Arrays.copyOf(Files.readAllBytes(file), (int) bytes));
    }

    /** The warnings of a run, without the command's prefix, in the order printed. */
    private static List<String> warnings(CliRun r, String command) {
        String prefix = "jfr-analyzer " + command + WARNING;
        return r.err().lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }

    @Test
    void aTruncatedOnlyChunkIsTroubleAsInReport() throws Exception {
        Path cut = cut(FIXTURE, chunkSizes(FIXTURE).get(0) / 2, "truncated.jfr");
        CliRun export = CliRun.of("export", cut.toString());
        CliRun report = CliRun.of("report", "--no-jmc", cut.toString());
        assertEquals(Cli.TROUBLE, export.code(), export.err());
        assertEquals(1, export.err().lines().count(), export.err());
        assertTrue(export.err().startsWith("jfr-analyzer export: cannot read '" + cut + "': truncated chunk"),
                export.err());
        assertEquals(report.err().replace("jfr-analyzer report: ", "jfr-analyzer export: "), export.err());
        assertEquals("", export.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"raw", "1s"})
    void theIntactChunksAreExportedAsIfAloneAndTheRestWarnedAsInReport(String resolution) throws Exception {
        List<Long> sizes = chunkSizes(FIXTURE);
        assertEquals(2, sizes.size());
        Path cut = cut(FIXTURE, sizes.get(0) + sizes.get(1) / 2, "cut-in-chunk-1.jfr");
        Path alone = cut(FIXTURE, sizes.get(0), "chunk-0.jfr");
        CliRun export = CliRun.of("export", "--resolution", resolution, cut.toString());
        CliRun intact = CliRun.of("export", "--resolution", resolution, alone.toString());
        assertEquals(Cli.OK, export.code(), export.err());
        assertEquals(Cli.OK, intact.code(), intact.err());
        assertFalse(intact.out().isEmpty());
        assertEquals(intact.out(), export.out());
        assertEquals(List.of(), warnings(intact, "export"));

        List<String> reported = warnings(CliRun.of("report", "--no-jmc", cut.toString()), "report").stream()
                .map(w -> w.replace("partial report over ", "partial export over ")).toList();
        List<String> warned = warnings(export, "export");
        assertEquals(reported, warned);
        assertTrue(warned.stream().anyMatch(w -> w.startsWith("partial export over 1 chunk (")
                && w.endsWith("that is damaged or incomplete")), warned.toString());
        List<String> lines = export.err().lines().toList();
        assertEquals(intact.err().strip(), lines.get(lines.size() - 1), "the same summary as the intact chunk's");
    }

    @Test
    void aGzipRecordingIsExportedAsTheRecordingItHolds() throws Exception {
        Path gz = dir.resolve("game.jfr.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(FIXTURE, out);
        }
        CliRun plain = CliRun.of("export", FIXTURE.toString());
        CliRun compressed = CliRun.of("export", gz.toString());
        assertEquals(Cli.OK, compressed.code(), compressed.err());
        assertEquals(plain.out(), compressed.out());
        assertEquals(plain.err(), compressed.err());
    }

    @Test
    void aRepositoryIsExportedUpToItsLastFlushWithReportsWarnings() throws Exception {
        CliRun export = CliRun.of("export", KILLED_GAME.toString());
        assertEquals(Cli.OK, export.code(), export.err());
        assertFalse(export.out().isEmpty());
        List<String> reported = warnings(CliRun.of("report", "--no-jmc", "--allow-no-data", KILLED_GAME.toString()),
                "report").stream().map(w -> w.replace("partial report over ", "partial export over ")).toList();
        assertFalse(reported.isEmpty());
        assertEquals(reported, warnings(export, "export"));
    }
}
