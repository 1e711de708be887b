package io.puredots.events;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.Event;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/** In-process recording helpers for the tests. Not thread-safe; one recording at a time. */
final class Recordings {
    private Recordings() {
    }

    /** Work that may throw, run while the recording is on. */
    interface Emitter {
        void run() throws Exception;
    }

    /**
     * Records {@code emit} with only {@code type} enabled (threshold 0; stack trace as the class
     * declares), writes the recording to {@code file} and returns the events of that type read
     * back from the file.
     */
    static List<RecordedEvent> record(Class<? extends Event> type, Path file, Emitter emit) throws Exception {
        try (Recording r = new Recording()) {
            r.enable(type).withThreshold(Duration.ZERO);
            r.start();
            emit.run();
            r.stop();
            r.dump(file);
        }
        return eventsNamed(file, nameOf(type));
    }

    static List<RecordedEvent> eventsNamed(Path file, String name) throws IOException {
        return RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals(name))
                .collect(Collectors.toList());
    }

    static String nameOf(Class<? extends Event> type) {
        jdk.jfr.Name n = type.getAnnotation(jdk.jfr.Name.class);
        return n == null ? type.getName() : n.value();
    }

    /** Busy-waits at least {@code nanos}, so that a begin()/end() pair spans a known time. */
    static void spin(long nanos) {
        io.puredots.events.testing.GameEvents.spin(nanos);
    }
}
