package io.puredots.analyzer.model.attribution;

/**
 * CPU load around a frame, from the {@code jdk.CPULoad} sample covering it. Immutable.
 *
 * @param sampleNanos     time of the sample used, epoch ns; it describes the period before it
 * @param machine         whole machine, 0..1
 * @param jvm             this JVM (user + system), 0..1
 * @param otherProcesses  CPU taken by other processes: machine minus this JVM, never below 0
 */
public record CpuShare(long sampleNanos, double machine, double jvm, double otherProcesses) {

    /** A share with {@code otherProcesses} derived from the machine and JVM loads. */
    public static CpuShare of(long sampleNanos, double machine, double jvm) {
        return new CpuShare(sampleNanos, machine, jvm, Math.max(0, machine - jvm));
    }
}
