package io.puredots.analyzer.stats.attribution;

import io.puredots.analyzer.model.attribution.HotMethods;
import io.puredots.analyzer.read.SampledStack;
import io.puredots.analyzer.stats.IndexSort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The running total of hot methods: absorbs {@link ChunkSamples} partials in chunk order,
 * interning their stacks into one table, resolving the samples that fell outside their own
 * chunk's frames against the neighbouring chunks' frames (those before its first frame against
 * the last chunk with frames: a sample is taken before the chunk holding it ends, so only the
 * frame running across a chunk rotation lands in another chunk than its samples), and adding up
 * the normal-frame profile; {@link Query#hotMethods} answers for one frame or streak from the samples
 * kept.
 *
 * <p>Bounded: the kept samples are pruned with the JVM intervals (see {@link AttributionTotal});
 * the normal profile holds one count per distinct top method.
 *
 * <p>Not thread-safe: call {@code add} from one thread at a time, in chunk order.
 */
final class SampleTotal {
    static final int TOP_METHODS = 5;
    static final int TOP_STACKS = 3;

    private final StackTable stacks = new StackTable();
    private Samples kept = new Samples();
    /** Samples after the previous chunk's last frame: the next chunk's first frame may hold them. */
    private Samples pending = new Samples();
    private FrameSpans previous = FrameSpans.NONE;
    private final Map<String, long[]> normal = new HashMap<>();
    private long normalTotal;
    private long seen;
    private long dropped;

    void add(ChunkSamples p) {
        seen += p.seen;
        dropped += p.dropped;
        int[] ids = new int[p.stacks.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = stacks.id(p.stacks.stack(i));
        }
        // samples after the last frames seen: in this chunk's frames, or still waiting for a later chunk's
        Samples waiting = pending;
        pending = new Samples();
        for (int i = 0; i < waiting.size; i++) {
            if (!countIfNormal(waiting, i, p.spans, null) && !p.spans.beforeLastEnd(waiting.time[i])) {
                pending.addFrom(waiting, i, null);
            }
        }
        // this chunk's samples outside its frames: kept for the join (a streak may span the rotation),
        // and counted once their frame is known
        for (int i = 0; i < p.edges.size; i++) {
            kept.addFrom(p.edges, i, ids);
            if (!countIfNormal(p.edges, i, previous, ids) && !p.spans.beforeFirst(p.edges.time[i])) {
                pending.addFrom(p.edges, i, ids);
            }
        }
        for (int i = 0; i < p.kept.size; i++) {
            kept.addFrom(p.kept, i, ids);
        }
        p.normal.forEach((m, c) -> normal.computeIfAbsent(m, k -> new long[1])[0] += c[0]);
        normalTotal += p.normalTotal;
        if (!p.spans.isEmpty()) {
            previous = p.spans;
        }
    }

    /**
     * Whether sample {@code i} of {@code from} is in a frame of {@code spans}; if so, it is
     * counted in the normal profile when that frame is within the budget.
     */
    private boolean countIfNormal(Samples from, int i, FrameSpans spans, int[] ids) {
        int f = spans.frameAt(from.time[i]);
        if (f < 0) {
            return false;
        }
        if (!spans.over(f)) {
            int id = ids == null ? from.stack[i] : ids[from.stack[i]];
            ChunkSamples.countNormal(normal, stacks.stack(id).top());
            normalTotal++;
        }
        return true;
    }

    /** Keeps only the samples whose time {@code keep} accepts (pending ones stay). */
    void prune(LongPredicate keep) {
        boolean[] k = new boolean[kept.size];
        for (int i = 0; i < kept.size; i++) {
            k[i] = keep.test(kept.time[i]);
        }
        kept = kept.select(k);
    }

    int held() {
        return kept.size + pending.size;
    }

    long normalTotal() {
        return normalTotal;
    }

    long dropped() {
        return dropped;
    }

    /** Sorts the kept samples by time for {@link #hotMethods}; call once, before the queries. */
    Query query() {
        return new Query();
    }

    /** The kept samples sorted by time, asked per time span. */
    final class Query {
        private final int[] order = IndexSort.ascending(kept.time, kept.size);

        /**
         * What the simulation threads ran in {@code [s0, e0)}; {@code null} if the recording has
         * no sample of them at all.
         */
        HotMethods hotMethods(long s0, long e0) {
            if (seen == 0) {
                return null;
            }
            int lo = 0;
            int hi = order.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (kept.time[order[mid]] < s0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            Map<String, int[]> byMethod = new HashMap<>();
            Map<Integer, int[]> byStack = new HashMap<>();
            int n = 0;
            int onMain = 0;
            for (int k = lo; k < order.length && kept.time[order[k]] < e0; k++) {
                int i = order[k];
                n++;
                onMain += kept.main[i] ? 1 : 0;
                byMethod.computeIfAbsent(stacks.stack(kept.stack[i]).top(), m -> new int[1])[0]++;
                byStack.computeIfAbsent(kept.stack[i], s -> new int[1])[0]++;
            }
            List<HotMethods.HotMethod> methods = new ArrayList<>();
            for (Map.Entry<String, int[]> e : byMethod.entrySet()) {
                long[] normalCount = normal.get(e.getKey());
                double normalShare = normalTotal == 0 || normalCount == null ? 0 : (double) normalCount[0] / normalTotal;
                methods.add(new HotMethods.HotMethod(e.getKey(), e.getValue()[0], (double) e.getValue()[0] / n,
                        normalShare));
            }
            methods.sort(Comparator.comparingInt(HotMethods.HotMethod::samples).reversed()
                    .thenComparing(HotMethods.HotMethod::method));
            List<HotMethods.HotStack> hotStacks = new ArrayList<>();
            for (Map.Entry<Integer, int[]> e : byStack.entrySet()) {
                SampledStack s = stacks.stack(e.getKey());
                hotStacks.add(new HotMethods.HotStack(s.methods(), e.getValue()[0], (double) e.getValue()[0] / n));
            }
            hotStacks.sort(Comparator.comparingInt(HotMethods.HotStack::samples).reversed()
                    .thenComparing(h -> String.join(" ", h.methods())));
            return new HotMethods(n, onMain, methods.subList(0, Math.min(TOP_METHODS, methods.size())),
                    hotStacks.subList(0, Math.min(TOP_STACKS, hotStacks.size())));
        }
    }
}
