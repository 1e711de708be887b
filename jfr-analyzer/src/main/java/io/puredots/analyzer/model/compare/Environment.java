package io.puredots.analyzer.model.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a run was recorded, from the recording's own JDK events: what decides whether two runs'
 * timings can be compared at all. Immutable; an unknown text is "" and an unknown number 0.
 *
 * @param jdk            {@code jdk.JVMInformation} jvmVersion (names the JDK build)
 * @param jvmName        {@code jdk.JVMInformation} jvmName
 * @param jvmArguments   {@code jdk.JVMInformation} jvmArguments (the JVM flags)
 * @param cores          {@code jdk.CPUInformation} cores
 * @param hwThreads      {@code jdk.CPUInformation} hwThreads
 * @param cpu            {@code jdk.CPUInformation} cpu (the processor type)
 * @param os             the first line of {@code jdk.OSInformation} osVersion
 * @param gc             {@code jdk.GCConfiguration} young and old collector, e.g. {@code G1New/G1Old}
 * @param maxHeapBytes   {@code jdk.GCHeapConfiguration} maxSize
 */
public record Environment(String jdk, String jvmName, String jvmArguments, int cores, int hwThreads, String cpu,
                          String os, String gc, long maxHeapBytes) {

    /** Nothing known. */
    public static final Environment UNKNOWN = new Environment("", "", "", 0, 0, "", "", "", 0);

    public Environment {
        Objects.requireNonNull(jdk);
        Objects.requireNonNull(jvmName);
        Objects.requireNonNull(jvmArguments);
        Objects.requireNonNull(cpu);
        Objects.requireNonNull(os);
        Objects.requireNonNull(gc);
    }

    /**
     * How {@code other} differs in what changes timings (JDK, cores, GC, max heap), one phrase
     * each, e.g. {@code cores 2 vs 8}; a value unknown on either side is not a difference.
     */
    public List<String> differences(Environment other) {
        List<String> out = new ArrayList<>();
        text(out, "JDK", jdk, other.jdk);
        if (cores != 0 && other.cores != 0 && (cores != other.cores || hwThreads != other.hwThreads)) {
            out.add("cores " + cores + "/" + hwThreads + " vs " + other.cores + "/" + other.hwThreads
                    + " (cores/hardware threads)");
        }
        text(out, "GC", gc, other.gc);
        if (maxHeapBytes != 0 && other.maxHeapBytes != 0 && maxHeapBytes != other.maxHeapBytes) {
            out.add("max heap " + (maxHeapBytes >> 20) + " MB vs " + (other.maxHeapBytes >> 20) + " MB");
        }
        return out;
    }

    private static void text(List<String> out, String what, String a, String b) {
        if (!a.isEmpty() && !b.isEmpty() && !a.equals(b)) {
            out.add(what + " '" + a + "' vs '" + b + "'");
        }
    }
}
