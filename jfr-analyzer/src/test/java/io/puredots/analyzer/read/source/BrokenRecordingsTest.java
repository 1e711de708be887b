package io.puredots.analyzer.read.source;

import io.puredots.analyzer.read.source.CorpusDriver.Kind;
import io.puredots.analyzer.read.source.CorpusDriver.Outcome;
import io.puredots.events.testing.GameEvents;
import io.puredots.events.testing.RecordingFiles;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The broken-recordings corpus: recordings made in-process, then damaged in every way the issue
 * lists (zero length, wrong magic, unsupported version, truncation at 10/50/90/99%, an absurd
 * chunk size, bit flips, random 4 KB blocks, gzip, a text file, the in-progress chunk of a killed
 * JVM, two concatenated recordings with different metadata). Each must end as a one-line error
 * (exit code 2) or a report, partial with a warning that says how much was skipped; never an
 * exception escaping, never a hang (watchdog per file). Each file goes through
 * {@code jfr-analyzer report} in-process. Prints the file-to-outcome table, which
 * jfr-analyzer/BROKEN-INPUT.md quotes.
 */
@Timeout(600)
class BrokenRecordingsTest {
    @TempDir
    static Path dir;
    static Path corpus;
    static Path multiChunk;   // 3 chunks, puredots events
    static Path plain;        // 1 chunk, JDK events only (different metadata)
    static Path repository;   // what a killed JVM left
    static final Map<String, Set<Kind>> EXPECTED = new LinkedHashMap<>();

