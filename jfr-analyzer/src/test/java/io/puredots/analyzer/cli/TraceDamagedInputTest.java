package io.puredots.analyzer.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code trace} reads damaged and compressed input by report's rules: the intact chunks are traced
 * with report's warnings, no intact chunk is one line and exit 2, gzip is read as the recording
 * it holds.
 */
class TraceDamagedInputTest {
    private static final Path FIXTURE = Path.of(GoldenReportTest.FIXTURE);
    private static final String WARNING = "jfr-analyzer trace: warning: ";

    @TempDir
    Path dir;

    /** The size of the first chunk of {@code file}, from its header (bytes 8-15, big-endian). */
    private static long firstChunkSize(Path file) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(file)).getLong(8);
    }

    private Path cut(long bytes, String name) throws IOException {
        return Files.write(dir.resolve(name), Arrays.copyOf(Files.readAllBytes(FIXTURE), (int) bytes));
    }

    /** The trace events of a file written by a run, without the metadata naming the recording. */
    private static String events(Path json) throws IOException {
        String s = Files.readString(json);
        return s.substring(s.indexOf("\"traceEvents\""));
    }

    @Test
    void theIntactChunksAreTracedAndTheRestWarnedAsInReport() throws Exception {
        long first = firstChunkSize(FIXTURE);
        long whole = Files.size(FIXTURE);
        Path cut = cut(first + (whole - first) / 2, "cut-in-chunk-1.jfr");
        Path alone = cut(first, "chunk-0.jfr");
        Path fromCut = dir.resolve("cut.json");
        Path fromAlone = dir.resolve("alone.json");
        CliRun r = CliRun.of("trace", "-o", fromCut.toString(), cut.toString());
        assertEquals(Cli.OK, r.code(), r.err());
        assertEquals(Cli.OK, CliRun.of("trace", "-o", fromAlone.toString(), alone.toString()).code());
        assertEquals(events(fromAlone), events(fromCut));

        List<String> reported = CliRun.of("report", "--no-jmc", cut.toString()).err().lines()
                .filter(l -> l.startsWith("jfr-analyzer report: warning: "))
                .map(l -> l.replace("jfr-analyzer report: warning: ", WARNING)
                        .replace("partial report over ", "partial trace over "))
                .toList();
        assertFalse(reported.isEmpty());
        assertEquals(reported, r.err().lines().toList());
        assertTrue(r.err().contains(WARNING + "partial trace over 1 chunk ("), r.err());
    }

    @Test
    void noIntactChunkIsOneLine() throws Exception {
        Path cut = cut(firstChunkSize(FIXTURE) / 2, "truncated.jfr");
        Path out = dir.resolve("t.json");
        CliRun r = CliRun.of("trace", "-o", out.toString(), cut.toString());
        assertEquals(Cli.TROUBLE, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("jfr-analyzer trace: cannot read '" + cut + "': truncated chunk"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aGzipRecordingIsTracedAsTheRecordingItHolds() throws Exception {
        Path gz = dir.resolve("game.jfr.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(FIXTURE, out);
        }
        Path plain = dir.resolve("plain.json");
        Path compressed = dir.resolve("gz.json");
        assertEquals(Cli.OK, CliRun.of("trace", "-o", plain.toString(), FIXTURE.toString()).code());
        CliRun r = CliRun.of("trace", "-o", compressed.toString(), gz.toString());
        assertEquals(Cli.OK, r.code(), r.err());
        assertEquals("", r.err());
        assertEquals(events(plain), events(compressed));
    }
}
