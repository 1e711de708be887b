package io.puredots.analyzer.stats.attribution;

import io.puredots.analyzer.model.attribution.AllocationRate;
import io.puredots.analyzer.model.attribution.Cause;
import io.puredots.analyzer.model.attribution.CauseDetail;
import io.puredots.analyzer.model.attribution.CauseKind;
import io.puredots.analyzer.model.attribution.CpuShare;
import io.puredots.analyzer.stats.IndexSort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recording's merged JVM intervals, CPU samples and allocation buckets, sorted once and then
 * asked, per time window (a frame, a streak), what overlapped it. Not thread-safe; built once
 * per result.
 *
 * <p>It gathers the data of each {@link Cause} (names from the recording, times in ns); the
 * writers word it.
 */
final class OverlapIndex {
    private final AttributionSettings s;
    private final Intervals iv;
    private final long maxDuration;
    private final Map<Long, String[]> gcNames;
    private final Map<Long, List<Integer>> phasesByGc = new HashMap<>();
    private final long[] cpuTime;
    private final double[] cpuJvm;
    private final double[] cpuMachine;
    private final long[] bucket;
    private final long[] bucketBytes;
    private final double meanRate;

    OverlapIndex(AttributionSettings s, Intervals iv, Map<Long, String[]> gcNames, long[] cpuTime, double[] cpuJvm,
           double[] cpuMachine, long[] buckets, long[] bucketBytesIn, long allocTotal, long spanStart, long spanEnd) {
        this.s = s;
        this.iv = iv;
        this.gcNames = gcNames;
        long max = 0;
        for (int i = 0; i < iv.size; i++) {
            max = Math.max(max, iv.duration[i]);
            if (iv.kind[i] == Intervals.GC_PHASE) {
                phasesByGc.computeIfAbsent(iv.aux[i], k -> new ArrayList<>()).add(i);
            }
        }
        maxDuration = max;
        this.cpuTime = cpuTime.clone();
        this.cpuJvm = cpuJvm.clone();
        this.cpuMachine = cpuMachine.clone();
        sortTogether(this.cpuTime, this.cpuJvm, this.cpuMachine);
        // buckets: sort by index, sum duplicates (a bucket split between two chunks)
        int m = buckets.length;
        int[] o = IndexSort.ascending(buckets, m);
        long[] nb = new long[m];
        long[] nbb = new long[m];
        int u = 0;
        for (int i : o) {
            if (u > 0 && nb[u - 1] == buckets[i]) {
                nbb[u - 1] += bucketBytesIn[i];
            } else {
                nb[u] = buckets[i];
                nbb[u] = bucketBytesIn[i];
                u++;
            }
        }
        bucket = Arrays.copyOf(nb, u);
        bucketBytes = Arrays.copyOf(nbb, u);
        long firstSample = Long.MAX_VALUE;
        long lastSample = Long.MIN_VALUE;
        if (u > 0) {
            firstSample = bucket[0] * AttributionAggregator.BUCKET_NANOS;
            lastSample = (bucket[u - 1] + 1) * AttributionAggregator.BUCKET_NANOS;
        }
        long span = spanEnd > spanStart ? spanEnd - spanStart : lastSample - firstSample;
        meanRate = u > 0 && span > 0 ? allocTotal / (span / 1e9) : 0;
    }

    private static void sortTogether(long[] t, double[] a, double[] b) {
        int[] o = IndexSort.ascending(t, t.length);
        long[] t2 = t.clone();
        double[] a2 = a.clone();
        double[] b2 = b.clone();
        for (int i = 0; i < o.length; i++) {
            t[i] = t2[o[i]];
            a[i] = a2[o[i]];
            b[i] = b2[o[i]];
        }
    }

