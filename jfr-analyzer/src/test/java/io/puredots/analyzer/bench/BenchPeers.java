package io.puredots.analyzer.bench;

import io.puredots.analyzer.read.EventHandler;
import io.puredots.analyzer.read.ReadOptions;
import io.puredots.analyzer.read.ReadResult;
import io.puredots.analyzer.read.RecordingReader;
import io.puredots.events.EventNames;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import one.jfr.JfrReader;
import one.jfr.event.Event;
import org.HdrHistogram.Histogram;
import org.openjdk.jmc.common.item.Attribute;
import org.openjdk.jmc.common.item.IItem;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.item.IItemIterable;
import org.openjdk.jmc.common.item.IMemberAccessor;
import org.openjdk.jmc.common.item.ItemFilters;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.unit.UnitLookup;
import org.openjdk.jmc.flightrecorder.JfrAttributes;
import org.openjdk.jmc.flightrecorder.JfrLoaderToolkit;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The readers compared in BENCHMARKS.md "Analyzer: report on the game's recording", one per run
 * (the script times each in its own JVM). Every mode prints what it computed, so that the
 * script can check that all agree:
 * counting modes print the event count; per-group modes print, per system group, the number of
 * {@code puredots.SystemGroupTick} events and the p99 and max of their durations (HdrHistogram,
 * 3 significant digits).
 *
 * <p>Usage: {@code BenchPeers <mode> <file.jfr>}, modes: rf-count, rf-group, jmc-group,
 * jfrreader-walk, jfrreader-group, jfrreader-full, fast-count, fast-group, fast-all.
 *
 * <p>jfrreader-full is the hand-made script a user would write on async-profiler's parser to get
 * the core of {@code report}: it decodes every event of the eight per-frame puredots types and
 * keeps a histogram per frame, system group, system, registry, and for job run time, queue
 * wait, chain depth and main-thread wait, plus busy time per thread. It prints the frame and
 * group lines, which {@code report}'s numbers must match. It does less than {@code report}: no
 * per-tick sums, streaks, idle gaps, memory, JDK events or slow-frame attribution.
 */
public final class BenchPeers {
    private BenchPeers() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path file = Path.of(args[1]);
        String out = switch (mode) {
            case "rf-count" -> rfCount(file);
            case "rf-group" -> print(rfGroup(file));
            case "jmc-group" -> print(jmcGroup(file));
            case "jfrreader-walk" -> jfrReaderWalk(file);
            case "jfrreader-group" -> print(jfrReaderGroup(file));
            case "jfrreader-full" -> jfrReaderFull(file);
            case "fast-count" -> fastCount(file);
            case "fast-group" -> print(fastGroup(file));
            case "fast-all" -> fastAll(file);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
        System.out.println(mode + " " + out);
    }

    static Histogram newHistogram() {
        return new Histogram(3);
    }

