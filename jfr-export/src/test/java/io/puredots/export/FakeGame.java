package io.puredots.export;

/**
 * A stand-in game for the attach test, run as a separate JVM: emits puredots frames until its
 * standard input closes. Prints "ready" once the first frame is committed.
 */
public final class FakeGame {
    private FakeGame() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent keeps stdin open while it wants us to run
                }
            } catch (java.io.IOException ignored) {
                // parent gone
            }
            System.exit(0);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        long tick = 0;
        TestRecordings.emitFrames(tick++, 1);
        System.out.println("ready");
        System.out.flush();
        while (true) {
            TestRecordings.emitFrames(tick++, 1);
            // pacing a producer (a few hundred frames per second, like a game), not waiting for something
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
        }
    }
}
