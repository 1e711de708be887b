package io.puredots.analyzer.jmc;

/**
 * A busy, allocating, multi-threaded program with 60 fps frame events, to be recorded with
 * {@code -XX:StartFlightRecording} for the JMC heap measurement (jfr-analyzer/bench/jmc-heap.sh).
 * Not a test. Argument: seconds to run.
 */
public final class JmcHeapWorkload {
    private JmcHeapWorkload() {
    }

    public static void main(String[] args) throws InterruptedException {
        // three workers, larger arrays and a slow frame every 97: a heavier recording than the tests'
        FrameRecordings.busyThreads(3, Long.parseLong(args[0]) * 1000, 20_000, 64, 512, 50_000, 2_000_000,
                tick -> tick % 97 == 0 ? 25_000_000 : 15_000_000);
    }
}
