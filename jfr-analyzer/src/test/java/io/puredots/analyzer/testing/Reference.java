package io.puredots.analyzer.testing;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plain reference for the report's statistics: every event of the recordings read with
 * {@code jdk.jfr.consumer.RecordingFile} into lists, joined by tick with maps, sorted. Slow and
 * obviously right; for tests only.
 */
public final class Reference {
    public final List<RecordedEvent> events = new ArrayList<>();

    public Reference(Path... files) throws IOException {
        for (Path f : files) {
            events.addAll(RecordingFile.readAllEvents(f));
        }
    }

    public List<RecordedEvent> of(String type) {
        List<RecordedEvent> l = new ArrayList<>();
        for (RecordedEvent e : events) {
            if (e.getEventType().getName().equals(type)) {
                l.add(e);
            }
        }
        return l;
    }

    /** Events of {@code type} by the value of {@code field}, in first-seen order. */
    public Map<String, List<RecordedEvent>> by(String type, String field) {
        Map<String, List<RecordedEvent>> m = new LinkedHashMap<>();
        for (RecordedEvent e : of(type)) {
            m.computeIfAbsent(e.getString(field), k -> new ArrayList<>()).add(e);
        }
        return m;
    }

    public Map<String, List<RecordedEvent>> perGroup() {
        return by("puredots.SystemGroupTick", "group");
    }

    public Map<String, List<RecordedEvent>> perSystem() {
        return by("puredots.SystemTick", "system");
    }

    public Map<String, List<RecordedEvent>> perRegistry() {
        return by("puredots.RegistryUpdate", "registry");
    }

    public static long nanos(RecordedEvent e) {
        return e.getDuration().toNanos();
    }

    /** Durations of the events of {@code type}, optionally only those with {@code field == value}. */
    public List<Long> durations(String type, String field, String value) {
        List<Long> l = new ArrayList<>();
        for (RecordedEvent e : of(type)) {
            if (field == null || value.equals(e.getString(field))) {
                l.add(nanos(e));
            }
        }
        return l;
    }

    /** Duration summed per tick, by tick, for events of {@code type} (with {@code field == value}). */
    public TreeMap<Long, Long> perTick(String type, String field, String value) {
        TreeMap<Long, Long> m = new TreeMap<>();
        for (RecordedEvent e : of(type)) {
            if (field == null || value.equals(e.getString(field))) {
                m.merge(e.getLong("tick"), nanos(e), Long::sum);
            }
        }
        return m;
    }

    public static long overCount(Map<Long, Long> perTick, long limit) {
        return perTick.values().stream().filter(v -> v > limit).count();
    }

    /** Longest run of consecutive ticks (differing by 1) whose value is over {@code limit}. */
    public static long longestRun(TreeMap<Long, Long> perTick, long limit) {
        long best = 0;
        long run = 0;
        long prev = Long.MIN_VALUE;
        for (Map.Entry<Long, Long> e : perTick.entrySet()) {
            boolean over = e.getValue() > limit;
            if (!over) {
                run = 0;
            } else {
                run = (prev != Long.MIN_VALUE && e.getKey() == prev + 1 && run > 0) ? run + 1 : 1;
            }
            best = Math.max(best, run);
            prev = e.getKey();
        }
        return best;
    }

    /** Job run busy time per thread id. */
    public Map<Long, Long> busyByThread() {
        Map<Long, Long> m = new HashMap<>();
        for (RecordedEvent e : of("puredots.JobRun")) {
            m.merge(e.getThread().getJavaThreadId(), nanos(e), Long::sum);
        }
        return m;
    }

    /** Gaps between consecutive job runs of one thread within one tick, sorted by start. */
    public List<Long> idleGaps() {
        Map<String, List<RecordedEvent>> byThreadTick = new LinkedHashMap<>();
        for (RecordedEvent e : of("puredots.JobRun")) {
            RecordedThread t = e.getThread();
            byThreadTick.computeIfAbsent(t.getJavaThreadId() + "/" + e.getLong("tick"), k -> new ArrayList<>()).add(e);
        }
        List<Long> gaps = new ArrayList<>();
        for (List<RecordedEvent> runs : byThreadTick.values()) {
            runs.sort(Comparator.comparing(RecordedEvent::getStartTime));
            for (int i = 1; i < runs.size(); i++) {
                long gap = java.time.Duration.between(runs.get(i - 1).getEndTime(), runs.get(i).getStartTime()).toNanos();
                gaps.add(Math.max(0, gap));
            }
        }
        return gaps;
    }

    /**
     * For periodic samples in start time order: after each sample, the sum over keys of each
     * key's latest {@code valueField}.
     */
    public List<Long> latestTotals(String type, String[] keyFields, String valueField) {
        List<RecordedEvent> l = of(type);
        l.sort(Comparator.comparing(RecordedEvent::getStartTime));
        List<Long> totals = new ArrayList<>();
        Map<String, Long> latest = new HashMap<>();
        for (RecordedEvent e : l) {
            StringBuilder k = new StringBuilder();
            for (String f : keyFields) {
                k.append(e.getString(f)).append('\u0000');
            }
            latest.put(k.toString(), e.getLong(valueField));
            totals.add(latest.values().stream().mapToLong(Long::longValue).sum());
        }
        return totals;
    }
}
