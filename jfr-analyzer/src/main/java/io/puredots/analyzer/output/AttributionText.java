package io.puredots.analyzer.output;

import io.puredots.analyzer.model.attribution.AllocationRate;
import io.puredots.analyzer.model.attribution.AttributionNote;
import io.puredots.analyzer.model.attribution.AttributionResult;
import io.puredots.analyzer.model.attribution.Cause;
import io.puredots.analyzer.model.attribution.CauseDetail;
import io.puredots.analyzer.model.attribution.CpuShare;
import io.puredots.analyzer.model.attribution.FrameAttribution;
import io.puredots.analyzer.model.attribution.HotMethods;
import io.puredots.analyzer.model.attribution.StreakAttribution;
import io.puredots.analyzer.text.Units;
import io.puredots.events.EventNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The wording of slow-frame attribution: the report sections for an {@link AttributionResult},
 * the line describing what overlapped a frame or streak, and the words for a {@link CauseDetail}
 * and an {@link AttributionNote} (which the JSON report writes too, so both say the same).
 * Formats only; computes nothing. Stateless; thread-safe.
 *
 * <p>Example of a frame's description:
 * <pre>{@code
 * G1 young pause 9.8 ms overlapped (Pause Young (Normal) (G1 Evacuation Pause)); safepoint 0.4 ms overlapped; CPU: machine 97%, JVM 48% -> other processes 49%
 * }</pre>
 */
public final class AttributionText {
    private AttributionText() {
    }

    /** Adds the worst frames (and, with a frame budget, the streaks) as sections, then the notes. */
    static void addSections(Document d, AttributionResult a) {
        Document.Section s = d.section("Slow frames: what overlapped them");
        for (FrameAttribution f : a.worstFrames()) {
            s.kv("frame " + f.tick() + " (" + ms(f.durationNanos()) + " ms)",
                    describe(f.causes(), f.cpu(), f.allocation()));
            drill(s, f.offsetNanos(), f.startNanos(), f.hotMethods(), a.normalFrameSamples());
        }
        if (a.frameBudgetNanos() > 0) {
            Document.Section t = d.section("Over-budget streaks: what overlapped them");
            t.kv("streaks", a.streaksTotal() + " (more than " + a.streakFrames() + " consecutive frames over "
                    + ms(a.frameBudgetNanos()) + " ms)");
            for (StreakAttribution k : a.streaks()) {
                t.kv("ticks " + k.firstTick() + "-" + k.lastTick() + " (" + k.frames() + " frames, worst "
                        + ms(k.worstNanos()) + " ms)", describe(k.causes(), k.cpu(), k.allocation()));
                drill(t, k.offsetNanos(), k.startNanos(), k.hotMethods(), a.normalFrameSamples());
            }
        }
        if (a.lagShare() != null) {
            LagShareText.addSection(d, a.lagShare(), a.frameBudgetNanos());
        }
        a.notes().forEach(n -> s.note(note(n)));
    }

    /** Most hot methods shown per frame or streak in the text and Markdown reports (the JSON has them all). */
    static final int METHODS_SHOWN = 3;
    /** Frames of the hottest stack shown. */
    static final int STACK_FRAMES_SHOWN = 4;

