package io.puredots.analyzer.stats.attribution;

import io.puredots.analyzer.read.SampledStack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interned sampled stacks, cut to their top {@link #DEPTH} frames: one id per distinct cut
 * stack, so a sample is kept as an {@code int}. Memory: O(distinct cut stacks).
 *
 * <p>Not thread-safe.
 */
final class StackTable {
    /** Frames kept of each stack: enough to name a hot path, few enough to intern well. */
    static final int DEPTH = 6;

    private final Map<SampledStack, Integer> ids = new HashMap<>();
    private final List<SampledStack> stacks = new ArrayList<>();
    /** The last stack interned and its id: consecutive samples often share a pool entry. */
    private SampledStack last;
    private int lastId;

    /** The id of {@code stack} cut to {@link #DEPTH} frames. */
    int id(SampledStack stack) {
        if (stack == last) {
            return lastId;
        }
        SampledStack cut = stack.depth() <= DEPTH ? stack
                : SampledStack.of(stack.methods().subList(0, DEPTH), true);
        Integer id = ids.get(cut);
        if (id == null) {
            id = stacks.size();
            stacks.add(cut);
            ids.put(cut, id);
        }
        last = stack;
        lastId = id;
        return id;
    }

    SampledStack stack(int id) {
        return stacks.get(id);
    }

    int size() {
        return stacks.size();
    }
}
