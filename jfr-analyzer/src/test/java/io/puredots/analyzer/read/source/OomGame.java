package io.puredots.analyzer.read.source;

import io.puredots.events.testing.GameEvents;

import java.util.ArrayList;
import java.util.List;

/**
 * A "game" that dies of {@code OutOfMemoryError}, run in a child JVM by {@link CrashedGames} with
 * {@code -XX:+ExitOnOutOfMemoryError} (as containers run games), a small heap and a JFR
 * repository: emits frames, prints {@code frames N} and {@code READY}, waits for a line on stdin,
 * then allocates until the heap is exhausted. Not a test.
 */
public final class OomGame {
    private OomGame() {
    }

    public static void main(String[] args) throws Exception {
        long tick = GameEvents.frames(0, 300, 100, "SimulationSystemGroup", "MoveSystem");
        System.out.println("frames " + tick);
        System.out.println("READY");
        System.out.flush();
        System.in.read();
        List<long[]> hoard = new ArrayList<>();
        while (true) {
            hoard.add(new long[1 << 16]);
        }
    }
}
