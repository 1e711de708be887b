package io.puredots.analyzer.stats;

import io.puredots.analyzer.read.ChunkInfo;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which JVM recorded a chunk, by {@code jdk.JVMInformation}'s pid and JVM start time, and, merged
 * in chunk order, the first two chunks that name different JVMs: the chunks of one run come from
 * one JVM, and this is the one place that names it. Chunks without the event (recorded without
 * it) agree with anything. Not thread-safe: one per partial, merged by the run's total.
 */
public final class JvmIdentity {
    /** Two consecutive identified chunks recorded by different JVMs. */
    public record Conflict(Path earlierFile, long earlierPid, long earlierStartMillis, Path laterFile, long laterPid,
                    long laterStartMillis) {
    }

    private Path file; // the partial's chunk file; in the total, the last identified chunk's
    private boolean known;
    private long pid;
    private long startMillis;
    private Conflict conflict;

    void chunkStart(ChunkInfo chunk) {
        if (file == null) {
            file = chunk.file();
        }
    }

    void seen(long pid, long startMillis) {
        if (!known) {
            known = true;
            this.pid = pid;
            this.startMillis = startMillis;
        }
    }

    /** Folds in the identity of the chunk after every chunk merged so far. */
    void merge(JvmIdentity next) {
        if (!next.known) {
            return;
        }
        if (known && conflict == null && (pid != next.pid || startMillis != next.startMillis)) {
            conflict = new Conflict(file, pid, startMillis, next.file, next.pid, next.startMillis);
        }
        known = true;
        pid = next.pid;
        startMillis = next.startMillis;
        file = next.file;
    }

    Optional<Conflict> conflict() {
        return Optional.ofNullable(conflict);
    }
}
