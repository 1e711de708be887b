package io.puredots.analyzer.stats.timeline;

import org.junit.jupiter.api.Nested;

import java.nio.file.Path;

/**
 * The timeline checks on the committed recordings: sim-runtime's {@code sim-small.jfr} (one chunk,
 * 120 frames) and the two-chunk game fixture whose chunk boundary splits a tick (with a GC), each
 * with one bucket per tick and downsampled to fewer buckets than frames.
 */
class FixtureTimelineTest {
    static final Path SIM_SMALL = Path.of("../recordings/fixtures/sim-small.jfr");
    static final Path TWO_CHUNKS = Path.of("src/test/resources/fixtures/game-two-chunks.jfr");

    @Nested
    class SimSmallOneBucketPerTick extends TimelineChecks {
        @Override
        Path recording() {
            return SIM_SMALL;
        }

        @Override
        int maxBuckets() {
            return TimelineSettings.DEFAULT_MAX_BUCKETS;
        }

        @Override
        int chunks() {
            return 1;
        }
    }

    @Nested
    class SimSmallDownsampled extends TimelineChecks {
        @Override
        Path recording() {
            return SIM_SMALL;
        }

        @Override
        int maxBuckets() {
            return 7;
        }

        @Override
        int chunks() {
            return 1;
        }
    }

    @Nested
    class TwoChunksOneBucketPerTick extends TimelineChecks {
        @Override
        Path recording() {
            return TWO_CHUNKS;
        }

        @Override
        int maxBuckets() {
            return TimelineSettings.DEFAULT_MAX_BUCKETS;
        }

        @Override
        int chunks() {
            return 2;
        }
    }

    @Nested
    class TwoChunksDownsampled extends TimelineChecks {
        @Override
        Path recording() {
            return TWO_CHUNKS;
        }

        @Override
        int maxBuckets() {
            return 10;
        }

        @Override
        int chunks() {
            return 2;
        }
    }
}
