package io.puredots.analyzer.cli;

import io.puredots.analyzer.model.BudgetCheck;
import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.pipeline.EmptyWindowException;
import io.puredots.analyzer.stats.Window;
import io.puredots.analyzer.text.Units;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-line words of the two refusals that keep a budget gate from passing on nothing: a
 * window that cannot hold a frame, and a report in which no budget could be judged. Times are
 * written the way {@code --from}/{@code --to} accept them, so a user can paste them back.
 * Stateless.
 */
final class GateMessages {
    /** Where the recording settings that hold the game's events are, for the advice to record with them. */
    static final String RECORD_WITH = "-XX:StartFlightRecording:settings=<path to puredots.jfc>"
            + " (jfr-events/jfc/puredots.jfc, also in the jfr-events jar)";

    private static final long MINUTE = 60_000_000_000L;
    private static final long HOUR = 60 * MINUTE;

    private GateMessages() {
    }

    /**
     * E.g. {@code --from 10min is after the recording's end: 'x.jfr' spans 0s to 5.2s
     * (2026-11-27T12:00:00.000Z to 2026-11-27T12:00:05.200Z)}.
     */
    static String emptyWindow(EmptyWindowException e) {
        Window w = e.window();
        String span = e.spanKnown() ? span(e) : null;
        switch (e.problem()) {
            case FROM_AFTER_END:
                return "--from " + time(w.from()) + " is after the recording's end: " + span;
            case TO_BEFORE_START:
                return "--to " + time(w.to()) + " is before the recording's start: " + span;
            default:
                return "--from " + time(w.from()) + " is not before --to " + time(w.to()) + ": the window holds no frame"
                        + (span == null ? "" : "; " + span);
        }
    }

    /**
     * Why nothing in {@code report} could be judged, and what to do: record the game's events, widen
     * the window, or accept it with {@code --allow-no-data}.
     *
     * @param window the window asked for, named when it selected no frame
     */
    static String nothingToJudge(Report report, Window window) {
        String accept = "pass --allow-no-data to accept it";
        if (!report.gameEvents()) {
            String where = report.warnings().isEmpty() ? "" : "the readable part of ";
            return "nothing to judge: no puredots events in " + where + names(report.overview().files())
                    + "; record the game"
                    + " with " + RECORD_WITH + ", or pass --allow-no-data to accept a recording without them";
        }
        if (report.frames() == null && !report.selection().keepsEverything()) {
            return "nothing to judge: no frame in the selection (" + options(window) + "); widen the window or "
                    + accept;
        }
        // the game's events are there, so the budgets name series, memory or samples the recording lacks
        List<BudgetCheck> checks = report.budgets().checks();
        BudgetCheck first = checks.get(0);
        String which = checks.size() == 1 ? "the one budget in '" + report.budgets().source() + "' has no data"
                : "none of the " + checks.size() + " budgets in '" + report.budgets().source() + "' has data";
        return "nothing to judge: " + which + " (" + first.id() + ": " + first.detail() + "); check the budget ids"
                + " against the groups, systems and memory in the report, or " + accept;
    }

    /** A time as {@code --from}/{@code --to} accept it: {@code 10min}, {@code 1h}, {@code 0.5s} or an ISO instant. */
    static String time(Window.Time t) {
        if (!t.isOffset()) {
            return Instant.ofEpochSecond(0, t.epochNanos()).toString();
        }
        long nanos = t.offset().toNanos();
        if (nanos > 0 && nanos % HOUR == 0) {
            return nanos / HOUR + "h";
        }
        if (nanos > 0 && nanos % MINUTE == 0) {
            return nanos / MINUTE + "min";
        }
        return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + "s";
    }

    /** {@code 'x.jfr' spans 0s to 5.2s (<start> to <end>)}, offsets to the millisecond. */
    private static String span(EmptyWindowException e) {
        long start = e.spanStartNanos();
        long end = e.spanEndNanos();
        String offsetEnd = BigDecimal.valueOf((end - start) / 1_000_000, 3).stripTrailingZeros().toPlainString();
        return names(e.inputs()) + (e.inputs().size() == 1 ? " spans" : " span") + " 0s to " + offsetEnd + "s ("
                + Units.instant(start) + " to " + Units.instant(end) + ")";
    }

    private static String options(Window w) {
        List<String> parts = new ArrayList<>();
        if (w.from() != null) {
            parts.add("--from " + time(w.from()));
        }
        if (w.to() != null) {
            parts.add("--to " + time(w.to()));
        }
        if (w.autoWarmup()) {
            parts.add("--warmup auto");
        } else if (w.warmupTicks() > 0) {
            parts.add("--warmup " + w.warmupTicks());
        }
        return String.join(" ", parts);
    }

    private static String names(List<String> files) {
        List<String> quoted = new ArrayList<>();
        for (String f : files) {
            quoted.add("'" + f + "'");
        }
        return String.join(", ", quoted);
    }
}
