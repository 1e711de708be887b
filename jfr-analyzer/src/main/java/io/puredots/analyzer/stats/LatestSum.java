package io.puredots.analyzer.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The total of periodic samples over keys (for example native bytes per owner and container
 * kind): at each sample, the sum over every key of its latest sample. Keeps the peak and the last
 * total exactly across chunks.
 *
 * <p>Within a chunk the latest values of keys not yet seen in that chunk are unknown (they come
 * from earlier chunks). A partial therefore keeps, per "segment" between the first appearances
 * of its keys, the largest chunk-local total; merging onto everything before it adds the earlier
 * latest values of the keys the segment had not seen yet. Memory: O(keys).
 *
 * <pre>{@code
 * chunk k+1: a=5 b=2 a=7 c=1 ...   segments: {a} {a,b} {a,b,c}
 * total at "a=7" = 7 + 2 + (latest c from chunks 0..k)
 * }</pre>
 *
 * <p>Each sample carries two values (for example bytes reserved and used). Not thread-safe;
 * {@link #merge} must be applied in chunk order onto a partial that holds everything from the
 * first chunk on.
 */
public final class LatestSum {
    private final Map<String, long[]> latest = new HashMap<>();
    private final List<String> firstSeen = new ArrayList<>();
    private final List<long[]> segmentMax = new ArrayList<>();
    private long sum0;
    private long sum1;
    private long samples;
    private long peak0 = Long.MIN_VALUE;
    private long peak1 = Long.MIN_VALUE;

    public void add(String key, long value0, long value1) {
        long[] old = latest.get(key);
        if (old == null) {
            latest.put(key, new long[] {value0, value1});
            firstSeen.add(key);
            segmentMax.add(new long[] {Long.MIN_VALUE, Long.MIN_VALUE});
            sum0 += value0;
            sum1 += value1;
        } else {
            sum0 += value0 - old[0];
            sum1 += value1 - old[1];
            old[0] = value0;
            old[1] = value1;
        }
        long[] seg = segmentMax.get(segmentMax.size() - 1);
        seg[0] = Math.max(seg[0], sum0);
        seg[1] = Math.max(seg[1], sum1);
        // exact when this partial is the first chunk (nothing before it)
        peak0 = Math.max(peak0, sum0);
        peak1 = Math.max(peak1, sum1);
        samples++;
    }

    /** Merges the partial of the next chunk onto this one, which holds every earlier chunk. */
    public void merge(LatestSum next) {
        if (next.samples == 0) {
            return;
        }
        long off0 = sum0;
        long off1 = sum1;
        for (int i = 0; i < next.firstSeen.size(); i++) {
            long[] before = latest.get(next.firstSeen.get(i));
            if (before != null) {
                off0 -= before[0];
                off1 -= before[1];
            }
            long[] seg = next.segmentMax.get(i);
            peak0 = Math.max(peak0, seg[0] + off0);
            peak1 = Math.max(peak1, seg[1] + off1);
        }
        for (Map.Entry<String, long[]> e : next.latest.entrySet()) {
            long[] v = e.getValue();
            long[] mine = latest.get(e.getKey());
            if (mine == null) {
                latest.put(e.getKey(), new long[] {v[0], v[1]});
                sum0 += v[0];
                sum1 += v[1];
            } else {
                sum0 += v[0] - mine[0];
                sum1 += v[1] - mine[1];
                mine[0] = v[0];
                mine[1] = v[1];
            }
        }
        samples += next.samples;
    }

    public long samples() {
        return samples;
    }

    /** Largest total of the first value; 0 without samples. */
    public long peak0() {
        return samples == 0 ? 0 : peak0;
    }

    public long peak1() {
        return samples == 0 ? 0 : peak1;
    }

    /** Total of the first value at the last sample. */
    public long last0() {
        return sum0;
    }

    public long last1() {
        return sum1;
    }
}
