package io.puredots.analyzer.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The system groups, systems, registries and worker threads that the chunks of one run have
 * met so far, so that a chunk's partial can create their statistics when the chunk starts
 * instead of at their first event.
 *
 * <p>Why: a partial that starts with empty maps takes its "first event of this series" branch
 * only at the chunk's start, which the JIT, profiling the middle of a chunk, compiles out; the
 * next chunk's first events would then deoptimize the handlers and the decoder loop inlining them.
 *
 * <p>Only what a chunk of lower index created is offered to a chunk: partials are merged in
 * chunk order, so by the time a partial is merged its offered series are already in the total,
 * and their position in the partial's maps cannot change the order of the report. Offered
 * series that stay empty are not merged.
 *
 * <p>Thread-safe.
 */
final class KnownSeries {
    static final int GROUP = 0;
    static final int SYSTEM = 1;
    static final int REGISTRY = 2;
    static final int WORKER = 3;

    /** One series: {@code name} and {@code group} for groups, systems and registries; thread id and name for workers. */
    record Entry(int chunk, int kind, String name, String group, long threadId) {
    }

    private final List<Entry> entries = new ArrayList<>();
    /** Most frames a chunk of the run has had so far: a partial's frame columns start at that size. */
    private volatile int framesPerChunk;

    /** Most frames a chunk has reported to {@link #framesInChunk} (plus an eighth, at most 2^20); 0 at first. */
    int framesPerChunk() {
        return framesPerChunk;
    }

    /** Reports the frames of a finished chunk. */
    synchronized void framesInChunk(long frames) {
        framesPerChunk = (int) Math.max(framesPerChunk, Math.min(frames + frames / 8, 1 << 20));
    }

    /**
     * Most series offered: every chunk creates each offered series, so a run with ever more
     * series (threads coming and going, each running jobs) would otherwise make every chunk
     * slower; series past this many take the first-event path, as without this class.
     */
    static final int MAX_ENTRIES = 4096;

    /** Records a series that chunk {@code chunk} created at its first event; past {@link #MAX_ENTRIES}, ignored. */
    synchronized void add(int chunk, int kind, String name, String group, long threadId) {
        if (entries.size() < MAX_ENTRIES) {
            entries.add(new Entry(chunk, kind, name, group, threadId));
        }
    }

    /** The series that chunks before {@code chunk} created, in the order they were added. */
    synchronized List<Entry> before(int chunk) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.chunk < chunk) {
                out.add(e);
            }
        }
        return out;
    }
}
