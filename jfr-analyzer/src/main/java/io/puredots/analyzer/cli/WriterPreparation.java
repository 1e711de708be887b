package io.puredots.analyzer.cli;

import io.puredots.analyzer.output.ReportWriter;

/**
 * A writer's {@link ReportWriter#prepare} on a thread of its own, started before the recording
 * is read and joined before writing: the first write's class loading and introspection then
 * overlap the read instead of following it.
 */
final class WriterPreparation {
    private final Thread thread;

    private WriterPreparation(ReportWriter writer) {
        thread = new Thread(() -> {
            try {
                writer.prepare();
            } catch (RuntimeException | LinkageError e) {
                // not reported here: the write itself meets the same problem and reports it
            }
        }, "jfr-analyzer-writer-prepare");
        thread.setDaemon(true);
    }

    static WriterPreparation start(ReportWriter writer) {
        WriterPreparation p = new WriterPreparation(writer);
        p.thread.start();
        return p;
    }

    /** Waits until the preparation is over, so that the write does not race it. */
    void join() throws InterruptedException {
        thread.join();
    }
}