    /** First interval index whose start is >= from. */
    private int firstStartingAt(long from) {
        int lo = 0;
        int hi = iv.size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (iv.start[mid] < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * What overlapped [s0, e0): GC pauses one by one (or, with {@code aggregateGc}, as one
     * cause named after the longest), the other kinds aggregated.
     */
    List<Cause> causes(long s0, long e0, boolean aggregateGc) {
        List<Cause> out = new ArrayList<>();
        int gcCount = 0;
        long gcOverlap = 0;
        int gcLongest = -1;
        // per kind aggregates
        int spCount = 0;
        long spLongest = 0;
        long spOverlap = 0;
        LinkedHashMap<String, Boolean> vmOps = new LinkedHashMap<>();
        int jitCount = 0;
        long jitLongest = -1;
        List<long[]> jitSpans = new ArrayList<>(); // compilations run concurrently: union, not sum
        int jitLongestIdx = -1;
        int deoptCount = 0;
        int deoptFirst = -1;
        Map<String, long[]> waits = new LinkedHashMap<>(); // "kind|thread" -> {kind, count, longest, overlap, idx}
        for (int i = firstStartingAt(s0 - maxDuration); i < iv.size && iv.start[i] < e0 + 1; i++) {
            if (!iv.overlaps(i, s0, e0)) {
                continue;
            }
            long ov = iv.overlapNanos(i, s0, e0);
            switch (iv.kind[i]) {
                case Intervals.GC_PAUSE -> {
                    if (!aggregateGc) {
                        out.add(new Cause(CauseKind.GC_PAUSE, collector(iv.aux[i]), gcDetail(i), 1,
                                iv.duration[i], ov));
                    }
                    gcCount++;
                    gcOverlap += ov;
                    if (gcLongest < 0 || iv.duration[i] > iv.duration[gcLongest]) {
                        gcLongest = i;
                    }
                }
                case Intervals.SAFEPOINT -> {
                    spCount++;
                    spLongest = Math.max(spLongest, iv.duration[i]);
                    spOverlap += ov;
                }
                case Intervals.VM_OPERATION -> {
                    if (vmOps.size() < 3) {
                        vmOps.put(iv.text[i], Boolean.TRUE);
                    }
                }
                case Intervals.COMPILATION -> {
                    jitCount++;
                    jitSpans.add(new long[] {Math.max(iv.start[i], s0), Math.min(iv.end(i), e0)});
                    if (iv.duration[i] > jitLongest) {
                        jitLongest = iv.duration[i];
                        jitLongestIdx = i;
                    }
                }
                case Intervals.DEOPTIMIZATION -> {
                    if (deoptCount++ == 0) {
                        deoptFirst = i;
                    }
                }
                case Intervals.MONITOR_ENTER, Intervals.THREAD_PARK -> {
                    long[] w = waits.computeIfAbsent(iv.kind[i] + "|" + iv.text[i],
                            k -> new long[] {0, 0, -1, 0, -1});
                    w[0] = iv.kind[i];
                    w[1]++;
                    if (iv.duration[i] > w[2]) {
                        w[2] = iv.duration[i];
                        w[4] = i;
                    }
                    w[3] += ov;
                }
                default -> {
                }
            }
        }
        if (aggregateGc && gcCount > 0) {
            out.add(new Cause(CauseKind.GC_PAUSE, collector(iv.aux[gcLongest]), gcDetail(gcLongest), gcCount,
                    iv.duration[gcLongest], gcOverlap));
        }
        if (spCount > 0) {
            out.add(new Cause(CauseKind.SAFEPOINT, String.join(", ", vmOps.keySet()), new CauseDetail.None(), spCount,
                    spLongest, spOverlap));
        }
        if (jitCount > 0) {
            long jitOverlap = unionNanos(jitSpans);
            out.add(new Cause(CauseKind.COMPILATION, iv.text[jitLongestIdx],
                    new CauseDetail.Compilation(iv.text2[jitLongestIdx], iv.aux[jitLongestIdx] != 0,
                            iv.level[jitLongestIdx]), jitCount, jitLongest, jitOverlap));
        }
        for (long[] w : waits.values()) {
            int i = (int) w[4];
            out.add(new Cause(w[0] == Intervals.MONITOR_ENTER ? CauseKind.MONITOR_ENTER : CauseKind.THREAD_PARK,
                    iv.text[i], new CauseDetail.Wait(iv.text2[i]), (int) w[1], w[2], w[3]));
        }
        if (deoptCount > 0) {
            out.add(new Cause(CauseKind.DEOPTIMIZATION, iv.text[deoptFirst],
                    new CauseDetail.Deoptimization(iv.text2[deoptFirst], iv.text3[deoptFirst]), deoptCount, 0, 0));
        }
        // what stops the simulation (pauses, safepoints, waits on its threads) before what
        // runs beside it (JIT threads) or is an instant (deoptimization)
        out.sort(Comparator.comparing((Cause c) -> c.kind() == CauseKind.COMPILATION
                        || c.kind() == CauseKind.DEOPTIMIZATION)
                .thenComparing(Comparator.comparingLong(Cause::overlapNanos).reversed())
                .thenComparing(Cause::kind));
        return out;
    }

    private static long unionNanos(List<long[]> spans) {
        spans.sort((a, b) -> Long.compare(a[0], b[0]));
        long total = 0;
        long curS = Long.MIN_VALUE;
        long curE = Long.MIN_VALUE;
        for (long[] sp : spans) {
            if (sp[0] > curE) {
                total += Math.max(0, curE - curS);
                curS = sp[0];
                curE = sp[1];
            } else {
                curE = Math.max(curE, sp[1]);
            }
        }
        return total + Math.max(0, curE - curS);
    }

    private String collector(long gcId) {
        String[] n = gcNames.get(gcId);
        if (n == null) {
            return "GC";
        }
        return switch (n[0]) {
            case "G1New" -> "G1 young";
            case "G1Old" -> "G1 old";
            case "G1Full" -> "G1 full";
            case "ParallelScavenge", "DefNew" -> n[0] + " young";
            case "ParallelOld", "SerialOld" -> n[0] + " full";
            default -> n[0];
        };
    }

    /** The pause name, the GC's cause and its three longest phases, longest first. */
    private CauseDetail.GcPause gcDetail(int pause) {
        String[] n = gcNames.get(iv.aux[pause]);
        List<Integer> sorted = new ArrayList<>(phasesByGc.getOrDefault(iv.aux[pause], List.of()));
        sorted.sort((a, b) -> Long.compare(iv.duration[b], iv.duration[a]));
        List<CauseDetail.Phase> phases = new ArrayList<>();
        for (int k = 0; k < Math.min(3, sorted.size()); k++) {
            int p = sorted.get(k);
            phases.add(new CauseDetail.Phase(iv.text[p], iv.duration[p]));
        }
        return new CauseDetail.GcPause(iv.text[pause], n == null ? "" : n[1], phases);
    }

    /** The CPU sample covering a frame: the first at or after its end, else the last before. */
    CpuShare cpuFor(long s0, long e0) {
        if (cpuTime.length == 0) {
            return null;
        }
        int i = Arrays.binarySearch(cpuTime, e0);
        if (i < 0) {
            i = -i - 1;
        }
        long limit = 10_000_000_000L;
        if (i < cpuTime.length && cpuTime[i] - e0 <= limit) {
            return CpuShare.of(cpuTime[i], cpuMachine[i], cpuJvm[i]);
        }
        if (i > 0 && s0 - cpuTime[i - 1] <= limit) {
            return CpuShare.of(cpuTime[i - 1], cpuMachine[i - 1], cpuJvm[i - 1]);
        }
        return null;
    }

    /** The sample with the highest machine load among those covering a streak. */
    CpuShare cpuPeak(long s0, long e0) {
        CpuShare best = null;
        int i = Arrays.binarySearch(cpuTime, s0);
        if (i < 0) {
            i = -i - 1;
        }
        for (; i < cpuTime.length && cpuTime[i] <= e0; i++) {
            if (best == null || cpuMachine[i] > best.machine()) {
                best = CpuShare.of(cpuTime[i], cpuMachine[i], cpuJvm[i]);
            }
        }
        return best != null ? best : cpuFor(s0, e0);
    }

    AllocationRate allocation(long s0, long e0) {
        if (bucket.length == 0) {
            return null;
        }
        long len = Math.max(e0 - s0, s.allocationWindowNanos());
        long ws = s0 + (e0 - s0) / 2 - len / 2;
        long we = ws + len;
        long w = AttributionAggregator.BUCKET_NANOS;
        int i = Arrays.binarySearch(bucket, Math.floorDiv(ws, w));
        if (i < 0) {
            i = -i - 1;
        }
        double bytes = 0;
        for (; i < bucket.length && bucket[i] * w < we; i++) {
            long bs = bucket[i] * w;
            long ov = Math.min(bs + w, we) - Math.max(bs, ws);
            bytes += bucketBytes[i] * (double) ov / w;
        }
        double rate = bytes / (len / 1e9);
        double ratio = meanRate > 0 ? rate / meanRate : 0;
        return new AllocationRate(ws, len, rate, meanRate, ratio, meanRate > 0 && ratio >= s.allocationSpikeRatio());
    }
}
