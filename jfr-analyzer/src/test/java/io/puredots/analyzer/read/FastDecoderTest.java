package io.puredots.analyzer.read;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The fast decoder against the reference decoder and {@code jfr summary}, on real recordings. */
class FastDecoderTest {
    static final int FRAMES = 400;

    @TempDir
    static Path dir;
    static Path single;
    static Path threeChunks;

    @BeforeAll
    static void record() throws Exception {
        single = TestRecordings.record(dir.resolve("a.jfr"), FRAMES);
        Path b = TestRecordings.record(dir.resolve("b.jfr"), FRAMES / 4);
        threeChunks = TestRecordings.concat(dir.resolve("aba.jfr"), single, b, single);
    }

    static ReadResult<CallLog> read(Path file, ReadOptions.Decoder decoder, int parallelism) throws Exception {
        return RecordingReader.read(List.of(file), CallLog::new,
                ReadOptions.defaults().withDecoder(decoder).withParallelism(parallelism).withSequentialBytes(0));
    }

    static void assertSameCalls(ReadResult<CallLog> expected, ReadResult<CallLog> actual) {
        assertEquals(expected.chunks(), actual.chunks());
        for (int c = 0; c < expected.handlers().size(); c++) {
            List<String> e = expected.handlers().get(c).calls;
            List<String> a = actual.handlers().get(c).calls;
            for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                if (!e.get(i).equals(a.get(i))) {
                    fail("chunk " + c + ", call " + i + ":\n expected " + e.get(i) + "\n actual   " + a.get(i));
                }
            }
            assertEquals(e.size(), a.size(), "calls in chunk " + c);
        }
        assertEquals(expected.eventCounts(), actual.eventCounts());
    }

    @Test
    void fastMakesTheSameCallsAsReferenceInEveryChunk() throws Exception {
        ReadResult<CallLog> ref = read(threeChunks, ReadOptions.Decoder.REFERENCE, 1);
        ReadResult<CallLog> fast = read(threeChunks, ReadOptions.Decoder.FAST, 1);
        assertEquals(3, fast.chunks().size());
        assertSameCalls(ref, fast);
        // the comparison is not vacuous: every kind of event the recording provokes is there
        CallLog first = fast.handlers().get(0);
        for (String m : List.of("frame", "systemGroupTick", "systemTick", "jobSchedule", "jobRun", "mainThreadWait",
                "registryUpdate", "spatialGridRebuild", "entityCount", "nativeMemory", "budgetViolation",
                "jvmInformation", "garbageCollection", "gcPhasePause", "gcHeapSummary", "safepoint", "vmOperation",
                "compilation", "cpuLoad", "threadCpuLoad", "directBufferStatistics", "monitorEnter", "threadPark",
                "threadLifecycle", "allocationSample", "cpuInformation", "osInformation", "gcConfiguration",
                "gcHeapConfiguration")) {
            assertTrue(!first.callsOf(m).isEmpty(), "no " + m + " call");
        }
    }

    /** Ignores three fields the way {@link IgnoresFields} promises: a string, a thread and an int. */
    @IgnoresFields({"puredots.JobRun#jobName", "puredots.JobSchedule#eventThread",
            "puredots.SystemTick#entitiesProcessed"})
    static final class Ignoring extends CallLog {
    }

    /** The call with argument {@code arg} (0-based) replaced; arguments hold no ", ". */
    private static String withArg(String call, int arg, String value) {
        int open = call.indexOf('(');
        String[] args = call.substring(open + 1, call.length() - 1).split(", ", -1);
        args[arg] = value;
        return call.substring(0, open + 1) + String.join(", ", args) + ")";
    }

    @Test
    void ignoredFieldsReachTheHandlerEmptyAndEveryOtherArgumentIsUnchanged() throws Exception {
        ReadResult<CallLog> ref = read(threeChunks, ReadOptions.Decoder.REFERENCE, 1);
        ReadResult<Ignoring> fast = RecordingReader.read(List.of(threeChunks), Ignoring::new,
                ReadOptions.defaults().withDecoder(ReadOptions.Decoder.FAST).withParallelism(2).withSequentialBytes(0));
        int changed = 0;
        for (int c = 0; c < ref.handlers().size(); c++) {
            List<String> e = ref.handlers().get(c).calls;
            List<String> a = fast.handlers().get(c).calls;
            assertEquals(e.size(), a.size(), "calls in chunk " + c);
            for (int i = 0; i < e.size(); i++) {
                String want = e.get(i);
                if (want.startsWith("jobRun(")) {
                    want = withArg(want, 5, "\"\"");
                } else if (want.startsWith("jobSchedule(")) {
                    want = withArg(want, 2, "-1");
                } else if (want.startsWith("systemTick(")) {
                    want = withArg(want, 5, "0");
                }
                if (!want.equals(e.get(i))) {
                    changed++;
                }
                assertEquals(want, a.get(i), "chunk " + c + ", call " + i);
            }
        }
        // not vacuous: the reference had values there that the ignoring handler did not get
        assertTrue(changed > 1000, "calls whose ignored argument was not already empty: " + changed);
    }

    @Test
    void fastCountsEqualJfrSummary() throws Exception {
        ReadResult<CallLog> fast = read(threeChunks, ReadOptions.Decoder.FAST, 2);
        assertEquals(TestRecordings.jfrSummary(threeChunks), fast.eventCounts());
        long perChunk = 0;
        for (CallLog h : fast.handlers()) {
            perChunk += h.counts.values().stream().mapToLong(Long::longValue).sum();
        }
        assertEquals(fast.totalEvents(), perChunk);
    }

    @Test
    void parallelDecodingGivesTheSameResultAsSequential() throws Exception {
        ReadResult<CallLog> sequential = read(threeChunks, ReadOptions.Decoder.FAST, 1);
        ReadResult<CallLog> parallel = read(threeChunks, ReadOptions.Decoder.FAST, 2);
        assertSameCalls(sequential, parallel);
        assertEquals(sequential.startNanos(), parallel.startNanos());
        assertEquals(sequential.endNanos(), parallel.endNanos());
    }

    @Test
    void fastStringsAreCanonicalAcrossParallelChunks() throws Exception {
        ReadResult<CallLog> fast = read(threeChunks, ReadOptions.Decoder.FAST, 2);
        Map<String, String> seen = new HashMap<>();
        for (CallLog h : fast.handlers()) {
            for (String s : h.stringsByIdentity.keySet()) {
                String first = seen.putIfAbsent(s, s);
                if (first != null) {
                    assertSame(first, s, "two instances of \"" + s + "\"");
                }
            }
        }
        assertTrue(seen.containsKey("puredots-worker-0"));
        assertTrue(seen.containsKey("A rather long job name that goes to the constant pool"));
    }
}
