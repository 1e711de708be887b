package io.puredots.sim.jobs;

/** A unit of work run once by the job system, on a worker or on the main thread. */
@FunctionalInterface
public interface Job {
    void execute();
}
