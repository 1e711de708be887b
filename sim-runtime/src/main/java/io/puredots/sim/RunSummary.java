package io.puredots.sim;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a run did: the end summary of the soak scene.
 *
 * @param ticks                 ticks run
 * @param warmupTicks           leading ticks excluded from the tick-time and allocation figures
 * @param meanTickNanos         mean frame time after warm-up, ns
 * @param p95TickNanos          95th percentile frame time after warm-up, ns
 * @param maxTickNanos          longest frame after warm-up, ns
 * @param entities              live entities at the end
 * @param nativeBytesReserved   off-heap bytes reserved by native containers at the end
 * @param nativeBytesUsed       part of them holding live data
 * @param directPoolBytes       the JVM's direct buffer pool at the end, -1 if unknown
 * @param checksum              world checksum at the end
 * @param allocatedBytesPerTick heap bytes allocated per tick after warm-up by the main and worker
 *                              threads, -1 if the JVM cannot measure it
 * @param cpuNanosPerTick       CPU time per tick after warm-up of the main and worker threads
 *                              (including their brief spin-waits), ns; -1 if not measurable
 * @param paused                whether the run stopped early on a critical budget breach
 * @param violations            budget violations reported
 * @param wallNanos             wall time of the tick loop, ns
 * @param workers               worker threads
 *
 * <p>Immutable.
 */
public record RunSummary(long ticks, long warmupTicks, double meanTickNanos, long p95TickNanos, long maxTickNanos,
                         int entities, long nativeBytesReserved, long nativeBytesUsed, long directPoolBytes,
                         long checksum, double allocatedBytesPerTick, double cpuNanosPerTick, boolean paused, long violations,
                         long wallNanos, int workers) {

    /** Native bytes reserved per live entity. */
    public double nativeBytesPerEntity() {
        return entities == 0 ? 0 : (double) nativeBytesReserved / entities;
    }

    /** Ticks per second of wall time. */
    public double ticksPerSecond() {
        return wallNanos == 0 ? 0 : ticks * 1e9 / wallNanos;
    }

    /** The short end summary printed by the soak scene. */
    public String format() {
        return String.format(Locale.ROOT,
                "sim-runtime summary%n"
                        + "  ticks        %d%s (%.1f ticks/s, %d workers)%n"
                        + "  tick time    mean %.3f ms, p95 %.3f ms, max %.3f ms (after %d warm-up ticks)%n"
                        + "  entities     %d%n"
                        + "  memory       native %s reserved, %s used, %.1f B/entity; direct pool %s%n"
                        + "  allocation   %s bytes/tick (main + workers, after warm-up)%n"
                        + "  cpu          %s ms/tick (main + workers, after warm-up)%n"
                        + "  budgets      %d violations%n"
                        + "  checksum     %016x%n",
                ticks, paused ? " (paused on critical budget breach)" : "", ticksPerSecond(), workers,
                meanTickNanos / 1e6, p95TickNanos / 1e6, maxTickNanos / 1e6, warmupTicks,
                entities,
                mib(nativeBytesReserved), mib(nativeBytesUsed), nativeBytesPerEntity(),
                directPoolBytes < 0 ? "unknown" : mib(directPoolBytes),
                allocatedBytesPerTick < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f", allocatedBytesPerTick),
                cpuNanosPerTick < 0 ? "unknown" : String.format(Locale.ROOT, "%.3f", cpuNanosPerTick / 1e6),
                violations, checksum);
    }

    /**
     * The summary's dump lines for {@code --dump-on-violation}: how many dumps were written, failed
     * and rate-limited, then one line per file written and the first failure.
     */
    public static String formatDumps(Path directory, List<Path> written, List<String> failures, long rateLimited) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "  dumps        %d written to %s, %d failed, %d rate-limited%n",
                written.size(), directory, failures.size(), rateLimited));
        for (Path p : written) {
            sb.append(String.format(Locale.ROOT, "               %s%n", p));
        }
        if (!failures.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "               failed: %s%n", failures.get(0)));
        }
        return sb.toString();
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.2f MiB", bytes / 1048576.0);
    }
}
