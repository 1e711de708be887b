package io.puredots.analyzer.read;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.puredots.analyzer.read.source.RecordingSource;
import io.puredots.analyzer.read.source.SourceOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RecordingReader with the reference decoder on real recordings made in this JVM. */
class RecordingReaderTest {
    static final int FRAMES = 300;

    @TempDir
    static Path dir;
    static Path single;
    static Path twoChunks;

    @BeforeAll
    static void record() throws Exception {
        single = TestRecordings.record(dir.resolve("a.jfr"), FRAMES);
        Path b = TestRecordings.record(dir.resolve("b.jfr"), FRAMES / 3);
        twoChunks = TestRecordings.concat(dir.resolve("ab.jfr"), single, b);
    }

    private static ReadOptions reference() {
        return ReadOptions.defaults().withDecoder(ReadOptions.Decoder.REFERENCE);
    }

    @Test
    void referenceCountsEqualJfrSummary() throws Exception {
        ReadResult<CallLog> r = RecordingReader.read(List.of(twoChunks), CallLog::new, reference());
        assertEquals(TestRecordings.jfrSummary(twoChunks), r.eventCounts());
        assertTrue(r.eventCounts().get("jdk.Metadata") >= 2, r.eventCounts().toString());
        assertTrue(r.eventCounts().get("jdk.CheckPoint") >= 2, r.eventCounts().toString());
    }

    @Test
    void referenceDeliversPuredotsEventsWithTheirFields() throws Exception {
        ReadResult<CallLog> r = RecordingReader.read(List.of(single), CallLog::new, reference());
        assertEquals(1, r.handlers().size());
        CallLog log = r.handlers().get(0);
        List<String> frames = log.callsOf("frame");
        assertEquals(FRAMES, frames.size());
        for (int tick = 0; tick < FRAMES; tick++) {
            String suffix = ", " + tick + ", " + (1000 + tick) + ")";
            assertEquals(1, frames.stream().filter(f -> f.endsWith(suffix)).count(), "frame " + tick);
        }
        assertEquals(FRAMES * 3, log.callsOf("systemTick").size());
        assertEquals(FRAMES * 2, log.callsOf("jobRun").size());
        assertTrue(log.callsOf("jobRun").stream()
                .anyMatch(c -> c.contains("\"puredots-worker-1\"")
                        && c.contains("\"A rather long job name that goes to the constant pool\"")), "jobRun names");
        assertTrue(log.callsOf("systemGroupTick").stream().anyMatch(c -> c.contains("\"Présentation ☃ group\"")));
        assertEquals(FRAMES / 7 + 1, log.callsOf("jobSchedule").stream().filter(c -> c.contains("\"\"")).count(),
                "null string delivered as empty");
        assertTrue(log.callsOf("garbageCollection").size() >= 2);
        assertTrue(log.callsOf("monitorEnter").stream().anyMatch(c -> c.endsWith("\"java.lang.Object\")")),
                log.callsOf("monitorEnter").toString());
        assertTrue(!log.callsOf("threadPark").isEmpty());
        assertTrue(!log.callsOf("compilation").isEmpty());
        assertEquals(1, log.callsOf("chunkStart").size());
        assertEquals(1, log.callsOf("chunkEnd").size());
        assertEquals(r.eventCounts(), log.counts);
    }

    @Test
    void referenceStringsAreCanonicalAcrossChunks() throws Exception {
        ReadResult<CallLog> r = RecordingReader.read(List.of(twoChunks), CallLog::new, reference());
        Map<String, String> seen = new TreeMap<>();
        for (CallLog h : r.handlers()) {
            for (String s : h.stringsByIdentity.keySet()) {
                String first = seen.putIfAbsent(s, s);
                assertTrue(first == null || first == s, "two instances of \"" + s + "\"");
            }
        }
    }

    @Test
    void concatenatedRecordingsAreTwoChunksInOrder() throws Exception {
        ReadResult<CallLog> r = RecordingReader.read(List.of(twoChunks), CallLog::new, reference());
        assertEquals(2, r.chunks().size());
        assertEquals(0, r.chunks().get(0).index());
        assertEquals(1, r.chunks().get(1).index());
        assertEquals(Files.size(single), r.chunks().get(1).offset());
        assertEquals(FRAMES, r.handlers().get(0).callsOf("frame").size());
        assertEquals(FRAMES / 3, r.handlers().get(1).callsOf("frame").size());
        assertEquals(Map.of(twoChunks, Files.size(twoChunks)), r.fileSizes());
        assertTrue(r.startNanos() <= r.chunks().get(0).startNanos());
        assertTrue(r.endNanos() >= r.chunks().get(1).startNanos());
    }

