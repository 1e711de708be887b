package io.puredots.analyzer.cli;

import io.puredots.events.EventNames;
import jdk.jfr.consumer.RecordingStream;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The reference game for {@link StreamCommandTest}, run in a child JVM: runs
 * {@code io.puredots.sim.Main} with the given arguments and prints {@code ticking} to its parent
 * once the game's first frame event has come through an in-process stream, so the parent attaches
 * to a game that is up and running. Not a test.
 */
public final class TickingGame {
    private TickingGame() {
    }

    public static void main(String[] args) {
        RecordingStream frames = new RecordingStream();
        frames.enable(EventNames.FRAME);
        AtomicBoolean told = new AtomicBoolean();
        frames.onEvent(EventNames.FRAME, e -> {
            if (told.compareAndSet(false, true)) {
                System.out.println("ticking"); // the protocol with the parent process
                System.out.flush();
                Thread closer = new Thread(frames::close, "ticking-game-close");
                closer.setDaemon(true);
                closer.start();
            }
        });
        frames.startAsync();
        io.puredots.sim.Main.main(args);
    }
}
