package io.puredots.events.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/** The recording settings and file operations the synthetic recordings share. Stateless. */
public final class RecordingFiles {
    private RecordingFiles() {
    }

    /** {@code puredots.jfc} from the jfr-events jar: the settings users record a game with. */
    public static Configuration puredotsJfc() throws IOException {
        try (InputStream in = RecordingFiles.class.getResourceAsStream("/io/puredots/events/puredots.jfc")) {
            if (in == null) {
                throw new IOException("puredots.jfc not on the class path");
            }
            return Configuration.create(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IOException(e);
        }
    }

    /** Concatenates recordings into one multi-chunk file (valid JFR: a file is a sequence of chunks). */
    public static Path concat(Path out, Path... parts) throws IOException {
        Files.deleteIfExists(out);
        for (Path p : parts) {
            Files.write(out, Files.readAllBytes(p), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return out;
    }

    /** Ends the current chunk of every running disk recording: starting a recording rotates the chunk. */
    public static void rotateChunk() {
        try (Recording rotate = new Recording()) {
            rotate.start();
        }
    }
}
