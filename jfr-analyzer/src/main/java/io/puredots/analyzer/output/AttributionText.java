package io.puredots.analyzer.output;

import io.puredots.analyzer.model.attribution.AllocationRate;
import io.puredots.analyzer.model.attribution.AttributionResult;
import io.puredots.analyzer.model.attribution.Cause;
import io.puredots.analyzer.model.attribution.CpuShare;
import io.puredots.analyzer.model.attribution.FrameAttribution;
import io.puredots.analyzer.model.attribution.StreakAttribution;
import io.puredots.analyzer.text.Units;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link AttributionResult} as text lines and as a Markdown section, for the report
 * writers to include. Formats only; computes nothing. Stateless; thread-safe.
 *
 * <p>Example line:
 * <pre>{@code
 * frame 812 (23.1 ms, budget 16.6 ms): G1 young pause 9.8 ms overlapped (Pause Young (Normal) (G1 Evacuation Pause)); safepoint 0.4 ms; CPU: machine 97%, JVM 48% -> other processes 49%
 * }</pre>
 */
public final class AttributionText {
    private AttributionText() {
    }

    /** The plain-text section: a heading, one line per worst frame and per streak, then notes. */
    public static List<String> lines(AttributionResult r) {
        List<String> out = new ArrayList<>();
        out.add("Slow frames: what overlapped them");
        if (r.worstFrames().isEmpty()) {
            out.add("  (no frames)");
        }
        for (FrameAttribution f : r.worstFrames()) {
            out.add("  " + frameLine(f, r.frameBudgetNanos()));
        }
        if (r.frameBudgetNanos() > 0) {
            out.add(String.format(Locale.ROOT, "Over-budget streaks (more than %d frames over %s ms): %d",
                    r.streakFrames(), ms(r.frameBudgetNanos()), r.streaksTotal()));
            for (StreakAttribution s : r.streaks()) {
                out.add("  " + streakLine(s));
            }
        }
        for (String n : r.notes()) {
            out.add("  note: " + n);
        }
        return out;
    }

    /** One frame, e.g. {@code frame 812 (23.1 ms, budget 16.6 ms): G1 young pause 9.8 ms overlapped (...)}. */
    public static String frameLine(FrameAttribution f, long budgetNanos) {
        String head = "frame " + f.tick() + " (" + ms(f.durationNanos()) + " ms"
                + (budgetNanos > 0 ? ", budget " + ms(budgetNanos) + " ms" : "") + "): ";
        return head + describe(f.causes(), f.cpu(), f.allocation());
    }

    /** One streak, e.g. {@code ticks 100-130 (31 frames, 612.0 ms, worst 40.1 ms at tick 117): ...}. */
    public static String streakLine(StreakAttribution s) {
        return "ticks " + s.firstTick() + "-" + s.lastTick() + " (" + s.frames() + " frames, "
                + ms(s.endNanos() - s.startNanos()) + " ms, worst " + ms(s.worstNanos()) + " ms at tick "
                + s.worstTick() + "): " + describe(s.causes(), s.cpu(), s.allocation());
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
                    ? c.label() + " pause " + overlapped + " (" + c.detail() + ")"
                    : c.count() + " GC pauses " + overlapped + " (longest " + ms(c.longestNanos()) + " ms "
                            + c.label() + ": " + c.detail() + ")";
            case SAFEPOINT -> (c.count() == 1 ? "safepoint " : c.count() + " safepoints ") + overlapped
                    + (c.label().isEmpty() ? "" : " (" + c.label() + ")");
            case COMPILATION -> "JIT: " + c.count() + (c.count() == 1 ? " compilation " : " compilations ")
                    + overlapped + " (longest " + ms(c.longestNanos()) + " ms: " + method(c.label()) + ", " + c.detail()
                    + ")";
            case DEOPTIMIZATION -> c.count() + (c.count() == 1 ? " deoptimization" : " deoptimizations")
                    + " (" + method(c.label()) + ": " + c.detail() + ")";
            case MONITOR_ENTER -> "monitor contention on " + c.label() + " " + overlapped + paren(c.detail());
            case THREAD_PARK -> "park on " + c.label() + " " + overlapped + paren(c.detail());
        };
    }

    /** The Markdown section: a heading, a table of worst frames, a table of streaks, notes. */
    public static String markdown(AttributionResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("## Slow frames: what overlapped them\n\n");
        if (r.worstFrames().isEmpty()) {
            sb.append("No frames.\n\n");
        } else {
            sb.append("| frame | time (ms) | overlapped by |\n|---:|---:|---|\n");
            for (FrameAttribution f : r.worstFrames()) {
                sb.append("| ").append(f.tick()).append(" | ").append(ms(f.durationNanos())).append(" | ")
                        .append(cell(describe(f.causes(), f.cpu(), f.allocation()))).append(" |\n");
            }
            sb.append('\n');
        }
        if (r.frameBudgetNanos() > 0) {
            sb.append(String.format(Locale.ROOT, "### Over-budget streaks (more than %d frames over %s ms): %d%n%n",
                    r.streakFrames(), ms(r.frameBudgetNanos()), r.streaksTotal()));
            if (!r.streaks().isEmpty()) {
                sb.append("| ticks | frames | worst (ms) | overlapped by |\n|---|---:|---:|---|\n");
                for (StreakAttribution s : r.streaks()) {
                    sb.append("| ").append(s.firstTick()).append('-').append(s.lastTick()).append(" | ")
                            .append(s.frames()).append(" | ").append(ms(s.worstNanos())).append(" | ")
                            .append(cell(describe(s.causes(), s.cpu(), s.allocation()))).append(" |\n");
                }
                sb.append('\n');
            }
        }
        for (String n : r.notes()) {
            sb.append("- note: ").append(cell(n)).append('\n');
        }
        return sb.toString();
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

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
