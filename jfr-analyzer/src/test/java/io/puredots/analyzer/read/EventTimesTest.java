package io.puredots.analyzer.read;

import io.puredots.events.testing.RecordingFiles;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Event times of the fast decoder against JMC's parser on a recording that JFR rotated into
 * several chunks within one run (same metadata): start times exactly equal, each chunk's ticks
 * converted with that chunk's own time base; durations equal to the JDK's too.
 */
class EventTimesTest {
    static final int FRAMES_PER_CHUNK = 200;
    static final int CHUNKS = 3;

    @TempDir
    static Path dir;
    static Path file;

    @BeforeAll
    static void record() throws Exception {
        file = dir.resolve("rotated.jfr");
        try (Recording r = new Recording(TestRecordings.puredotsJfc())) {
            r.setToDisk(true);
            r.start();
            for (int c = 0; c < CHUNKS; c++) {
                TestRecordings.emitGame(FRAMES_PER_CHUNK);
                if (c < CHUNKS - 1) {
                    RecordingFiles.rotateChunk();
                }
            }
            r.stop();
            r.dump(file);
        }
    }

    /** Start and duration of every frame as the fast decoder hands them over, sorted by start. */
    private static List<long[]> fastFrames() throws Exception {
        List<long[]> out = Collections.synchronizedList(new ArrayList<>());
        ReadResult<EventHandler> r = RecordingReader.read(List.of(file), () -> new EventHandler() {
            @Override
            public void frame(long startNanos, long durationNanos, long tick, int entityCount) {
                out.add(new long[] {startNanos, durationNanos});
            }
        }, ReadOptions.defaults());
        assertTrue(r.chunks().size() >= CHUNKS, r.chunks().size() + " chunks");
        List<long[]> sorted = new ArrayList<>(out);
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        return sorted;
    }

    @Test
    void frameStartsEqualJmcsInEveryChunk() throws Exception {
        List<long[]> fast = fastFrames();
        List<long[]> jmc = new ArrayList<>();
        IItemCollection items = JfrLoaderToolkit.loadEvents(file.toFile()).apply(ItemFilters.type("puredots.Frame"));
        for (IItemIterable it : items) {
            IMemberAccessor<IQuantity, IItem> start = JfrAttributes.START_TIME.getAccessor(it.getType());
            IMemberAccessor<IQuantity, IItem> end = JfrAttributes.END_TIME.getAccessor(it.getType());
            for (IItem i : it) {
                long s = start.getMember(i).clampedLongValueIn(UnitLookup.EPOCH_NS);
                jmc.add(new long[] {s, end.getMember(i).clampedLongValueIn(UnitLookup.EPOCH_NS) - s});
            }
        }
        jmc.sort((a, b) -> Long.compare(a[0], b[0]));
        assertEquals(CHUNKS * FRAMES_PER_CHUNK, fast.size());
        assertEquals(jmc.size(), fast.size());
        for (int k = 0; k < fast.size(); k++) {
            assertEquals(jmc.get(k)[0], fast.get(k)[0], "start of frame " + k);
            assertEquals(jmc.get(k)[1], fast.get(k)[1], "duration of frame " + k);
        }
    }

    @Test
    void frameDurationsEqualTheJdks() throws Exception {
        List<Long> fast = new ArrayList<>(fastFrames().stream().map(f -> f[1]).toList());
        List<Long> jdk = new ArrayList<>();
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                if (e.getEventType().getName().equals("puredots.Frame")) {
                    jdk.add(e.getDuration().toNanos());
                }
            }
        }
        Collections.sort(fast);
        Collections.sort(jdk);
        assertEquals(jdk, fast);
    }
}