    static String print(Map<String, Histogram> byGroup) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Histogram> e : new TreeMap<>(byGroup).entrySet()) {
            Histogram h = e.getValue();
            sb.append(e.getKey()).append(":n=").append(h.getTotalCount()).append(",p99=")
                    .append(h.getValueAtPercentile(99)).append(",max=").append(h.getMaxValue()).append(' ');
        }
        return sb.toString().trim();
    }

    // ---- jdk.jfr.consumer.RecordingFile --------------------------------------------------------

    static String rfCount(Path file) throws Exception {
        long n = 0;
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                rf.readEvent();
                n++;
            }
        }
        return "events=" + n;
    }

    static Map<String, Histogram> rfGroup(Path file) throws Exception {
        Map<String, Histogram> byGroup = new TreeMap<>();
        try (RecordingFile rf = new RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                if (e.getEventType().getName().equals(EventNames.SYSTEM_GROUP_TICK)) {
                    byGroup.computeIfAbsent(e.getString("group"), g -> newHistogram())
                            .recordValue(e.getDuration().toNanos());
                }
            }
        }
        return byGroup;
    }

    // ---- JMC -----------------------------------------------------------------------------------

    static Map<String, Histogram> jmcGroup(Path file) throws Exception {
        IItemCollection all = JfrLoaderToolkit.loadEvents(file.toFile());
        Map<String, Histogram> byGroup = new TreeMap<>();
        for (IItemIterable items : all.apply(ItemFilters.type(EventNames.SYSTEM_GROUP_TICK))) {
            IMemberAccessor<IQuantity, IItem> duration = JfrAttributes.DURATION.getAccessor(items.getType());
            IMemberAccessor<String, IItem> group = Attribute.attr("group", "Group", UnitLookup.PLAIN_TEXT)
                    .getAccessor(items.getType());
            for (IItem item : items) {
                byGroup.computeIfAbsent(group.getMember(item), g -> newHistogram())
                        .recordValue(duration.getMember(item).clampedLongValueIn(UnitLookup.NANOSECOND));
            }
        }
        return byGroup;
    }

    // ---- async-profiler one.jfr.JfrReader ------------------------------------------------------

    static String jfrReaderWalk(Path file) throws Exception {
        long n = 0;
        try (JfrReader jfr = new JfrReader(file.toString())) {
            while (jfr.readEvent() != null) {
                n++;
            }
        }
        return "builtInEvents=" + n;
    }

    /**
     * {@code puredots.SystemGroupTick} for JfrReader, which reads custom events positionally:
     * startTime, duration, eventThread, stackTrace, group, tick (layout of JDK 17 and 25).
     */
    public static final class GroupTick extends Event {
        final long duration;
        final String group;
        final long tick;

        public GroupTick(JfrReader jfr) {
            super(jfr.getVarlong(), 0, 0);
            this.duration = jfr.getVarlong();
            jfr.getVarlong(); // eventThread
            jfr.getVarlong(); // stackTrace
            this.group = jfr.getString();
            this.tick = jfr.getVarlong();
        }
    }

    static Map<String, Histogram> jfrReaderGroup(Path file) throws Exception {
        Map<String, Histogram> byGroup = new TreeMap<>();
        try (JfrReader jfr = new JfrReader(file.toString())) {
            jfr.registerEvent(EventNames.SYSTEM_GROUP_TICK, GroupTick.class);
            double nanosPerTick = 1e9 / jfr.ticksPerSec;
            GroupTick e;
            while ((e = jfr.readEvent(GroupTick.class)) != null) {
                byGroup.computeIfAbsent(e.group, g -> newHistogram()).recordValue((long) (e.duration * nanosPerTick));
            }
        }
        return byGroup;
    }

    // JfrReader reads custom events positionally; the layout of JDK 17 and 25 is startTime,
    // duration, eventThread, stackTrace, then the fields in declaration order (catalog-v1.txt).

    /** puredots.Frame. */
    public static final class FrameE extends Event {
        final long duration;

        public FrameE(JfrReader jfr) {
            super(jfr.getVarlong(), 0, 0);
            duration = jfr.getVarlong();
            jfr.getVarlong(); // eventThread
            jfr.getVarlong(); // stackTrace
            jfr.getVarlong(); // tick
            jfr.getVarint(); // entityCount
        }
    }

    /** puredots.SystemTick. */
    public static final class SystemTickE extends Event {
        final long duration;
        final String system;

        public SystemTickE(JfrReader jfr) {
            super(jfr.getVarlong(), 0, 0);
            duration = jfr.getVarlong();
            jfr.getVarlong();
            jfr.getVarlong();
            system = jfr.getString();
            jfr.getString(); // group
            jfr.getVarlong(); // tick
            jfr.getVarint(); // entitiesProcessed
        }
    }

    /** puredots.JobSchedule. */
    public static final class JobScheduleE extends Event {
        final int chainDepth;

        public JobScheduleE(JfrReader jfr) {
            super(jfr.getVarlong(), 0, 0);
            jfr.getVarlong(); // duration
            jfr.getVarlong();
            jfr.getVarlong();
            jfr.getVarlong(); // jobId
            jfr.getString(); // jobName
            jfr.getString(); // system
            jfr.getVarint(); // dependencyCount
            chainDepth = jfr.getVarint();
            jfr.getVarint(); // batchCount
            jfr.getVarlong(); // tick
        }
    }

    /** puredots.JobRun. */
    public static final class JobRunE extends Event {
        final long duration;
        final int thread;
        final long queueWait;

        public JobRunE(JfrReader jfr) {
            super(jfr.getVarlong(), 0, 0);
            duration = jfr.getVarlong();
            thread = jfr.getVarint(); // eventThread
            jfr.getVarlong();
            jfr.getVarlong(); // jobId
            jfr.getString(); // jobName
            jfr.getVarint(); // batchIndex
            jfr.getVarlong(); // tick
            queueWait = jfr.getVarlong();
        }
    }

    /** puredots.MainThreadWait. */
    public static final class MainWaitE extends Event {
        final long duration;

        public MainWaitE(JfrReader jfr) {
            super(jfr.getVarlong(), 0, 0);
            duration = jfr.getVarlong();
            jfr.getVarlong();
            jfr.getVarlong();
            jfr.getVarlong(); // tick
            jfr.getString(); // system
        }
    }

    /** puredots.RegistryUpdate. */
    public static final class RegistryE extends Event {
        final long duration;
        final String registry;

        public RegistryE(JfrReader jfr) {
            super(jfr.getVarlong(), 0, 0);
            duration = jfr.getVarlong();
            jfr.getVarlong();
            jfr.getVarlong();
            registry = jfr.getString();
            jfr.getVarlong(); // tick
            jfr.getVarint(); // entryCount
            jfr.getVarint(); // adds
            jfr.getVarint(); // removes
            jfr.getVarint(); // updates
        }
    }

    /** puredots.SpatialGridRebuild. */
    public static final class GridE extends Event {
        final long duration;

        public GridE(JfrReader jfr) {
            super(jfr.getVarlong(), 0, 0);
            duration = jfr.getVarlong();
            jfr.getVarlong();
            jfr.getVarlong();
            jfr.getVarlong(); // tick
            jfr.getVarint(); // cellCount
            jfr.getVarint(); // entityCount
            jfr.getVarint(); // maxCellOccupancy
        }
    }

    static String jfrReaderFull(Path file) throws Exception {
        Histogram frames = newHistogram();
        Map<String, Histogram> groups = new TreeMap<>();
        Map<String, Histogram> systems = new java.util.HashMap<>();
        Map<String, Histogram> registries = new java.util.HashMap<>();
        Histogram runTime = newHistogram();
        Histogram queueWait = newHistogram();
        Histogram chainDepth = newHistogram();
        Histogram mainWait = newHistogram();
        Histogram grid = newHistogram();
        Map<Integer, long[]> busyByThread = new java.util.HashMap<>();
        long events = 0;
        try (JfrReader jfr = new JfrReader(file.toString())) {
            jfr.registerEvent(EventNames.FRAME, FrameE.class);
            jfr.registerEvent(EventNames.SYSTEM_GROUP_TICK, GroupTick.class);
            jfr.registerEvent(EventNames.SYSTEM_TICK, SystemTickE.class);
            jfr.registerEvent(EventNames.JOB_SCHEDULE, JobScheduleE.class);
            jfr.registerEvent(EventNames.JOB_RUN, JobRunE.class);
            jfr.registerEvent(EventNames.MAIN_THREAD_WAIT, MainWaitE.class);
            jfr.registerEvent(EventNames.REGISTRY_UPDATE, RegistryE.class);
            jfr.registerEvent(EventNames.SPATIAL_GRID_REBUILD, GridE.class);
            double nanosPerTick = 1e9 / jfr.ticksPerSec;
            Event e;
            while ((e = jfr.readEvent()) != null) {
                events++;
                if (e instanceof SystemTickE s) {
                    systems.computeIfAbsent(s.system, g -> newHistogram()).recordValue((long) (s.duration * nanosPerTick));
                } else if (e instanceof JobRunE r) {
                    long d = (long) (r.duration * nanosPerTick);
                    runTime.recordValue(d);
                    queueWait.recordValue(r.queueWait);
                    busyByThread.computeIfAbsent(r.thread, t -> new long[1])[0] += d;
                } else if (e instanceof JobScheduleE j) {
                    chainDepth.recordValue(j.chainDepth);
                } else if (e instanceof GroupTick g) {
                    groups.computeIfAbsent(g.group, x -> newHistogram()).recordValue((long) (g.duration * nanosPerTick));
                } else if (e instanceof RegistryE r) {
                    registries.computeIfAbsent(r.registry, x -> newHistogram())
                            .recordValue((long) (r.duration * nanosPerTick));
                } else if (e instanceof FrameE f) {
                    frames.recordValue((long) (f.duration * nanosPerTick));
                } else if (e instanceof MainWaitE w) {
                    mainWait.recordValue((long) (w.duration * nanosPerTick));
                } else if (e instanceof GridE g) {
                    grid.recordValue((long) (g.duration * nanosPerTick));
                }
            }
        }
        return "events=" + events + " frames:n=" + frames.getTotalCount() + ",p99=" + frames.getValueAtPercentile(99)
                + ",max=" + frames.getMaxValue() + " systems=" + systems.size() + " jobRuns=" + runTime.getTotalCount()
                + " " + print(groups);
    }

    // ---- ours ----------------------------------------------------------------------------------

    /** Per-group durations of one chunk; groups keyed by identity (the reader's strings are canonical). */
    static final class GroupHandler implements EventHandler {
        final Map<String, Histogram> byGroup = new IdentityHashMap<>();

        @Override
        public void systemGroupTick(long startNanos, long durationNanos, String group, long tick) {
            Histogram h = byGroup.get(group);
            if (h == null) {
                h = newHistogram();
                byGroup.put(group, h);
            }
            h.recordValue(durationNanos);
        }
    }

    static Map<String, Histogram> fastGroup(Path file) throws Exception {
        ReadResult<GroupHandler> r = RecordingReader.read(List.of(file), GroupHandler::new, ReadOptions.defaults());
        Map<String, Histogram> merged = new TreeMap<>();
        for (GroupHandler h : r.handlers()) {
            h.byGroup.forEach((g, hist) -> merged.computeIfAbsent(g, k -> newHistogram()).add(hist));
        }
        return merged;
    }

    /** Receives every puredots event (all fields decoded) and folds them into a checksum. */
    static final class AllHandler extends ChecksumFold {

        @Override
        public void frame(long startNanos, long durationNanos, long tick, int entityCount) {
            add(startNanos, durationNanos, tick + entityCount, null);
        }

        @Override
        public void systemGroupTick(long startNanos, long durationNanos, String group, long tick) {
            add(startNanos, durationNanos, tick, group);
        }

        @Override
        public void systemTick(long startNanos, long durationNanos, String system, String group, long tick,
                               int entitiesProcessed) {
            add(startNanos, durationNanos, tick + entitiesProcessed, system);
        }

        @Override
        public void jobSchedule(long startNanos, long durationNanos, long threadId, long jobId, String jobName,
                                String system, int dependencyCount, int chainDepth, int batchCount, long tick) {
            add(startNanos, durationNanos, threadId + jobId + dependencyCount + chainDepth + batchCount + tick, jobName);
        }

        @Override
        public void jobRun(long startNanos, long durationNanos, long threadId, String threadName, long jobId,
                           String jobName, int batchIndex, long tick, long queueWaitNanos) {
            add(startNanos, durationNanos, threadId + jobId + batchIndex + tick + queueWaitNanos, jobName);
        }

        @Override
        public void mainThreadWait(long startNanos, long durationNanos, long threadId, long tick, String system) {
            add(startNanos, durationNanos, threadId + tick, system);
        }

        @Override
        public void registryUpdate(long startNanos, long durationNanos, String registry, long tick, int entryCount,
                                   int adds, int removes, int updates) {
            add(startNanos, durationNanos, tick + entryCount + adds + removes + updates, registry);
        }

        @Override
        public void spatialGridRebuild(long startNanos, long durationNanos, long tick, int cellCount,
                                       int entityCount, int maxCellOccupancy) {
            add(startNanos, durationNanos, tick + cellCount + entityCount + maxCellOccupancy, null);
        }
    }

    static String fastAll(Path file) throws Exception {
        ReadResult<AllHandler> r = RecordingReader.read(List.of(file), AllHandler::new, ReadOptions.defaults());
        long events = 0;
        long sum = 0;
        for (AllHandler h : r.handlers()) {
            events += h.events;
            sum += h.sum;
        }
        return "puredotsEvents=" + events + " checksumLow16=" + (sum & 0xFFFF);
    }

    static String fastCount(Path file) throws Exception {
        ReadResult<EventHandler> r = RecordingReader.read(List.of(file), () -> new EventHandler() {
        }, ReadOptions.defaults());
        return "events=" + r.totalEvents() + " chunks=" + r.chunks().size();
    }
}
