package io.puredots.analyzer.output;

import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.attribution.AttributionResult;
import io.puredots.analyzer.model.attribution.FrameAttribution;
import io.puredots.analyzer.model.attribution.StreakAttribution;
import io.puredots.analyzer.model.timeline.FrameJobs;
import io.puredots.analyzer.model.timeline.MemorySeries;
import io.puredots.analyzer.model.timeline.Timeline;
import io.puredots.analyzer.output.html.HtmlPage;
import io.puredots.analyzer.output.html.ReportCharts;
import io.puredots.analyzer.text.Units;

import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The report as one self-contained HTML page: charts of the run over time (frame time with its
 * budget and streaks, the group split, each group's distribution against its budget, worker
 * utilization, the jobs of a chosen slow frame, memory against its budgets), the slow-frame and
 * streak tables linked to those charts, then every section of the text report as tables. The
 * charts over time need {@link Report#timeline()}; without it the page says so and shows the rest.
 * Formats only; computes no statistic. Thread-safe.
 */
public final class HtmlReportWriter implements ReportWriter {
    /** The note shown in place of the charts over time when the report has no timeline. */
    static final String NO_TIMELINE = "no chart series in this report (the timeline was not built): the charts over"
            + " time are missing; the tables below are complete";
    private static final String FRAME_CHART = "frame-time";
    private static final String JOBS_CHART = "jobs";

    @Override
    public void write(Report report, Writer out) throws IOException {
        HtmlPage page = new HtmlPage("jfr-analyzer report");
        page.subtitle(String.join(", ", report.overview().files()));
        if (report.overview().chunks() > 0) {
            page.subtitle(Units.instant(report.overview().startNanos()) + " to "
                    + Units.instant(report.overview().endNanos()) + " (" + Units.duration(report.overview().durationNanos())
                    + ")");
        }
        Timeline t = report.timeline();
        AttributionResult slow = report.slowFrames();
        List<StreakAttribution> streaks = slow == null ? List.of() : slow.streaks();
        Long budget = report.frames() == null ? null : report.frames().budgetNanos();

        HtmlPage.Section frames = page.section("Frame time over the run");
        if (t == null) {
            frames.note(NO_TIMELINE);
        } else if (t.frames().isEmpty()) {
            frames.note("no frames in the selection");
        } else {
            frames.chart(FRAME_CHART, "Frame time per bucket of ticks: min..max band, mean, budget and over-budget"
                    + " streaks", ReportCharts.frameTime(t, budget, streaks));
            if (t.frames().stream().allMatch(b -> b.firstTick() == b.lastTick())) {
                frames.note("one point per frame");
            } else {
                frames.note("each point is a bucket of consecutive ticks: the band spans its shortest and longest frame");
            }
        }
        slowFrameTables(frames, report, t);

        if (!report.groups().isEmpty()) {
            HtmlPage.Section groups = page.section("System groups per frame");
            if (t != null && !t.groups().isEmpty() && !t.frames().isEmpty()) {
                groups.chart("group-split", "Mean time per frame of each group, stacked", ReportCharts.groupSplit(t));
            }
            groups.chart("group-distribution", "Each group's time per frame against its budget (dashed)",
                    ReportCharts.groupDistribution(report.groups()));
        }
        if (t != null && (!t.workers().isEmpty() || t.slowFrameJobs().stream().anyMatch(f -> !f.jobs().isEmpty()))) {
            HtmlPage.Section workers = page.section("Workers");
            if (!t.workers().isEmpty() && !t.frames().isEmpty()) {
                workers.chart("workers", "Busy share of each worker per bucket of ticks",
                        ReportCharts.workerUtilization(t));
            }
            if (t.slowFrameJobs().stream().anyMatch(f -> !f.jobs().isEmpty())) {
                workers.chart(JOBS_CHART, "Jobs of a slow frame (pick the frame, or click a slow-frame row)",
                        ReportCharts.jobs(t));
            }
        }
        if (t != null && !t.memory().isEmpty()) {
            HtmlPage.Section memory = page.section("Memory over time");
            for (MemorySeries m : t.memory()) {
                if (!m.points().isEmpty()) {
                    memory.chart("memory-" + m.id().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), m.id() + " (min..max per time"
                            + " bucket)", ReportCharts.memory(m, report.budgets()));
                }
            }
        }

        Document d = ReportDocument.of(report);
        for (Document.Section s : d.sections) {
            HtmlPage.Section h = page.section(s.name);
            for (Object p : s.parts) {
                if (p instanceof String[]) {
                    String[] kv = (String[]) p;
                    h.kv(kv[0], kv[1]);
                } else if (p instanceof Document.Sub sub) {
                    h.sub(sub.text());
                } else if (p instanceof String) {
                    h.note((String) p);
                } else {
                    Document.Table dt = (Document.Table) p;
                    HtmlPage.Table ht = h.table(dt.header);
                    dt.rows.forEach(ht::row);
                }
            }
        }
        page.render(out);
    }

    /** The slowest frames and the streaks, each row linked to the frame-time and jobs charts. */
    private static void slowFrameTables(HtmlPage.Section s, Report report, Timeline t) {
        AttributionResult a = report.slowFrames();
        if (a == null || a.framesSeen() == 0) {
            return;
        }
        long origin = report.overview().startNanos();
        Set<Long> withJobs = new HashSet<>();
        if (t != null) {
            t.slowFrameJobs().stream().filter(f -> !f.jobs().isEmpty()).map(FrameJobs::tick).forEach(withJobs::add);
        }
        boolean charts = t != null && !t.frames().isEmpty();
        HtmlPage.Table frames = s.table("slow frame (tick)", "ms", "offset s", "wall clock", "what overlapped");
        for (FrameAttribution f : a.worstFrames()) {
            HtmlPage.Row r = frames.row(Long.toString(f.tick()), Units.ms(f.durationNanos()),
                    seconds(f.startNanos() - origin), Units.instant(f.startNanos()),
                    AttributionText.describe(f.causes(), f.cpu(), f.allocation()));
            if (charts) {
                double[] range = ReportCharts.focusRange(t, f.tick(), f.tick());
                r.focus(FRAME_CHART, range[0], range[1]);
            }
            if (withJobs.contains(f.tick())) {
                r.pick(JOBS_CHART, ReportCharts.frameKey(f.tick()));
            }
        }
        if (a.frameBudgetNanos() <= 0) {
            return;
        }
        s.note(a.streaksTotal() + (a.streaksTotal() == 1 ? " over-budget streak" : " over-budget streaks") + " (more than " + a.streakFrames() + " consecutive frames over "
                + Units.msUnit(a.frameBudgetNanos()) + ")" + (a.streaks().size() < a.streaksTotal()
                ? "; the " + a.streaks().size() + " longest are listed" : ""));
        if (a.streaks().isEmpty()) {
            return;
        }
        HtmlPage.Table streaks = s.table("streak (ticks)", "frames", "worst ms", "worst tick", "offset s",
                "wall clock", "what overlapped");
        for (StreakAttribution k : a.streaks()) {
            HtmlPage.Row r = streaks.row(k.firstTick() + "-" + k.lastTick(), Integer.toString(k.frames()),
                    Units.ms(k.worstNanos()), Long.toString(k.worstTick()), seconds(k.startNanos() - origin),
                    Units.instant(k.startNanos()), AttributionText.describe(k.causes(), k.cpu(), k.allocation()));
            if (charts) {
                double[] range = ReportCharts.focusRange(t, k.firstTick(), k.lastTick());
                r.focus(FRAME_CHART, range[0], range[1]);
            }
            if (withJobs.contains(k.worstTick())) {
                r.pick(JOBS_CHART, ReportCharts.frameKey(k.worstTick()));
            }
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
