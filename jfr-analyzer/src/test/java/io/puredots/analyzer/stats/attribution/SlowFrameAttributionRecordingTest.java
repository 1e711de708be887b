package io.puredots.analyzer.stats.attribution;

import io.puredots.analyzer.model.attribution.AttributionResult;
import io.puredots.analyzer.model.attribution.Cause;
import io.puredots.analyzer.model.attribution.CauseKind;
import io.puredots.analyzer.model.attribution.FrameAttribution;
import io.puredots.analyzer.model.attribution.StreakAttribution;
import io.puredots.analyzer.output.AttributionText;
import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.read.ReadResult;
import io.puredots.analyzer.read.RecordingReader;
import io.puredots.analyzer.text.Units;
import io.puredots.budgets.Budgets;
import io.puredots.events.EventNames;
import io.puredots.events.FrameEvent;
import io.puredots.events.testing.GameEvents;
import io.puredots.events.testing.RecordingFiles;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attribution on a real recording made in-process: a frame containing {@code System.gc()} must
 * name that GC pause with the duration {@code jdk.GCPhasePause} recorded (cross-checked with
 * {@link RecordingFile}), and frames containing a long park on the main thread must name the park.
 */
@Timeout(120)
class SlowFrameAttributionRecordingTest {
    static final long GC_TICK = 10;
    static final long PARK_TICK = 20;
    static final long STREAK_FIRST = 30;
    static final long STREAK_LAST = 37;

    @TempDir
    static Path dir;
    static Path file;
    static int chunksRecorded;

    @BeforeAll
    static void record() throws Exception {
        file = dir.resolve("slow.jfr");
        Configuration jfc = RecordingFiles.puredotsJfc();
        try (Recording r = new Recording(jfc)) {
            r.enable("jdk.ThreadPark").withThreshold(Duration.ZERO);
            r.setToDisk(true);
            r.start();
            Throwable[] failure = new Throwable[1];
            // the simulation's main thread; the name is what attribution recognises
            Thread main = new Thread(() -> {
                try {
                    game();
                } catch (Throwable t) {
                    failure[0] = t;
                }
            }, "main");
            main.start();
            main.join();
            if (failure[0] != null) {
                throw new AssertionError(failure[0]);
            }
            r.stop();
            r.dump(file);
        }
    }

