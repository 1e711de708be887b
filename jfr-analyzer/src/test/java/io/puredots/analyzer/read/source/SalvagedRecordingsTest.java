package io.puredots.analyzer.read.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puredots.analyzer.cli.Cli;
import io.puredots.analyzer.read.EventHandler;
import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.read.ReadResult;
import io.puredots.analyzer.read.RecordingReader;
import io.puredots.analyzer.read.UnfinishedChunk;
import io.puredots.events.EventNames;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recordings of games that stopped while JFR was writing (killed, out of memory, or a chunk file
 * copied while the game ran) are read up to the last flush, and what is read agrees with an
 * independent reader of the flushed part: the JDK's {@code jfr summary} and {@code RecordingFile}
 * on the same bytes cut at the header's chunk size and marked finished, which this test makes
 * itself. The fixtures are described in {@code fixtures/unfinished/README.md}.
 */
class SalvagedRecordingsTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/unfinished");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"copied-after-flush.jfr", "copied-mid-write.jfr", "killed-game-repository",
            "oom-game-repository"})
    void countsMatchTheJdkOnTheFlushedPart(String fixture) throws Exception {
        Path chunk = chunkFile(FIXTURES.resolve(fixture));
        ReadResult<EventHandler> read = RecordingReader.read(List.of(chunk), () -> new EventHandler() { }, ReadOptions.defaults());
        Path cut = finishedCut(chunk);
        assertEquals(jfrSummary(cut), read.eventCounts());
        assertEquals(1, read.unfinishedChunks().size());
        UnfinishedChunk u = read.unfinishedChunks().get(0);
        assertEquals(Files.size(cut), u.readableBytes());
        assertEquals(Files.size(chunk) - Files.size(cut), u.unreadableBytes());
        assertEquals(List.of(u.warning()), read.warnings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"copied-after-flush.jfr", "copied-mid-write.jfr", "killed-game-repository",
            "oom-game-repository"})
    void reportCountsTheFramesTheJdkReadsAndWarns(String fixture) throws Exception {
        Path input = FIXTURES.resolve(fixture);
        Run r = report(input, "--allow-no-data");
        assertTrue(r.code == 0 || r.code == 1, r.err);
        assertEquals(frames(finishedCut(chunkFile(input))), r.json.at("/frames/count").asLong());
        assertTrue(r.err.lines().findFirst().orElse("").startsWith("jfr-analyzer report: warning: chunk 0 of '"), r.err);
        assertTrue(r.err.contains("was still being written (the JVM stopped or the file was copied while recording):"
                + " read up to its last flush, "), r.err);
        assertTrue(r.json.at("/warnings/0").asText().contains("read up to its last flush"), r.json.toString());
    }

    @Test
    void theBytesAfterTheFlushAreMeasured() throws Exception {
        // copied while the JVM wrote buffers past its last flush: those events' times are walked
        ReadResult<EventHandler> read = RecordingReader.read(List.of(FIXTURES.resolve("copied-mid-write.jfr")),
                () -> new EventHandler() { }, ReadOptions.defaults());
        UnfinishedChunk u = read.unfinishedChunks().get(0);
        assertTrue(u.unreadableBytes() > 0, u.toString());
        assertTrue(u.unreadableNanos() > 0 && u.unreadableNanos() < TimeUnit.SECONDS.toNanos(5), u.toString());
        assertTrue(u.warning().contains(" after it unreadable, events up to "), u.warning());
        // copied just after a flush: nothing after it
        UnfinishedChunk clean = RecordingReader.read(List.of(FIXTURES.resolve("copied-after-flush.jfr")),
                () -> new EventHandler() { }, ReadOptions.defaults()).unfinishedChunks().get(0);
        assertEquals(0, clean.unreadableBytes());
        assertTrue(clean.warning().endsWith("nothing written after that flush reached the file"), clean.warning());
    }

    @ParameterizedTest
    @ValueSource(strings = {"copied-mid-write.jfr", "killed-game-repository"})
    void bothDecodersGiveTheSameReport(String fixture) throws Exception {
        Path input = FIXTURES.resolve(fixture);
        Run fast = report(input, "--format", "json", "--no-jmc", "--decoder", "fast");
        Run reference = report(input, "--format", "json", "--no-jmc", "--decoder", "reference");
        assertEquals(fast.json, reference.json);
    }

    @Test
    void exportReadsTheFlushedPartInsteadOfWaitingForMore() throws Exception {
        Path input = FIXTURES.resolve("copied-mid-write.jfr");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // the JDK's EventStream waits for an unfinished chunk to grow: a watchdog, not a timing
        int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.commandLine(new PrintWriter(out, true),
                new PrintWriter(err, true)).execute("export", "--format", "jsonl", input.toString()));
        assertEquals(0, code, err.toString());
        List<String> lines = err.toString().lines().toList();
        // report's warnings: the chunk read up to its flush, and how much of the file that leaves out
        assertEquals(3, lines.size(), err.toString());
        assertTrue(lines.get(0).startsWith("jfr-analyzer export: warning: chunk 0 of '" + input + "' was still being written"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("jfr-analyzer export: warning: partial export over 1 chunk ("), lines.get(1));
        long events = 0;
        try (RecordingFile rf = new RecordingFile(finishedCut(input))) {
            while (rf.hasMoreEvents()) {
                rf.readEvent();
                events++;
            }
        }
        assertTrue(lines.get(2).startsWith("jfr-analyzer export: " + events + " events, "), lines.get(2));
    }

    @Test
    void aKilledGameIsReadUpToItsLastFlush() throws Exception {
        CrashedGames.Remains killed = CrashedGames.killed(dir.resolve("killed"));
        assertEquals(137, killed.exitCode()); // 128 + SIGKILL
        Run r = report(killed.repository(), "--allow-no-data");
        assertTrue(r.code == 0 || r.code == 1, r.err);
        assertEquals(killed.frames(), r.json.at("/frames/count").asLong(), r.err);
        assertTrue(r.err.contains("was still being written"), r.err);
    }

    @Test
    void aGameThatRanOutOfMemoryIsReadUpToItsLastFlush() throws Exception {
        CrashedGames.Remains oom = CrashedGames.outOfMemory(dir.resolve("oom"));
        assertEquals(3, oom.exitCode()); // -XX:+ExitOnOutOfMemoryError
        Run r = report(oom.repository(), "--allow-no-data");
        assertTrue(r.code == 0 || r.code == 1, r.err);
        assertEquals(oom.frames(), r.json.at("/frames/count").asLong(), r.err);
        assertTrue(r.err.contains("was still being written"), r.err);
    }

    private record Run(int code, JsonNode json, String err) {
    }

    private static Run report(Path input, String... options) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("report", "--format", "json"));
        args.addAll(List.of(options));
        args.add(input.toString());
        int code = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args.toArray(String[]::new));
        return new Run(code, code == 2 ? JSON.nullNode() : JSON.readTree(out.toString()), err.toString());
    }

    /** The fixture's one chunk file: itself, or the one file in a repository. */
    private static Path chunkFile(Path fixture) throws IOException {
        if (!Files.isDirectory(fixture)) {
            return fixture;
        }
        try (Stream<Path> files = Files.walk(fixture)) {
            List<Path> jfrs = files.filter(f -> f.toString().endsWith(".jfr")).toList();
            assertEquals(1, jfrs.size(), jfrs.toString());
            return jfrs.get(0);
        }
    }

    /** The chunk's bytes up to the size its header gives, marked finished: what the JDK reads. */
    private Path finishedCut(Path chunk) throws IOException {
        byte[] b = Files.readAllBytes(chunk);
        long size = ByteBuffer.wrap(b).getLong(8);
        byte[] cut = java.util.Arrays.copyOf(b, (int) size);
        cut[64] = 0;
        Path p = Files.createTempFile(dir, "cut-", ".jfr");
        Files.write(p, cut);
        return p;
    }

    /** Events per type as the JDK's {@code jfr summary} prints them. */
    private static Map<String, Long> jfrSummary(Path file) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jfr").toString(), "summary",
                file.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "jfr summary did not end");
        assertEquals(0, p.exitValue(), text);
        Map<String, Long> counts = new TreeMap<>();
        boolean table = false;
        for (String line : text.lines().toList()) {
            if (line.startsWith("====")) {
                table = true;
            } else if (table && !line.isBlank()) {
                String[] cols = line.trim().split("\\s+");
                long n = Long.parseLong(cols[1]);
                if (n > 0) {
                    counts.put(cols[0], n);
                }
            }
        }
        assertTrue(counts.size() > 10, text);
        return counts;
    }

    private static long frames(Path file) throws IOException {
        long n = 0;
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                if (e.getEventType().getName().equals(EventNames.FRAME)) {
                    n++;
                }
            }
        }
        return n;
    }
}