    /**
     * The lines under a frame or streak: where to find it (offset from the recording's start and
     * wall-clock time, as JMC shows them), then its hot methods against the normal frames.
     */
    private static void drill(Document.Section s, long offsetNanos, long startNanos, HotMethods hot,
                              long normalSamples) {
        s.sub("at " + at(offsetNanos, startNanos));
        if (hot == null) {
            return;
        }
        if (hot.samples() == 0) {
            s.sub("no execution sample of main or the workers in it");
            return;
        }
        s.sub(hot.samples() + (hot.samples() == 1 ? " sample" : " samples") + " (main " + hot.mainThreadSamples()
                + ", workers " + (hot.samples() - hot.mainThreadSamples()) + "); normal frames: " + normalSamples
                + (normalSamples == 1 ? " sample" : " samples"));
        for (int i = 0; i < Math.min(METHODS_SHOWN, hot.methods().size()); i++) {
            HotMethods.HotMethod m = hot.methods().get(i);
            s.sub(Units.pct(m.share()) + " " + m.method() + " (normal " + Units.pct(m.normalShare()) + ")");
        }
        if (!hot.stacks().isEmpty()) {
            // one frame per line, callers under the top one
            HotMethods.HotStack top = hot.stacks().get(0);
            int shown = Math.min(STACK_FRAMES_SHOWN, top.methods().size());
            for (int i = 0; i < shown; i++) {
                String frame = shortMethod(top.methods().get(i));
                s.sub(i == 0 ? "stack " + Units.pct(top.share()) + ": " + frame : "  < " + frame
                        + (i == shown - 1 && top.methods().size() > shown ? " < ..." : ""));
            }
        }
    }

    /** Where a frame or streak starts: {@code +1.234 s, 2026-11-27T12:50:38.234Z}. */
    public static String at(long offsetNanos, long startNanos) {
        return "+" + Units.duration(offsetNanos) + ", " + Units.instant(startNanos);
    }

    /**
     * A method without its package, and a lambda's class without its generated suffix:
     * {@code SpatialGrid.sort} for {@code io.puredots.sim.SpatialGrid.sort},
     * {@code SpatialGrid$$Lambda.execute} for {@code io.puredots.sim.SpatialGrid$$Lambda$120+0x0.1525919705.execute}.
     */
    static String shortMethod(String method) {
        int dot = method.lastIndexOf('.');
        if (dot <= 0) {
            return method;
        }
        String type = method.substring(0, dot);
        int lambda = type.indexOf("$$Lambda");
        if (lambda >= 0) {
            type = type.substring(0, lambda + "$$Lambda".length());
        }
        return type.substring(type.lastIndexOf('.') + 1) + method.substring(dot);
    }

    /** The causes, allocation and CPU parts of a line, "; "-separated. */
    public static String describe(List<Cause> causes, CpuShare cpu, AllocationRate alloc) {
        List<String> parts = new ArrayList<>();
        for (Cause c : causes) {
            parts.add(cause(c));
        }
        if (alloc != null && alloc.spike()) {
            parts.add(String.format(Locale.ROOT, "allocation spike %s/s (%.1fx the recording's mean)",
                    Units.bytes(alloc.bytesPerSecond()), alloc.ratioToMean()));
        }
        if (parts.isEmpty()) {
            parts.add("no GC pause, safepoint, JIT or wait on a simulation thread overlapped");
        }
        if (cpu != null) {
            parts.add(String.format(Locale.ROOT, "CPU: machine %.0f%%, JVM %.0f%% -> other processes %.0f%%",
                    cpu.machine() * 100, cpu.jvm() * 100, cpu.otherProcesses() * 100));
        }
        return String.join("; ", parts);
    }

    /** One cause, e.g. {@code G1 young pause 9.8 ms overlapped (Pause Young (Normal) (G1 Evacuation Pause))}. */
    public static String cause(Cause c) {
        String overlapped = c.overlapNanos() == c.longestNanos() || c.count() > 1
                ? ms(c.overlapNanos()) + " ms overlapped"
                : ms(c.longestNanos()) + " ms, " + ms(c.overlapNanos()) + " ms overlapped";
        return switch (c.kind()) {
            case GC_PAUSE -> c.count() == 1
                    ? c.label() + " pause " + overlapped + " (" + detail(c.detail()) + ")"
                    : c.count() + " GC pauses " + overlapped + " (longest " + ms(c.longestNanos()) + " ms "
                            + c.label() + ": " + detail(c.detail()) + ")";
            case SAFEPOINT -> (c.count() == 1 ? "safepoint " : c.count() + " safepoints ") + overlapped
                    + (c.label().isEmpty() ? "" : " (" + c.label() + ")");
            case COMPILATION -> "JIT: " + c.count() + (c.count() == 1 ? " compilation " : " compilations ")
                    + overlapped + " (longest " + ms(c.longestNanos()) + " ms: " + method(c.label()) + ", "
                    + detail(c.detail()) + ")";
            case DEOPTIMIZATION -> c.count() + (c.count() == 1 ? " deoptimization" : " deoptimizations")
                    + " (" + method(c.label()) + ": " + detail(c.detail()) + ")";
            case MONITOR_ENTER -> "monitor contention on " + c.label() + " " + overlapped
                    + paren(detail(c.detail()));
            case THREAD_PARK -> "park on " + c.label() + " " + overlapped + paren(detail(c.detail()));
        };
    }

