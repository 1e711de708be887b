package io.puredots.sim.jobs;

/**
 * A job threw. Surfaces at {@link JobScheduler#complete(JobHandle)} of the job or of any job
 * that depended on it; the message names the job that threw.
 */
public final class JobException extends RuntimeException {
    private final String jobName;

    JobException(String jobName, Throwable cause) {
        super("job '" + jobName + "' failed: " + cause, cause);
        this.jobName = jobName;
    }

    /** Name of the job that threw. */
    public String jobName() {
        return jobName;
    }
}
