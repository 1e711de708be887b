package io.puredots.analyzer.jmc;

import io.puredots.events.FrameEvent;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Small real recordings made in-process with {@code puredots.jfc}. */
final class FrameRecordings {
    private FrameRecordings() {
    }

    static Configuration puredotsJfc() throws Exception {
        try (InputStream in = FrameRecordings.class.getResourceAsStream("/io/puredots/events/puredots.jfc")) {
            return Configuration.create(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    /**
     * Records {@code frames} frames; frames {@code slowFrom..slowFrom+slowCount-1} spin for
     * {@code slowMillis} ms, the others take a few microseconds.
     */
    static Path record(Path file, int frames, int slowFrom, int slowCount, int slowMillis) throws Exception {
        try (Recording r = new Recording(puredotsJfc())) {
            r.setToDisk(true);
            r.start();
            for (int t = 0; t < frames; t++) {
                FrameEvent f = new FrameEvent();
                f.begin();
                if (t >= slowFrom && t < slowFrom + slowCount) {
                    long end = System.nanoTime() + slowMillis * 1_000_000L;
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait();
                    }
                }
                f.tick = t;
                f.commit();
            }
            System.gc();
            r.stop();
            r.dump(file);
        }
        return file;
    }
}