    @BeforeAll
    static void makeCorpus() throws Exception {
        corpus = Files.createDirectories(dir.resolve("corpus"));
        multiChunk = dir.resolve("base-multichunk.jfr");
        try (Recording r = new Recording(RecordingFiles.puredotsJfc())) {
            r.setToDisk(true);
            r.start();
            long tick = 0;
            for (int chunk = 0; chunk < 3; chunk++) {
                if (chunk > 0) {
                    RecordingFiles.rotateChunk();
                }
                tick = GameEvents.frames(tick, 2000, 0, "SimulationSystemGroup", "MoveSystem");
            }
            r.stop();
            r.dump(multiChunk);
        }
        plain = dir.resolve("base-plain.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.GarbageCollection");
            r.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(100));
            r.start();
            System.gc();
            r.stop();
            r.dump(plain);
        }
        repository = CrashedGames.killed(dir.resolve("repo")).repository();

        byte[] good = Files.readAllBytes(multiChunk);
        add("zero-length.jfr", new byte[0], Kind.ERROR);
        byte[] magic = good.clone();
        magic[0] = 'X';
        add("wrong-magic.jfr", magic, Kind.ERROR);
        byte[] version = good.clone();
        version[4] = 0;
        version[5] = 9;
        add("unsupported-version.jfr", version, Kind.ERROR);
        for (int pct : new int[] {10, 50, 90, 99}) {
            byte[] t = java.util.Arrays.copyOf(good, (int) (good.length * (long) pct / 100));
            // 10% lies inside the first chunk: nothing complete is left
            add("truncated-" + pct + ".jfr", t, firstChunkSize(good) > t.length ? Kind.ERROR : Kind.PARTIAL);
        }
        byte[] absurd = good.clone();
        ByteBuffer.wrap(absurd).putLong(8, Long.MAX_VALUE / 3);
        add("absurd-chunk-size-first.jfr", absurd, Kind.ERROR);
        byte[] absurdLast = good.clone();
        ByteBuffer.wrap(absurdLast).putLong(lastChunkOffset(good) + 8, 1L << 40);
        add("absurd-chunk-size-last.jfr", absurdLast, Kind.PARTIAL);
        for (int seed = 1; seed <= 3; seed++) {
            byte[] flipped = good.clone();
            Random rnd = new Random(seed);
            for (int i = 0; i < 16; i++) {
                int at = 68 + rnd.nextInt(flipped.length - 68);
                flipped[at] ^= (byte) (1 << rnd.nextInt(8));
            }
            add("bit-flips-" + seed + ".jfr", flipped, Kind.PARTIAL, Kind.ERROR, Kind.COMPLETE);
        }
        for (int seed = 1; seed <= 3; seed++) {
            byte[] blocks = good.clone();
            Random rnd = new Random(100 + seed);
            for (int i = 0; i < 3; i++) {
                int at = rnd.nextInt(blocks.length - 4096);
                byte[] junk = new byte[4096];
                rnd.nextBytes(junk);
                System.arraycopy(junk, 0, blocks, at, 4096);
            }
            add("random-4k-blocks-" + seed + ".jfr", blocks, Kind.PARTIAL, Kind.ERROR);
        }
        add("recording.jfr.gz", gzip(good), Kind.COMPLETE);
        byte[] gz = gzip(good);
        add("truncated-gzip.jfr.gz", java.util.Arrays.copyOf(gz, gz.length / 2), Kind.PARTIAL);
        add("text-file.jfr", "# not a recording\nframe = 16.6 ms\n".getBytes(StandardCharsets.UTF_8), Kind.ERROR);
        add("zip-file.jfr", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0}, Kind.ERROR);
        // read up to its last flush
        add("killed-jvm-in-progress-chunk.jfr", Files.readAllBytes(CrashedGames.runningChunk(repository)), Kind.PARTIAL);
        byte[] concat = concat(good, Files.readAllBytes(plain));
        add("concatenated-different-metadata.jfr", concat, Kind.COMPLETE);
        add("trailing-garbage.jfr", concat(good, "garbage after the last chunk".getBytes(StandardCharsets.US_ASCII)),
                Kind.PARTIAL);
        EXPECTED.put("killed-jvm-repository/", Set.of(Kind.PARTIAL));
    }

    private static void add(String name, byte[] content, Kind... allowed) throws IOException {
        Files.write(corpus.resolve(name), content);
        EXPECTED.put(name, Set.of(allowed));
    }

    private static long firstChunkSize(byte[] rec) {
        return ByteBuffer.wrap(rec).getLong(8);
    }

    private static int lastChunkOffset(byte[] rec) {
        int pos = 0;
        int last = 0;
        while (pos < rec.length) {
            last = pos;
            pos += (int) ByteBuffer.wrap(rec).getLong(pos + 8);
        }
        return last;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] gzip(byte[] data) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static Outcome analyze(Path p, String... options) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CorpusDriver.analyze(p, options),
                "watchdog: " + p.getFileName());
    }

    @Test
    void everyBrokenInputEndsInAOneLineErrorOrAPartialReport() throws Exception {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (String name : EXPECTED.keySet()) {
            Path p = name.equals("killed-jvm-repository/") ? repository : corpus.resolve(name);
            // --allow-no-data: this survey is about damage; an intact chunk without game events is a report
            outcomes.put(name, analyze(p, "--allow-no-data"));
        }
        List<String> problems = new ArrayList<>();
        for (var e : outcomes.entrySet()) {
            Outcome o = e.getValue();
            if (!EXPECTED.get(e.getKey()).contains(o.kind())) {
                problems.add(e.getKey() + ": expected " + EXPECTED.get(e.getKey()) + ", got " + o);
            }
            // exit 2: exactly one stderr line naming no Java exception; a report: exit 0 or 1, every stderr
            // line a warning; never a stack frame
            if (o.stderr().contains("\tat ")) {
                problems.add(e.getKey() + ": stack trace on stderr: " + o.stderr());
            }
            if (o.kind() == Kind.ERROR) {
                if (o.stderr().lines().count() != 1 || o.error().contains("Exception")
                        || !o.error().startsWith("jfr-analyzer report: cannot read '")) {
                    problems.add(e.getKey() + ": error is not one plain line: " + o.stderr());
                }
            } else {
                if (o.exitCode() != 0 && o.exitCode() != 1) {
                    problems.add(e.getKey() + ": exit code " + o.exitCode());
                }
                if (o.stderr().lines().anyMatch(l -> !l.startsWith("jfr-analyzer report: warning: "))) {
                    problems.add(e.getKey() + ": stderr line that is not a warning: " + o.stderr());
                }
            }
            if (o.kind() == Kind.PARTIAL && o.warnings().stream().noneMatch(w -> w.contains("skipped")
                    || w.contains("was still being written"))) {
                problems.add(e.getKey() + ": partial report without a warning saying what was skipped: " + o);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void gzipOverTheCapIsAOneLineError() throws Exception {
        Path gz = corpus.resolve("recording.jfr.gz");
        Outcome o = CorpusDriver.analyze(gz, "--max-decompressed", "64KB");
        assertEquals(Kind.ERROR, o.kind());
        assertEquals("jfr-analyzer report: cannot read '" + gz + "': decompresses to more than 64.00 KiB (the limit for"
                + " compressed input)\n", o.stderr());
    }

    @Test
    void aPartialReportSaysWhatWasSkippedInTheReportToo() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = io.puredots.analyzer.cli.Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("report", "--no-jmc", corpus.resolve("truncated-50.jfr").toString());
        assertTrue(code == 0 || code == 1, err.toString());
        assertTrue(out.toString().contains("\nInput warnings\n"), out.toString());
        assertTrue(out.toString().contains("partial report over 2 chunks ("), out.toString());
    }

    @Test
    void jmcIsNotRunOnDamagedChunks() throws Exception {
        StringWriter out = new StringWriter();
        int code = io.puredots.analyzer.cli.Cli.commandLine(new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true)).execute("report", "--format", "json",
                corpus.resolve("truncated-50.jfr").toString());
        assertTrue(code == 0 || code == 1);
        assertTrue(out.toString().contains("\"JMC rules not run: the recording has damaged chunks, which JMC's parser"
                + " would skip silently or misread\""), out.toString());
    }
}
