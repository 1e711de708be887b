package io.puredots.sim.jobs;

/**
 * A parallel-for body: called once per batch with a half-open index range. Batches of one job
 * run concurrently, so a body must write only to its own index range (and read shared data that
 * no job of the same phase writes).
 */
@FunctionalInterface
public interface ParallelJob {
    /**
     * @param start first index of the batch, inclusive
     * @param end   last index of the batch, exclusive; {@code end - start <= batchSize}
     */
    void execute(int start, int end);
}
