package io.puredots.analyzer.read.source;

import io.puredots.events.testing.GameEvents;
import io.puredots.events.testing.RecordingFiles;

/**
 * A "game" for {@link BrokenRecordingsTest}, run in a child JVM started with
 * {@code -XX:StartFlightRecording} and a JFR repository: emits frames, closes two chunks (starting
 * a recording rotates the chunk), emits more into the third, prints how many frames it emitted
 * ({@code frames N}: the game's log) and {@code READY}, and blocks on stdin until the test kills it.
 * Not a test.
 */
public final class KilledGame {
    private KilledGame() {
    }

    public static void main(String[] args) throws Exception {
        long tick = 0;
        for (int chunk = 0; chunk < 3; chunk++) {
            if (chunk > 0) {
                RecordingFiles.rotateChunk();
            }
            tick = GameEvents.frames(tick, 200, 100, "SimulationSystemGroup");
        }
        System.out.println("frames " + tick);
        System.out.println("READY"); // the protocol with the parent test (CrashedGames)
        System.out.flush();
        System.in.read();
    }
}