    /**
     * The words for a cause's detail, e.g. {@code Pause Young (Normal) (G1 Evacuation Pause); phases:
     * Evacuate Collection Set 7.1 ms} or {@code c2 OSR level 4}; empty for {@link CauseDetail.None}.
     */
    public static String detail(CauseDetail d) {
        if (d instanceof CauseDetail.GcPause g) {
            StringBuilder sb = new StringBuilder(g.pauseName());
            if (!g.gcCause().isEmpty() && !g.pauseName().contains(g.gcCause())) {
                sb.append(", cause ").append(g.gcCause());
            }
            for (int k = 0; k < g.longestPhases().size(); k++) {
                CauseDetail.Phase p = g.longestPhases().get(k);
                sb.append(k == 0 ? "; phases: " : ", ").append(p.name()).append(' ').append(ms(p.nanos()))
                        .append(" ms");
            }
            return sb.toString();
        }
        if (d instanceof CauseDetail.Compilation c) {
            return c.compiler() + (c.osr() ? " OSR" : "") + " level " + c.level();
        }
        if (d instanceof CauseDetail.Deoptimization o) {
            return o.reason() + "/" + o.action();
        }
        if (d instanceof CauseDetail.Wait w) {
            return w.className();
        }
        return "";
    }

    /** The sentence for a note, e.g. {@code 12 streaks in all; the 5 longest are explained}. */
    public static String note(AttributionNote n) {
        if (n instanceof AttributionNote.NoFrames) {
            return "no " + EventNames.FRAME + " events: nothing to attribute";
        }
        if (n instanceof AttributionNote.NoBudget) {
            return "no frame budget: over-budget streaks not computed";
        }
        if (n instanceof AttributionNote.StreaksCapped c) {
            return c.total() + " streaks in all; the " + c.explained() + " longest are explained";
        }
        if (n instanceof AttributionNote.EventsCapped c) {
            return events(c.events()) + " events capped at " + c.capPerChunk() + " per chunk: " + c.dropped()
                    + " shortest not considered";
        }
        if (n instanceof AttributionNote.ExecutionSamplesCapped c) {
            return "execution samples of main and the workers capped at " + c.capPerChunk() + " per chunk: "
                    + c.dropped() + " not counted";
        }
        AttributionNote.AllocationSamplesCapped c = (AttributionNote.AllocationSamplesCapped) n;
        return "allocation samples capped at " + c.capPerChunk() + " per chunk: " + c.dropped() + " not counted";
    }

    private static String events(AttributionNote.JvmEvents e) {
        return switch (e) {
            case GC_PAUSE -> "GC pause";
            case GC_PHASE -> "GC phase";
            case SAFEPOINT -> "safepoint";
            case VM_OPERATION -> "VM operation";
            case COMPILATION -> "compilation";
            case DEOPTIMIZATION -> "deoptimization";
            case MONITOR_ENTER -> "monitor enter";
            case THREAD_PARK -> "thread park";
        };
    }

    /** Milliseconds with one decimal, the precision of these lines: "23.1". */
    private static String ms(double nanos) {
        return Units.msOneDecimal(nanos);
    }

    private static String method(String m) {
        return m.isEmpty() || m.equals(".") ? "unknown method" : m;
    }

    private static String paren(String s) {
        return s.isEmpty() ? "" : " (" + s + ")";
    }
}
