package io.puredots.analyzer.stats.attribution;

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
    static final byte COMPILATION = 4;   // aux = compile level, text = method, text2 = compiler (+ OSR)
    static final byte DEOPTIMIZATION = 5; // instant; text = method, text2 = reason/action
    static final byte MONITOR_ENTER = 6; // aux = thread id, text = thread name, text2 = monitor class
    static final byte THREAD_PARK = 7;   // aux = thread id, text = thread name, text2 = parked class
    static final int KINDS = 8;
    static final String[] KIND_NAMES = {"GC pause", "GC phase", "safepoint", "VM operation", "compilation",
        "deoptimization", "monitor enter", "thread park"};

    byte[] kind = new byte[64];
    long[] start = new long[64];
    long[] duration = new long[64];
    long[] aux = new long[64];
    int[] level = new int[64];
    String[] text = new String[64];
    String[] text2 = new String[64];
    int size;

    void add(byte k, long startNanos, long durationNanos, long auxValue, int lvl, String t, String t2) {
        if (size == kind.length) {
            int n = size * 2;
            kind = Arrays.copyOf(kind, n);
            start = Arrays.copyOf(start, n);
            duration = Arrays.copyOf(duration, n);
            aux = Arrays.copyOf(aux, n);
            level = Arrays.copyOf(level, n);
            text = Arrays.copyOf(text, n);
            text2 = Arrays.copyOf(text2, n);
        }
        kind[size] = k;
        start[size] = startNanos;
        duration[size] = Math.max(0, durationNanos);
        aux[size] = auxValue;
        level[size] = lvl;
        text[size] = t;
        text2[size] = t2;
        size++;
    }

    void addFrom(Intervals o, int i) {
        add(o.kind[i], o.start[i], o.duration[i], o.aux[i], o.level[i], o.text[i], o.text2[i]);
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