    @Test
    void aRepositoryIsReadThroughRecordingSourceInStartTimeOrder() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repository"));
        Files.copy(single, repo.resolve("2026_01_01_10_00_01.jfr"));
        Files.copy(dir.resolve("b.jfr"), repo.resolve("2026_01_01_10_00_00.jfr"));
        Files.writeString(repo.resolve("notes.txt"), "not a recording");
        try (RecordingSource source = RecordingSource.resolve(repo, SourceOptions.defaults())) {
            ReadResult<CallLog> r = RecordingReader.read(source.files(), CallLog::new, ReadOptions.defaults());
            assertEquals(2, r.chunks().size());
            assertEquals(repo.resolve("2026_01_01_10_00_01.jfr"), r.chunks().get(0).file()); // recorded first
            assertEquals(FRAMES, r.handlers().get(0).callsOf("frame").size());
            assertEquals(FRAMES / 3, r.handlers().get(1).callsOf("frame").size());
            assertEquals(1, r.chunks().get(1).index());
        }
    }

    @Test
    void aDirectoryIsLeftToRecordingSource() {
        IOException e = assertThrows(IOException.class,
                () -> RecordingReader.read(List.of(dir), CallLog::new, ReadOptions.defaults()));
        assertEquals(dir + ": a directory; resolve it to chunk files with RecordingSource first", e.getMessage());
    }

    @Test
    void consumerGetsHandlersInChunkOrderWithABoundedNumberAlive() throws Exception {
        Path eight = TestRecordings.concat(dir.resolve("eight.jfr"), single, dir.resolve("b.jfr"), single,
                dir.resolve("b.jfr"), single, dir.resolve("b.jfr"), single, dir.resolve("b.jfr"));
        ReadResult<CallLog> all = RecordingReader.read(List.of(eight), CallLog::new, ReadOptions.defaults());
        java.util.concurrent.atomic.AtomicInteger alive = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger maxAlive = new java.util.concurrent.atomic.AtomicInteger();
        List<CallLog> received = new java.util.ArrayList<>();
        ReadResult<CallLog> streamed = RecordingReader.read(List.of(eight), () -> {
            maxAlive.accumulateAndGet(alive.incrementAndGet(), Math::max);
            return new CallLog();
        }, ReadOptions.defaults().withParallelism(2).withSequentialBytes(0), h -> {
            alive.decrementAndGet();
            received.add(h);
        });
        assertEquals(List.of(), streamed.handlers());
        assertEquals(all.chunks(), streamed.chunks());
        assertEquals(all.eventCounts(), streamed.eventCounts());
        assertEquals(8, received.size());
        for (int i = 0; i < 8; i++) {
            assertEquals(all.handlers().get(i).calls, received.get(i).calls, "chunk " + i);
        }
        assertTrue(maxAlive.get() <= 4, "handlers alive at once: " + maxAlive.get());
    }

    /** The chunks within {@link ReadOptions#sequentialBytes()} are decoded one at a time, the rest in parallel. */
    @Test
    void chunksInTheSequentialPrefixAreDecodedOneAtATime() throws Exception {
        Path eight = TestRecordings.concat(dir.resolve("eight-seq.jfr"), single, dir.resolve("b.jfr"), single,
                dir.resolve("b.jfr"), single, dir.resolve("b.jfr"), single, dir.resolve("b.jfr"));
        long firstTwo = RecordingReader.read(List.of(eight), CallLog::new, ReadOptions.defaults()).chunks().stream()
                .limit(2).mapToLong(ChunkInfo::size).sum();
        Thread caller = Thread.currentThread();
        for (long prefix : new long[] {Long.MAX_VALUE, firstTwo}) {
            int limit = prefix == Long.MAX_VALUE ? 8 : 2;
            java.util.concurrent.atomic.AtomicInteger decoding = new java.util.concurrent.atomic.AtomicInteger();
            java.util.Map<Integer, Integer> othersAtStart = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.concurrent.CountDownLatch twoAfterPrefix = new java.util.concurrent.CountDownLatch(2);
            java.util.concurrent.atomic.AtomicBoolean heldUntilTheReaderWaited =
                    new java.util.concurrent.atomic.AtomicBoolean(true);
            RecordingReader.read(List.of(eight), () -> new EventHandler() {
                @Override
                public void chunkStart(ChunkInfo chunk) {
                    othersAtStart.put(chunk.index(), decoding.getAndIncrement());
                    if (chunk.index() < limit) {
                        // hold the chunk until the reading thread blocks: a reader that does not wait for
                        // this chunk has handed the next one to the second decoder thread by then
                        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
                        while (caller.getState() == Thread.State.RUNNABLE && System.nanoTime() < deadline) {
                            Thread.onSpinWait();
                        }
                        heldUntilTheReaderWaited.compareAndSet(true, caller.getState() != Thread.State.RUNNABLE);
                    } else {
                        // hold the first chunk after the prefix until a second one has started beside it
                        twoAfterPrefix.countDown();
                        try {
                            twoAfterPrefix.await(30, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }

                @Override
                public void chunkEnd(ChunkInfo chunk, java.util.Map<String, Long> counts) {
                    decoding.decrementAndGet();
                }
            }, ReadOptions.defaults().withParallelism(2).withSequentialBytes(prefix));
            assertTrue(heldUntilTheReaderWaited.get(), "prefix " + prefix + ": the reading thread never waited"
                    + " while a prefix chunk was held, so 'started alone' proves nothing");
            for (int c = 0; c < limit; c++) {
                assertEquals(0, othersAtStart.get(c), "prefix " + prefix + ": chunk " + c + " started alone");
            }
            if (prefix != Long.MAX_VALUE) {
                assertTrue(othersAtStart.values().stream().anyMatch(n -> n > 0),
                        "after the prefix, chunks overlap: " + othersAtStart);
            }
        }
    }

    @Test
    void consumerStopsAtTheFirstDamagedChunk() throws Exception {
        byte[] all = Files.readAllBytes(twoChunks);
        Path cut = dir.resolve("cut-consumer.jfr");
        Files.write(cut, java.util.Arrays.copyOf(all, (int) Files.size(single) + 1000));
        List<CallLog> received = new java.util.ArrayList<>();
        RecordingFormatException e = assertThrows(RecordingFormatException.class, () -> RecordingReader.read(
                List.of(cut), CallLog::new, ReadOptions.defaults().withParallelism(2).withSequentialBytes(0), received::add));
        assertEquals(1, e.chunkIndex());
        assertEquals(1, received.size());
        assertEquals(FRAMES, received.get(0).callsOf("frame").size());
    }

    @Test
    void handlerExceptionsPropagateUnchanged() {
        IllegalStateException boom = new IllegalStateException("boom");
        for (int parallelism : new int[] {1, 2}) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> RecordingReader.read(
                    List.of(twoChunks), () -> new EventHandler() {
                        @Override
                        public void frame(long startNanos, long durationNanos, long tick, int entityCount) {
                            throw boom;
                        }
                    }, ReadOptions.defaults().withParallelism(parallelism).withSequentialBytes(0)));
            assertTrue(thrown == boom, "parallelism " + parallelism + ": " + thrown);
        }
    }

    @Test
    void missingFileIsNoSuchFile() {
        assertThrows(NoSuchFileException.class,
                () -> RecordingReader.read(List.of(dir.resolve("nope.jfr")), CallLog::new, reference()));
    }

    @Test
    @Timeout(60)
    void truncatedFileIsRecordingFormatExceptionNamingChunkAndOffset() throws Exception {
        byte[] all = Files.readAllBytes(twoChunks);
        Path cut = dir.resolve("cut.jfr");
        int keep = (int) Files.size(single) + 1000;
        Files.write(cut, java.util.Arrays.copyOf(all, keep));
        RecordingFormatException e = assertThrows(RecordingFormatException.class,
                () -> RecordingReader.read(List.of(cut), CallLog::new, reference()));
        assertEquals(1, e.chunkIndex());
        assertEquals(Files.size(single), e.offset());
        assertEquals("'" + cut + "': truncated chunk (header declares " + (all.length - Files.size(single))
                + " bytes, 1000 left) in chunk 1 at byte " + Files.size(single), e.getMessage());

        ReadResult<CallLog> skipped = RecordingReader.read(List.of(cut), CallLog::new,
                reference().withSkipDamagedChunks(true));
        assertEquals(1, skipped.chunks().size());
        assertEquals(1, skipped.skippedChunks().size());
        assertEquals(List.of("skipped damaged chunk: " + e.getMessage()), skipped.warnings());
    }
}
