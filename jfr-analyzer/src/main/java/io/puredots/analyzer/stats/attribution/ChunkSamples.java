package io.puredots.analyzer.stats.attribution;

import io.puredots.analyzer.read.SampledStack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One chunk's execution samples of the simulation threads, the per-chunk partial of hot methods.
 * While the chunk is read: every sample (time, thread, interned stack), up to a cap. At
 * {@link #finish}, when the chunk's frames are known: samples in frames within the budget are
 * counted into the normal-frame profile (top method -> samples); samples in the chunk's worst
 * frames or over-budget runs are kept for the final join; samples outside the chunk's frames
 * are kept apart ({@link #edges}), since the frame holding them may be in a neighbouring chunk.
 * {@link SampleTotal} merges the partials.
 *
 * <p>Not thread-safe: one instance per chunk.
 */
final class ChunkSamples {
    final StackTable stacks = new StackTable();
    private Samples raw = new Samples();
    /** Samples of the simulation threads seen, capped ones included. */
    long seen;
    long dropped;

    // after finish
    Samples kept = new Samples();
    Samples edges = new Samples();
    final Map<String, long[]> normal = new HashMap<>();
    long normalTotal;
    FrameSpans spans = FrameSpans.NONE;

    void add(long startNanos, long threadId, String threadName, SampledStack stack, int cap) {
        seen++;
        if (raw.size == cap) {
            dropped++;
            return;
        }
        raw.add(startNanos, threadId, stacks.id(stack), threadName.equals("main"));
    }

    /**
     * Sorts the chunk's samples into the normal profile, the kept ones and the edges.
     *
     * @param spans   the chunk's frames
     * @param windows time spans {@code {start, end}} whose samples the join may need (the
     *                chunk's worst frames and over-budget runs)
     */
    void finish(FrameSpans spans, List<long[]> windows) {
        this.spans = spans;
        Samples r = raw;
        raw = null;
        for (int i = 0; i < r.size; i++) {
            long t = r.time[i];
            int f = spans.frameAt(t);
            if (f < 0 && spans.outside(t)) {
                edges.addFrom(r, i, null);
                continue;
            }
            if (f >= 0 && !spans.over(f)) {
                countNormal(normal, stacks.stack(r.stack[i]).top());
                normalTotal++;
            }
            // a streak's span includes the gaps between its frames
            for (long[] w : windows) {
                if (t >= w[0] && t < w[1]) {
                    kept.addFrom(r, i, null);
                    break;
                }
            }
        }
    }

    static void countNormal(Map<String, long[]> profile, String method) {
        profile.computeIfAbsent(method, k -> new long[1])[0]++;
    }
}