    /** 45 frames; a new chunk starts every 15 (starting a second recording rotates the chunk). */
    private static void game() throws Exception {
        List<Object> live = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            live.add(new int[8]); // some live data so that the full GC has work to do
        }
        for (long tick = 0; tick < 45; tick++) {
            if (tick % 15 == 0 && tick > 0) {
                RecordingFiles.rotateChunk();
            }
            FrameEvent f = new FrameEvent();
            f.begin();
            GameEvents.spin(200_000);
            if (tick == GC_TICK) {
                System.gc();
            }
            if (tick == PARK_TICK) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(30));
            }
            if (tick >= STREAK_FIRST && tick <= STREAK_LAST) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(4));
            }
            f.tick = tick;
            f.entityCount = live.size();
            f.commit();
        }
    }

    private static AttributionSettings settings(int worst) throws Exception {
        Budgets budgets = Budgets.parse("test", new StringReader("frame = 2 ms\nstreak.frames = 5\n"));
        return AttributionSettings.from(budgets).withWorstFrames(worst);
    }

    private static AttributionResult attribute(int worst) throws Exception {
        AttributionSettings s = settings(worst);
        ReadResult<AttributionAggregator> read = RecordingReader.read(List.of(file),
                () -> new AttributionAggregator(s), ReadOptions.defaults());
        chunksRecorded = read.chunks().size();
        return SlowFrameAttribution.merge(read.handlers());
    }

    @Test
    void namesTheRealGcPauseWithItsRecordedDuration() throws Exception {
        AttributionResult r = attribute(45);
        FrameAttribution gcFrame = r.worstFrames().stream().filter(f -> f.tick() == GC_TICK).findFirst()
                .orElseThrow();
        // the reference: pauses recorded by jdk.GCPhasePause inside that frame, via RecordingFile
        List<Long> pauses = new ArrayList<>();
        long[] frame = null;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getEventType().getName().equals(EventNames.FRAME) && e.getLong("tick") == GC_TICK) {
                frame = new long[] {nanos(e.getStartTime()), nanos(e.getEndTime())};
            }
        }
        assertNotNull(frame);
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (e.getEventType().getName().equals(EventNames.Jdk.GC_PAUSE)
                    && nanos(e.getStartTime()) >= frame[0] && nanos(e.getEndTime()) <= frame[1]) {
                pauses.add(e.getDuration().toNanos());
            }
        }
        assertTrue(!pauses.isEmpty(), "System.gc() recorded no pause inside the frame");
        List<Long> named = new ArrayList<>();
        for (Cause c : gcFrame.causes()) {
            if (c.kind() == CauseKind.GC_PAUSE) {
                named.add(c.longestNanos());
                assertEquals(c.longestNanos(), c.overlapNanos(), "pause inside the frame overlaps fully");
                String detail = AttributionText.detail(c.detail());
                assertTrue(detail.contains("System.gc()"), detail);
            }
        }
        assertEquals(pauses, named);
        String line = AttributionText.describe(gcFrame.causes(), gcFrame.cpu(), gcFrame.allocation());
        assertTrue(line.matches(".*pause "
                + Units.msOneDecimal(pauses.get(0)).replace(".", "\\.") + " ms overlapped \\(.*"), line);
        assertTrue(chunksRecorded >= 3, "expected rotated chunks, got " + chunksRecorded);
    }

    @Test
    void namesTheParkOnTheMainThread() throws Exception {
        AttributionResult r = attribute(10);
        FrameAttribution parked = r.worstFrames().stream().filter(f -> f.tick() == PARK_TICK).findFirst()
                .orElseThrow(() -> new AssertionError("30 ms frame not among the worst: " + r.worstFrames()));
        Cause park = parked.causes().stream().filter(c -> c.kind() == CauseKind.THREAD_PARK).findFirst()
                .orElseThrow(() -> new AssertionError(parked.causes().toString()));
        assertEquals("main", park.label());
        // the reference: the parks on the main thread that jdk.ThreadPark recorded in that frame
        RecordedParks ref = RecordedParks.within(parked.startNanos(), parked.startNanos() + parked.durationNanos(),
                settings(10).waitMinNanos());
        assertEquals(ref.count(), park.count(), park.toString());
        assertEquals(ref.longestNanos(), park.longestNanos(), park.toString());
        assertEquals(ref.overlapNanos(), park.overlapNanos(), ref.toleranceNanos(), park.toString());
        assertTrue(park.longestNanos() >= TimeUnit.MILLISECONDS.toNanos(30), "the 30 ms park: " + park);
        assertTrue(park.overlapNanos() <= parked.durationNanos(), "at most the whole frame: " + park);
    }

    @Test
    void explainsTheStreakAcrossAChunkRotation() throws Exception {
        AttributionResult r = attribute(10);
        // ticks 30..37 park 4 ms each (over 2 ms); a chunk rotation happens before tick 30
        StreakAttribution s = r.streaks().stream().filter(x -> x.firstTick() <= STREAK_FIRST
                && x.lastTick() >= STREAK_LAST).findFirst()
                .orElseThrow(() -> new AssertionError(r.streaks().toString()));
        Cause park = s.causes().stream().filter(c -> c.kind() == CauseKind.THREAD_PARK).findFirst().orElseThrow();
        assertTrue(park.count() >= 8, "one 4 ms park per frame of the streak: " + park);
        RecordedParks ref = RecordedParks.within(s.startNanos(), s.endNanos(), settings(10).waitMinNanos());
        assertEquals(ref.count(), park.count(), park.toString());
        assertEquals(ref.longestNanos(), park.longestNanos(), park.toString());
        assertEquals(ref.overlapNanos(), park.overlapNanos(), ref.toleranceNanos(), park.toString());
        String text = AttributionText.describe(s.causes(), s.cpu(), s.allocation());
        assertTrue(text.contains("park on main "), text);
    }

    /**
     * The {@code jdk.ThreadPark} events on threads named "main", of at least {@code minNanos}, that
     * overlap [from, to), read with {@link RecordingFile}: what a park cause must add up to.
     */
    private record RecordedParks(int count, long longestNanos, long overlapNanos) {
        static RecordedParks within(long from, long to, long minNanos) throws Exception {
            int count = 0;
            long longest = 0;
            long overlap = 0;
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                if (!e.getEventType().getName().equals(EventNames.Jdk.THREAD_PARK) || e.getThread() == null
                        || !"main".equals(e.getThread().getJavaName())) {
                    continue;
                }
                long start = nanos(e.getStartTime());
                long duration = e.getDuration().toNanos();
                if (duration < minNanos || start >= to || start + duration <= from) {
                    continue;
                }
                count++;
                longest = Math.max(longest, duration);
                overlap += Math.min(start + duration, to) - Math.max(start, from);
            }
            return new RecordedParks(count, longest, overlap);
        }

        /** Both readers turn ticks into ns, and may round each clipped end differently by a nanosecond. */
        double toleranceNanos() {
            return 2.0 * count;
        }
    }

    private static long nanos(java.time.Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
