package io.puredots.analyzer.model.attribution;

import java.util.List;

/**
 * What the simulation threads (main and job workers) were running inside a slow frame or streak,
 * from the {@code jdk.ExecutionSample} events taken in its time span, against the same threads'
 * profile in normal frames (frames within the budget; every frame when there is no budget).
 * Immutable.
 *
 * @param samples           samples of the simulation threads in the frame or streak
 * @param mainThreadSamples those taken on the main thread
 * @param methods           the top-of-stack methods with the most samples, most first (ties: by name)
 * @param stacks            the stacks (cut to their top frames) with the most samples, most first
 */
public record HotMethods(int samples, int mainThreadSamples, List<HotMethod> methods, List<HotStack> stacks) {
    public HotMethods {
        methods = List.copyOf(methods);
        stacks = List.copyOf(stacks);
    }

    /**
     * One method that was on top of the stack.
     *
     * @param method      {@code "pkg.Class.method"}
     * @param samples     samples with it on top, in the frame or streak
     * @param share       {@code samples} over all samples of the frame or streak, 0..1
     * @param normalShare its share of the simulation threads' samples in normal frames, 0..1
     *                    (0 when there are none)
     */
    public record HotMethod(String method, int samples, double share, double normalShare) {
    }

    /**
     * One stack, cut to its top frames.
     *
     * @param methods frame methods, top first
     * @param samples samples with this stack, in the frame or streak
     * @param share   {@code samples} over all samples of the frame or streak, 0..1
     */
    public record HotStack(List<String> methods, int samples, double share) {
        public HotStack {
            methods = List.copyOf(methods);
        }
    }
}
