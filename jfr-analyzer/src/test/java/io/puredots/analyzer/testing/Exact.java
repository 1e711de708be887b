package io.puredots.analyzer.testing;

import io.puredots.analyzer.model.Distribution;
import org.HdrHistogram.Histogram;

import java.util.Arrays;
import java.util.Collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exact statistics by sorting every value, and the check of a streamed {@link Distribution}
 * against them: count, sum, min, max and mean exactly; each percentile within HdrHistogram's
 * stated precision (3 significant digits: between the exact nearest-rank value and the highest
 * value equivalent to it, capped at the max).
 */
public final class Exact {
    private Exact() {
    }

    /** Nearest rank, as HdrHistogram computes the rank: {@code max(1, ceil(nextDown(p) * n / 100))}. */
    public static long percentile(long[] sorted, double p) {
        double q = Math.min(Math.max(Math.nextAfter(p, Double.NEGATIVE_INFINITY), 0), 100);
        long rank = Math.max(1, (long) Math.ceil(q * sorted.length / 100));
        return sorted[(int) Math.min(rank, sorted.length) - 1];
    }

    public static long[] sorted(Collection<Long> values) {
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }

    public static void check(String what, Collection<Long> values, Distribution d) {
        long[] s = sorted(values);
        assertEquals(s.length, d.count(), what + " count");
        if (s.length == 0) {
            return;
        }
        long sum = Arrays.stream(s).sum();
        assertEquals(sum, d.sum(), what + " sum");
        assertEquals(s[0], d.min(), what + " min");
        assertEquals(s[s.length - 1], d.max(), what + " max");
        assertEquals((double) sum / s.length, d.mean(), 1e-9 * Math.max(1, Math.abs(d.mean())), what + " mean");
        double[] ps = {50, 90, 95, 99, 99.9};
        long[] got = {d.p50(), d.p90(), d.p95(), d.p99(), d.p999()};
        Histogram precision = new Histogram(3);
        for (int i = 0; i < ps.length; i++) {
            long exact = percentile(s, ps[i]);
            long high = Math.min(s[s.length - 1], precision.highestEquivalentValue(exact));
            assertTrue(got[i] >= exact && got[i] <= high,
                    what + " p" + ps[i] + ": got " + got[i] + ", exact " + exact + ", allowed up to " + high);
        }
    }
}
