package io.puredots.analyzer.stats.attribution;

import io.puredots.analyzer.model.attribution.AttributionNote.JvmEvents;
import io.puredots.analyzer.stats.IndexSort;

import java.util.Arrays;

/**
 * Growable column store of JVM intervals (and instants, duration 0) of several kinds. Not
 * thread-safe; owned by one aggregator at a time.
 */
final class Intervals {
    static final byte GC_PAUSE = 0;      // level-0 pause; aux = gcId, text = pause name
    static final byte GC_PHASE = 1;      // level >= 1 phase; aux = gcId, level, text = phase name
    static final byte SAFEPOINT = 2;     // aux = safepoint id
    static final byte VM_OPERATION = 3;  // at safepoint only; text = operation
    static final byte COMPILATION = 4;   // aux = 1 if OSR, level, text = method, text2 = compiler
    static final byte DEOPTIMIZATION = 5; // instant; text = method, text2 = reason, text3 = action
    static final byte MONITOR_ENTER = 6; // aux = thread id, text = thread name, text2 = monitor class
    static final byte THREAD_PARK = 7;   // aux = thread id, text = thread name, text2 = parked class
    static final int KINDS = 8;
    /** The model's name of each kind, indexed by the constants above. */
    static final JvmEvents[] EVENTS = {JvmEvents.GC_PAUSE, JvmEvents.GC_PHASE, JvmEvents.SAFEPOINT,
        JvmEvents.VM_OPERATION, JvmEvents.COMPILATION, JvmEvents.DEOPTIMIZATION, JvmEvents.MONITOR_ENTER,
        JvmEvents.THREAD_PARK};

    byte[] kind = new byte[64];
    long[] start = new long[64];
    long[] duration = new long[64];
    long[] aux = new long[64];
    int[] level = new int[64];
    String[] text = new String[64];
    String[] text2 = new String[64];
    String[] text3 = new String[64];
    int size;

    void add(byte k, long startNanos, long durationNanos, long auxValue, int lvl, String t, String t2, String t3) {
        if (size == kind.length) {
            int n = size * 2;
            kind = Arrays.copyOf(kind, n);
            start = Arrays.copyOf(start, n);
            duration = Arrays.copyOf(duration, n);
            aux = Arrays.copyOf(aux, n);
            level = Arrays.copyOf(level, n);
            text = Arrays.copyOf(text, n);
            text2 = Arrays.copyOf(text2, n);
            text3 = Arrays.copyOf(text3, n);
        }
        kind[size] = k;
        start[size] = startNanos;
        duration[size] = Math.max(0, durationNanos);
        aux[size] = auxValue;
        level[size] = lvl;
        text[size] = t;
        text2[size] = t2;
        text3[size] = t3;
        size++;
    }

    void addFrom(Intervals o, int i) {
        add(o.kind[i], o.start[i], o.duration[i], o.aux[i], o.level[i], o.text[i], o.text2[i], o.text3[i]);
    }

    long end(int i) {
        return start[i] + duration[i];
    }

    /** Whether entry i overlaps [s, e); an instant overlaps if s <= t < e. */
    boolean overlaps(int i, long s, long e) {
        long a = start[i];
        if (duration[i] == 0) {
            return a >= s && a < e;
        }
        return a < e && a + duration[i] > s;
    }

    long overlapNanos(int i, long s, long e) {
        return Math.max(0, Math.min(end(i), e) - Math.max(start[i], s));
    }

    /** A copy holding the entries for which keep[i] is true, sorted by start. */
    Intervals select(boolean[] keep) {
        int[] idx = new int[size];
        long[] starts = new long[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (keep[i]) {
                starts[n] = start[i];
                idx[n++] = i;
            }
        }
        Intervals out = new Intervals();
        for (int j : IndexSort.ascending(starts, n)) {
            out.addFrom(this, idx[j]);
        }
        return out;
    }

    /** All entries of several stores, sorted by start. */
    static Intervals concat(Iterable<Intervals> parts) {
        Intervals all = new Intervals();
        for (Intervals p : parts) {
            for (int i = 0; i < p.size; i++) {
                all.addFrom(p, i);
            }
        }
        boolean[] keep = new boolean[all.size];
        Arrays.fill(keep, true);
        return all.select(keep);
    }
}
