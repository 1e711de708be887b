package io.puredots.analyzer.read.source;

import io.puredots.analyzer.read.ChunkHeader;
import io.puredots.analyzer.text.Units;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses files that are not consecutive parts of one recording, so that several inputs are
 * merged into one run only when they are one: in the order they will be read, each chunk
 * (by its header) must start no earlier than the previous chunk ended, count ticks at the same
 * rate, and not restart the tick counter. This catches a file given twice, files out of order
 * and most unrelated recordings (another JVM's ticks start over); the JVM named in each chunk's
 * {@code jdk.JVMInformation} is compared while reading (see {@code stats.JvmIdentity}). Two
 * recordings of one JVM made one after the other pass: chunks do not name their recording.
 * Stateless.
 */
final class OneRun {
    /** How far a chunk may start before the previous one's end: the two are stamped by one clock. */
    static final long TOLERANCE_NANOS = 1_000_000;

    private OneRun() {
    }

    /**
     * Throws a {@link SourceException} naming the first two files that disagree and how.
     *
     * @param files   the files to read, in order
     * @param shownAs the name to give each file in a message (the input for a decompressed copy)
     */
    static void require(List<Path> files, Map<Path, Path> shownAs) throws SourceException {
        ChunkHeader prev = null;
        Path prevShown = null;
        Map<List<Long>, Path> seen = new HashMap<>(); // chunk identity (start nanos, start ticks) -> file
        for (Path f : files) {
            Path shown = shownAs.getOrDefault(f, f);
            List<ChunkHeader> chunks;
            try {
                chunks = ChunkHeader.readAll(f);
            } catch (IOException e) {
                throw new SourceException(RecordingSource.q(shown) + ": cannot read: " + e.getMessage(), e);
            }
            for (ChunkHeader c : chunks) {
                Path before = seen.putIfAbsent(List.of(c.startNanos(), c.startTicks()), shown);
                if (before != null) {
                    throw new SourceException(RecordingSource.q(before) + " and " + RecordingSource.q(shown)
                            + " as one run: overlapping time (the same chunk twice, starting "
                            + Units.instant(c.startNanos()) + ")");
                }
                if (prev != null) {
                    String why = disagreement(prev, RecordingSource.q(prevShown), c, RecordingSource.q(shown));
                    if (why != null) {
                        throw new SourceException(RecordingSource.q(prevShown) + " and " + RecordingSource.q(shown)
                                + " as one run: " + why);
                    }
                }
                prev = c;
                prevShown = shown;
            }
        }
    }

    /** How chunk {@code b} cannot follow chunk {@code a} in one run; null if it can. */
    static String disagreement(ChunkHeader a, String aName, ChunkHeader b, String bName) {
        if (a.ticksPerSecond() != b.ticksPerSecond()) {
            return "another JVM (" + aName + " counts " + a.ticksPerSecond() + " ticks per second, " + bName
                    + " " + b.ticksPerSecond() + ")";
        }
        long aEnd = a.startNanos() + a.durationNanos();
        long bEnd = b.startNanos() + b.durationNanos();
        if (b.startNanos() < a.startNanos() && bEnd <= a.startNanos() + TOLERANCE_NANOS) {
            return "out of order (" + bName + " ends " + Units.duration(Math.max(0, a.startNanos() - bEnd)) + " before "
                    + aName + " starts; give the files in time order)";
        }
        if (b.startNanos() < aEnd - TOLERANCE_NANOS) {
            return "overlapping time (" + bName + " starts " + Units.duration(aEnd - b.startNanos()) + " before "
                    + aName + " ends)";
        }
        if (b.startTicks() < a.startTicks()) {
            return "another JVM (" + bName + " starts later but its clock ticks start over)";
        }
        return null;
    }
}
