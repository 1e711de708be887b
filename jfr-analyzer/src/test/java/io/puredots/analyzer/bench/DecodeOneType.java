package io.puredots.analyzer.bench;

import io.puredots.analyzer.read.EventHandler;
import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.read.ReadResult;
import io.puredots.analyzer.read.RecordingReader;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Decodes one puredots event type of a recording and nothing else, for the cost of decoding
 * that type (BENCHMARKS.md "Decoding cost per event type"): the decoder reads the fields of the
 * types whose callback the handler class overrides and skips the other events by size, so this
 * run less the {@code none} run is what that type's fields cost. Each handler folds what it gets
 * into a checksum, so nothing is optimised away.
 *
 * <p>Usage: {@code DecodeOneType <type> <file.jfr>}, type: none, frame, group, system,
 * jobSchedule, jobRun, mainThreadWait, registryUpdate, spatialGridRebuild. Prints the type, the
 * events it received and the checksum.
 */
public final class DecodeOneType {
    private DecodeOneType() {
    }

    /** Folds every call's values into a checksum. */
    abstract static class Fold implements EventHandler {
        long events;
        long sum;

        final void add(long start, long dur, long x, Object s) {
            events++;
            sum += start ^ dur ^ x ^ (s == null ? 0 : s.hashCode());
        }
    }

    static final class None extends Fold {
    }

    static final class Frame extends Fold {
        @Override
        public void frame(long startNanos, long durationNanos, long tick, int entityCount) {
            add(startNanos, durationNanos, tick + entityCount, null);
        }
    }

    static final class Group extends Fold {
        @Override
        public void systemGroupTick(long startNanos, long durationNanos, String group, long tick) {
            add(startNanos, durationNanos, tick, group);
        }
    }

    static final class SystemTick extends Fold {
        @Override
        public void systemTick(long startNanos, long durationNanos, String system, String group, long tick,
                               int entitiesProcessed) {
            add(startNanos, durationNanos, tick + entitiesProcessed, system);
        }
    }

    static final class JobSchedule extends Fold {
        @Override
        public void jobSchedule(long startNanos, long durationNanos, long threadId, long jobId, String jobName,
                                String system, int dependencyCount, int chainDepth, int batchCount, long tick) {
            add(startNanos, durationNanos, threadId + jobId + dependencyCount + chainDepth + batchCount + tick, jobName);
        }
    }

    static final class JobRun extends Fold {
        @Override
        public void jobRun(long startNanos, long durationNanos, long threadId, String threadName, long jobId,
                           String jobName, int batchIndex, long tick, long queueWaitNanos) {
            add(startNanos, durationNanos, threadId + jobId + batchIndex + tick + queueWaitNanos, jobName);
        }
    }

    static final class MainThreadWait extends Fold {
        @Override
        public void mainThreadWait(long startNanos, long durationNanos, long threadId, long tick, String system) {
            add(startNanos, durationNanos, threadId + tick, system);
        }
    }

    static final class RegistryUpdate extends Fold {
        @Override
        public void registryUpdate(long startNanos, long durationNanos, String registry, long tick, int entryCount,
                                   int adds, int removes, int updates) {
            add(startNanos, durationNanos, tick + entryCount + adds + removes + updates, registry);
        }
    }

    static final class SpatialGridRebuild extends Fold {
        @Override
        public void spatialGridRebuild(long startNanos, long durationNanos, long tick, int cellCount,
                                       int entityCount, int maxCellOccupancy) {
            add(startNanos, durationNanos, tick + cellCount + entityCount + maxCellOccupancy, null);
        }
    }

    private static final Map<String, Supplier<? extends Fold>> TYPES = Map.of(
            "none", None::new, "frame", Frame::new, "group", Group::new, "system", SystemTick::new,
            "jobSchedule", JobSchedule::new, "jobRun", JobRun::new, "mainThreadWait", MainThreadWait::new,
            "registryUpdate", RegistryUpdate::new, "spatialGridRebuild", SpatialGridRebuild::new);

    public static void main(String[] args) throws Exception {
        Supplier<? extends Fold> handler = TYPES.get(args[0]);
        if (handler == null) {
            throw new IllegalArgumentException("unknown type " + args[0] + " (" + TYPES.keySet() + ")");
        }
        ReadResult<? extends Fold> r = RecordingReader.read(List.of(Path.of(args[1])), handler, ReadOptions.defaults());
        long events = 0;
        long sum = 0;
        for (Fold f : r.handlers()) {
            events += f.events;
            sum += f.sum;
        }
        System.out.println(args[0] + " events=" + events + " checksumLow16=" + (sum & 0xFFFF));
    }
}
