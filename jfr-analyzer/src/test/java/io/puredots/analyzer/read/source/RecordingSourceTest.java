package io.puredots.analyzer.read.source;

import io.puredots.events.FrameEvent;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordingSourceTest {
    @TempDir
    static Path dir;
    static Path early;
    static Path late;

    @BeforeAll
    static void record() throws Exception {
        early = recordOne(dir.resolve("early.jfr"));
        late = recordOne(dir.resolve("late.jfr"));
    }

    private static Path recordOne(Path file) throws Exception {
        try (Recording r = new Recording()) {
            r.enable("puredots.Frame");
            r.start();
            FrameEvent f = new FrameEvent();
            f.begin();
            f.commit();
            r.stop();
            r.dump(file);
        }
        return file;
    }

    @Test
    void aJfrFileIsItself() throws Exception {
        try (RecordingSource s = RecordingSource.resolve(early, SourceOptions.defaults())) {
            assertEquals(List.of(early), s.files());
            assertTrue(s.warnings().isEmpty());
            assertEquals("JFR file '" + early + "'", s.description());
        }
    }

    @Test
    void gzipIsRecognisedByContentAndItsCopyDeletedOnClose() throws Exception {
        Path gz = dir.resolve("compressed-without-extension.bin");
        Files.write(gz, BrokenRecordingsTest.gzip(Files.readAllBytes(early)));
        Path copy;
        try (RecordingSource s = RecordingSource.resolve(gz, SourceOptions.defaults().withTempDir(dir))) {
            copy = s.files().get(0);
            assertArrayEquals(Files.readAllBytes(early), Files.readAllBytes(copy));
            assertTrue(s.description().startsWith("gzip-compressed JFR file '" + gz + "'"), s.description());
        }
        assertFalse(Files.exists(copy), "temporary copy left behind");
    }

    @Test
    void gzipOfSomethingElseIsNotAJfrRecording() throws Exception {
        Path gz = dir.resolve("text.gz");
        Files.write(gz, BrokenRecordingsTest.gzip("hello".getBytes()));
        SourceException e = assertThrows(SourceException.class, () -> RecordingSource.resolve(gz,
                SourceOptions.defaults().withTempDir(dir)));
        assertEquals("'" + gz + "': not a JFR recording (looks like text: 'hello...')", e.getMessage());
    }

    @Test
    void repositoryChunksAreOrderedByTheirHeaderStartTime() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo-order"));
        // names in the opposite order of the chunks' start times
        Files.copy(late, repo.resolve("2026_11_27_12_00_00.jfr"));
        Files.copy(early, repo.resolve("2026_11_27_12_00_01.jfr"));
        Files.writeString(repo.resolve("notes.txt"), "ignored: not *.jfr");
        try (RecordingSource s = RecordingSource.resolve(repo, SourceOptions.defaults())) {
            assertEquals(List.of(repo.resolve("2026_11_27_12_00_01.jfr"), repo.resolve("2026_11_27_12_00_00.jfr")),
                    s.files());
            assertEquals("JFR repository '" + repo + "' (2 chunk files)", s.description());
        }
    }

    @Test
    void repositoryParentWithOneRunIsAccepted() throws Exception {
        Path parent = Files.createDirectories(dir.resolve("parent-one"));
        Path run = Files.createDirectories(parent.resolve("2026_11_27_12_00_00_4242"));
        Files.copy(early, run.resolve("2026_11_27_12_00_00.jfr"));
        try (RecordingSource s = RecordingSource.resolve(parent, SourceOptions.defaults())) {
            assertEquals(List.of(run.resolve("2026_11_27_12_00_00.jfr")), s.files());
        }
    }

    @Test
    void repositoryParentWithSeveralRunsIsAnError() throws Exception {
        Path parent = Files.createDirectories(dir.resolve("parent-two"));
        for (String run : List.of("2026_11_27_12_00_00_1", "2026_11_27_13_00_00_2")) {
            Files.copy(early, Files.createDirectories(parent.resolve(run)).resolve("2026_11_27_12_00_00.jfr"));
        }
        SourceException e = assertThrows(SourceException.class, () -> RecordingSource.resolve(parent,
                SourceOptions.defaults()));
        assertEquals("'" + parent + "': holds 2 JFR repositories (2026_11_27_12_00_00_1, 2026_11_27_13_00_00_2);"
                + " pass one of them", e.getMessage());
    }

    @Test
    void aChunkFileStillBeingWrittenIsReadAndForeignFilesAreSkipped() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo-unfinished"));
        Files.copy(early, repo.resolve("2026_11_27_12_00_01.jfr"));
        byte[] writing = Files.readAllBytes(late);
        writing[64] = 3; // file state: the JVM's third flush of a chunk it is still writing
        Files.write(repo.resolve("2026_11_27_12_00_02.jfr"), writing);
        Files.write(repo.resolve("2026_11_27_12_00_02_01.jfr"), new byte[10]);
        try (RecordingSource s = RecordingSource.resolve(repo, SourceOptions.defaults())) {
            assertEquals(List.of(repo.resolve("2026_11_27_12_00_01.jfr"), repo.resolve("2026_11_27_12_00_02.jfr")),
                    s.files());
            assertEquals(List.of("skipped '2026_11_27_12_00_02_01.jfr' in the repository: not a JFR chunk (10 B)"),
                    s.warnings());
            assertEquals(10, s.skippedBytes());
        }
    }

    @Test
    void chunkFilesNeverFlushedOrHalfRewrittenAreSkipped() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo-unflushed"));
        Files.copy(early, repo.resolve("2026_11_27_12_00_01.jfr"));
        byte[] unflushed = Files.readAllBytes(late);
        unflushed[64] = 1;
        ByteBuffer.wrap(unflushed).putLong(24, 0); // no metadata yet: the JVM never flushed it
        Files.write(repo.resolve("2026_11_27_12_00_02.jfr"), unflushed);
        byte[] rewriting = Files.readAllBytes(late);
        rewriting[64] = (byte) 0xFF; // the JVM was rewriting the header
        Files.write(repo.resolve("2026_11_27_12_00_03.jfr"), rewriting);
        try (RecordingSource s = RecordingSource.resolve(repo, SourceOptions.defaults())) {
            assertEquals(List.of(repo.resolve("2026_11_27_12_00_01.jfr")), s.files());
            assertEquals(2, s.warnings().size(), s.warnings().toString());
            assertTrue(s.warnings().get(0).startsWith("skipped '2026_11_27_12_00_02.jfr' in the repository: chunk still"
                    + " being written and never flushed ("), s.warnings().get(0));
            assertTrue(s.warnings().get(1).startsWith("skipped '2026_11_27_12_00_03.jfr' in the repository: chunk header"
                    + " half rewritten when the JVM stopped ("), s.warnings().get(1));
        }
    }

    @Test
    void repositoryWithoutACompleteChunkIsAnError() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo-none"));
        byte[] b = Files.readAllBytes(early);
        ByteBuffer.wrap(b).putLong(8, b.length + 1000L);
        Files.write(repo.resolve("2026_11_27_12_00_00.jfr"), b);
        SourceException e = assertThrows(SourceException.class, () -> RecordingSource.resolve(repo,
                SourceOptions.defaults()));
        assertEquals("'" + repo + "': no readable chunk in the JFR repository (1 file unfinished or damaged)",
                e.getMessage());
    }

    @Test
    void emptyDirectoryAndMissingPathAreErrors() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals("'" + empty + "': a directory without *.jfr files", assertThrows(SourceException.class,
                () -> RecordingSource.resolve(empty, SourceOptions.defaults())).getMessage());
        Path missing = dir.resolve("missing.jfr");
        assertEquals("'" + missing + "': no such file or directory", assertThrows(SourceException.class,
                () -> RecordingSource.resolve(missing, SourceOptions.defaults())).getMessage());
    }

    @Test
    void severalInputsAreOneRunAndAFailureDeletesTheOthersCopies() throws Exception {
        Path gz = dir.resolve("several.jfr.gz");
        Files.write(gz, BrokenRecordingsTest.gzip(Files.readAllBytes(late)));
        Path tmp = Files.createDirectories(dir.resolve("tmp-several"));
        try (RecordingSource s = RecordingSource.resolveAll(List.of(early, gz), SourceOptions.defaults()
                .withTempDir(tmp))) {
            assertEquals(2, s.files().size());
            assertEquals(early, s.files().get(0));
            assertTrue(s.description().startsWith("JFR file '" + early + "'; gzip-compressed JFR file"), s.description());
        }
        Path missing = dir.resolve("nope.jfr");
        SourceException e = assertThrows(SourceException.class, () -> RecordingSource.resolveAll(
                List.of(gz, missing), SourceOptions.defaults().withTempDir(tmp)));
        assertEquals("'" + missing + "': no such file or directory", e.getMessage());
        try (var left = Files.list(tmp)) {
            assertEquals(0, left.count(), "temporary copies left behind");
        }
    }

    @Test
    void aFolderOfSeparateRecordingsIsNotARepository() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("recordings"));
        Files.copy(early, folder.resolve("2026_11_27_12_00_00.jfr"));
        Files.copy(late, folder.resolve("late.jfr"));
        SourceException e = assertThrows(SourceException.class, () -> RecordingSource.resolve(folder,
                SourceOptions.defaults()));
        assertEquals("'" + folder + "': not a JFR repository ('late.jfr' is not a chunk file name like"
                + " 2026_11_27_12_30_00.jfr); give recordings as files", e.getMessage());
    }

    @Test
    void theSameFileTwiceIsOverlappingTime() {
        SourceException e = assertThrows(SourceException.class, () -> RecordingSource.resolveAll(
                List.of(early, early), SourceOptions.defaults()));
        assertTrue(e.getMessage().startsWith("'" + early + "' and '" + early + "' as one run: overlapping time"
                + " (the same chunk twice, starting 20"), e.getMessage());
    }

    @Test
    void filesOutOfTimeOrderAreRefused() {
        SourceException e = assertThrows(SourceException.class, () -> RecordingSource.resolveAll(
                List.of(late, early), SourceOptions.defaults()));
        assertTrue(e.getMessage().startsWith("'" + late + "' and '" + early + "' as one run: out of order ('"
                + early + "' ends "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" before '" + late + "' starts; give the files in time order)"),
                e.getMessage());
    }

    @Test
    void aChunkStartingBeforeThePreviousEndsIsOverlappingTime() throws Exception {
        byte[] b = Files.readAllBytes(late);
        ByteBuffer h = ByteBuffer.wrap(b);
        long earlyStart = ByteBuffer.wrap(Files.readAllBytes(early)).getLong(32);
        h.putLong(32, earlyStart - 1_000_000_000L); // starts 1 s before "early" and ends 1 s after its start
        h.putLong(40, 2_000_000_000L);
        Path longer = Files.write(dir.resolve("longer.jfr"), b);
        SourceException e = assertThrows(SourceException.class, () -> RecordingSource.resolveAll(
                List.of(longer, early), SourceOptions.defaults()));
        assertEquals("'" + longer + "' and '" + early + "' as one run: overlapping time ('" + early
                + "' starts 1.000 s before '" + longer + "' ends)", e.getMessage());
    }

    @Test
    void anotherTickRateOrATickCounterStartingOverIsAnotherJvm() throws Exception {
        byte[] b = Files.readAllBytes(late);
        ByteBuffer.wrap(b).putLong(56, ByteBuffer.wrap(b).getLong(56) + 1);
        Path otherRate = Files.write(dir.resolve("other-rate.jfr"), b);
        SourceException e = assertThrows(SourceException.class, () -> RecordingSource.resolveAll(
                List.of(early, otherRate), SourceOptions.defaults()));
        assertTrue(e.getMessage().startsWith("'" + early + "' and '" + otherRate + "' as one run: another JVM ('"
                + early + "' counts "), e.getMessage());
        b = Files.readAllBytes(late);
        ByteBuffer.wrap(b).putLong(48, 0);
        Path restarted = Files.write(dir.resolve("restarted.jfr"), b);
        e = assertThrows(SourceException.class, () -> RecordingSource.resolveAll(
                List.of(early, restarted), SourceOptions.defaults()));
        assertEquals("'" + early + "' and '" + restarted + "' as one run: another JVM ('" + restarted
                + "' starts later but its clock ticks start over)", e.getMessage());
    }

    @Test
    void aRefusedCompressedInputIsNamedAsGivenAndItsCopyDeleted() throws Exception {
        Path gz = dir.resolve("twice.jfr.gz");
        Files.write(gz, BrokenRecordingsTest.gzip(Files.readAllBytes(early)));
        Path tmp = Files.createDirectories(dir.resolve("tmp-twice"));
        SourceException e = assertThrows(SourceException.class, () -> RecordingSource.resolveAll(
                List.of(gz, early), SourceOptions.defaults().withTempDir(tmp)));
        assertTrue(e.getMessage().startsWith("'" + gz + "' and '" + early + "' as one run: overlapping time"),
                e.getMessage());
        try (var left = Files.list(tmp)) {
            assertEquals(0, left.count(), "temporary copies left behind");
        }
    }

    @Test
    void anotherJvmNamesTheFilesAsGiven() throws Exception {
        Path gz = dir.resolve("jvm.jfr.gz");
        Files.write(gz, BrokenRecordingsTest.gzip(Files.readAllBytes(early)));
        Path tmp = Files.createDirectories(dir.resolve("tmp-jvm"));
        try (RecordingSource s = RecordingSource.resolveAll(List.of(gz, late), SourceOptions.defaults()
                .withTempDir(tmp))) {
            assertEquals("'" + gz + "' and '" + late + "' as one run: another JVM (pid 42 started"
                    + " 2026-11-27T12:00:00.000Z, then pid 7 started 2026-11-27T12:00:01.500Z)",
                    s.anotherJvm(s.files().get(0), 42, 1_795_780_800_000L, late, 7, 1_795_780_801_500L).getMessage());
        }
    }

    @Test
    void coverageSaysHowMuchWasSkipped() throws Exception {
        try (RecordingSource s = RecordingSource.resolve(early, SourceOptions.defaults())) {
            long size = Files.size(early);
            var all = new io.puredots.analyzer.read.ChunkInfo(early, 0, 0, size, 0, 0, 2, 0);
            assertTrue(s.coverage(List.of(all)).isEmpty());
            var half = new io.puredots.analyzer.read.ChunkInfo(early, 0, 0, size / 2, 0, 0, 2, 0);
            String w = s.coverage(List.of(half)).orElseThrow();
            assertTrue(w.startsWith("partial report over 1 chunk ("), w);
            assertTrue(w.endsWith("(50%) that is damaged or incomplete"), w);
        }
    }
}
