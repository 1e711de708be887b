package io.puredots.analyzer.read;

/**
 * Told how far a read has come, for a progress display: after each chunk is handed over or
 * skipped, in chunk order, from the thread that hands it over. Must return quickly and never
 * throw; a read's result does not depend on it.
 */
@FunctionalInterface
public interface ReadProgress {
    /** Tells nothing. */
    ReadProgress NONE = (done, total) -> {
    };

    /**
     * @param bytesDone  bytes of the chunks handed over or skipped so far
     * @param bytesTotal bytes of all chunks of the read (fixed for one read)
     */
    void read(long bytesDone, long bytesTotal);
}
