package io.puredots.analyzer.output;

import io.puredots.analyzer.model.BudgetCheck;
import io.puredots.analyzer.model.BudgetResult;
import io.puredots.analyzer.model.Distribution;
import io.puredots.analyzer.model.Frames;
import io.puredots.analyzer.model.JmcFinding;
import io.puredots.analyzer.model.JmcReport;
import io.puredots.analyzer.model.Jobs;
import io.puredots.analyzer.model.Memory;
import io.puredots.analyzer.model.Overview;
import io.puredots.analyzer.model.Registry;
import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.Selection;
import io.puredots.analyzer.model.Series;
import io.puredots.analyzer.text.Units;

import java.util.List;
import java.util.Map;

/**
 * Lays a {@link Report} out as a {@link Document} for the text and Markdown writers. Formats
 * values only; computes no statistic. Stateless, thread-safe.
 */
final class ReportDocument {
    /** The sentence shown when a recording has no puredots events. */
    static final String NO_GAME_EVENTS = "no puredots events in this recording: frame, system, job and registry"
            + " statistics are missing; only the JVM parts are reported";

    private ReportDocument() {
    }

    static Document of(Report r) {
        Document d = new Document("jfr-analyzer report");
        overview(d, r.overview(), r.selection());
        if (!r.warnings().isEmpty()) {
            Document.Section w = d.section("Input warnings");
            r.warnings().forEach(w::note);
        }
        if (!r.gameEvents()) {
            d.section("Game events").note(NO_GAME_EVENTS);
        }
        if (r.frames() != null) {
            frames(d, r.frames());
        } else if (r.gameEvents()) {
            d.section("Frames").note("no puredots.Frame events in the selection");
        }
        if (!r.groups().isEmpty()) {
            series(d.section("System groups"), r.groups(), false);
        }
        if (!r.systems().isEmpty()) {
            series(d.section("Systems"), r.systems(), true);
        }
        if (r.jobs() != null) {
            jobs(d, r.jobs());
        }
        memory(d, r.memory());
        if (!r.registries().isEmpty()) {
            registries(d, r.registries());
        }
        if (r.budgets() != null) {
            budgets(d, r.budgets());
        }
        if (r.slowFrames() != null && r.slowFrames().framesSeen() > 0) {
            AttributionText.addSections(d, r.slowFrames());
        }
        if (r.jmc() != null) {
            jmc(d, r.jmc());
        }
        counts(d, r.overview());
        return d;
    }

    private static void overview(Document d, Overview o, Selection sel) {
        Document.Section s = d.section("Recording");
        s.kv("files", String.join(", ", o.files()));
        s.kv("JVM", o.jvmName().isEmpty() ? "(no jdk.JVMInformation)" : jvm(o.jvmName(), o.jvmVersion()));
        if (o.chunks() > 0) {
            s.kv("time", Units.instant(o.startNanos()) + " to " + Units.instant(o.endNanos()) + " ("
                    + Units.duration(o.durationNanos()) + ")");
        }
        s.kv("chunks", Long.toString(o.chunks()));
        s.kv("events", Long.toString(o.totalEvents()));
        s.kv("selection", selection(sel));
    }

    /**
     * The JVM's name and version, without the build details that follow them in
     * {@code jdk.JVMInformation}'s version string (the JSON report keeps the whole string): e.g.
     * {@code OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1) for linux-amd64}.
     */
    static String jvm(String name, String version) {
        String v = version.startsWith(name) ? version : name + " " + version;
        int cut = v.indexOf(" JRE (");
        if (cut < 0) {
            cut = v.indexOf(", built on");
        }
        return cut > 0 ? v.substring(0, cut) : v;
    }

    private static String selection(Selection sel) {
        if (sel.keepsEverything() && sel.warmupTicks() == 0) {
            return "everything (no warm-up dropped, no window)";
        }
        StringBuilder b = new StringBuilder();
        b.append("warm-up ").append(sel.warmup());
        if (!"none".equals(sel.warmup())) {
            b.append(" (").append(sel.warmupTicks()).append(" ticks dropped)");
        }
        b.append("; ticks ").append(sel.firstTick() == null ? "first" : sel.firstTick().toString())
                .append(" to ").append(sel.lastTick() == null ? "last" : sel.lastTick().toString());
        if (sel.fromNanos() != null || sel.toNanos() != null) {
            b.append("; time ").append(sel.fromNanos() == null ? "start" : Units.instant(sel.fromNanos()))
                    .append(" to ").append(sel.toNanos() == null ? "end" : Units.instant(sel.toNanos()));
        }
        return b.toString();
    }

    private static void frames(Document d, Frames f) {
        Document.Section s = d.section("Frames");
        s.kv("frames", f.count() + " (" + Units.num(f.framesPerSecond(), 1) + " frames/s)");
        Distribution t = f.timeNanos();
        s.kv("frame time", "mean " + Units.msUnit(t.mean()) + ", p50 " + Units.ms(t.p50()) + ", p90 "
                + Units.ms(t.p90()) + ", p95 " + Units.ms(t.p95()) + ", p99 " + Units.ms(t.p99()) + ", p99.9 "
                + Units.ms(t.p999()) + ", max " + Units.ms(t.max()) + " ms");
        if (f.budgetNanos() != null) {
            s.kv("over budget", f.overBudget() + " frames over " + Units.msUnit(f.budgetNanos()) + " ("
                    + Units.num(f.overBudgetPercent(), 2) + "%), longest streak " + f.longestOverBudgetStreak());
        } else {
            s.kv("over budget", "no frame budget set");
        }
        if (f.maxEntities() > 0) {
            s.kv("entities", "up to " + f.maxEntities());
        }
        Document.Table h = s.table("frame time (ms)", "frames", "share", "");
        long max = 1;
        for (Frames.Bucket b : f.histogram()) {
            max = Math.max(max, b.count());
        }
        for (Frames.Bucket b : f.histogram()) {
            String range = b.upperNanos() == Long.MAX_VALUE ? ">= " + Units.ms(b.lowerNanos())
                    : Units.ms(b.lowerNanos()) + " - " + Units.ms(b.upperNanos());
            int bar = (int) Math.round(30.0 * b.count() / max);
            h.row(range, Long.toString(b.count()), Units.pct(f.count() == 0 ? 0 : (double) b.count() / f.count()),
                    "#".repeat(bar));
        }
    }

    private static void series(Document.Section s, List<Series> list, boolean systems) {
        Document.Table t = systems
                ? s.table("system", "group", "calls", "total ms", "mean", "p50", "p95", "p99", "max", "share",
                        "budget", "over", "streak").headingColumn(1)
                : s.table("group", "calls", "total ms", "mean", "p50", "p95", "p99", "max", "share", "budget",
                        "over", "streak");
        for (Series x : list) {
            Distribution c = x.perCallNanos();
            String budget = x.budgetNanos() == null ? "-" : Units.ms(x.budgetNanos());
            String over = x.budgetNanos() == null ? "-" : Long.toString(x.framesOverBudget());
            String streak = x.budgetNanos() == null ? "-" : Long.toString(x.longestOverBudgetStreak());
            String[] cells = {Long.toString(c.count()), Units.ms(c.sum()), Units.ms(c.mean()), Units.ms(c.p50()),
                Units.ms(c.p95()), Units.ms(c.p99()), Units.ms(c.max()), Units.pct(x.shareOfFrame()), budget,
                over, streak};
            if (systems) {
                String[] withGroup = new String[cells.length + 2];
                withGroup[0] = x.name();
                withGroup[1] = x.group();
                System.arraycopy(cells, 0, withGroup, 2, cells.length);
                t.row(withGroup);
            } else {
                String[] withName = new String[cells.length + 1];
                withName[0] = x.name();
                System.arraycopy(cells, 0, withName, 1, cells.length);
                t.row(withName);
            }
        }
        s.note("times in ms per call; budget, over and streak are per frame (the time summed within a tick)");
    }

    private static void jobs(Document d, Jobs j) {
        Document.Section s = d.section("Workers and jobs");
        s.kv("workers", j.workerCount() + " (plus the main thread when it runs jobs)");
        s.kv("jobs", j.jobsScheduled() + " scheduled, " + j.jobRuns() + " runs; per frame: mean "
                + Units.num(j.jobsPerFrame().mean(), 1) + ", max " + j.jobsPerFrame().max());
        Distribution r = j.jobRunNanos();
        s.kv("job run", "min " + Units.ms(r.min()) + ", mean " + Units.ms(r.mean()) + ", p99 " + Units.ms(r.p99())
                + ", max " + Units.ms(r.max()) + " ms");
        s.kv("queue wait", "p50 " + Units.ms(j.queueWaitNanos().p50()) + ", p99 " + Units.ms(j.queueWaitNanos().p99())
                + " ms");
        s.kv("chain depth", "max " + j.chainDepth().max() + ", p95 " + j.chainDepth().p95());
        s.kv("idle gaps", j.idleGapNanos().count() + " gaps, total " + Units.msUnit(j.idleGapNanos().sum())
                + ", p99 " + Units.msUnit(j.idleGapNanos().p99()));
        Jobs.MainThreadWait w = j.mainThreadWait();
        s.kv("main thread wait", Units.msUnit(w.waitNanos().sum()) + " total, " + Units.msUnit(w.meanPerFrameNanos())
                + " per frame, " + Units.pct(w.shareOfFrame()) + " of frame time");
        Document.Table t = s.table("thread", "id", "runs", "busy ms", "utilization", "idle gaps ms");
        for (Jobs.Worker w2 : j.workers()) {
            t.row(w2.name(), Long.toString(w2.threadId()), Long.toString(w2.runs()), Units.ms(w2.busyNanos()),
                    Units.pct(w2.utilization()), Units.ms(w2.idleGapNanos()));
        }
        s.note("utilization = busy time / total frame time");
    }

    private static void memory(Document d, Memory m) {
        Document.Section s = d.section("Memory");
        Distribution h = m.heapAfterGcBytes();
        if (h.count() == 0) {
            s.kv("heap after GC", "no jdk.GCHeapSummary after a GC in the selection");
        } else {
            s.kv("heap after GC", h.count() + " GCs; min " + Units.bytes(h.min()) + ", mean " + Units.bytes(h.mean())
                    + ", max " + Units.bytes(h.max()) + ", last " + Units.bytes(m.lastHeapAfterGcBytes()));
        }
        Memory.DirectBuffers db = m.directBuffers();
        if (db == null) {
            s.kv("direct buffers", "no jdk.DirectBufferStatistics");
        } else {
            s.kv("direct buffers", db.lastCount() + " buffers; used last " + Units.bytes(db.lastMemoryUsedBytes())
                    + ", max " + Units.bytes(db.maxMemoryUsedBytes()) + "; capacity max "
                    + Units.bytes(db.maxTotalCapacityBytes()));
        }
        Memory.NativeMemory n = m.nativeMemory();
        if (n == null) {
            s.kv("native containers", "no puredots.NativeMemory events");
            return;
        }
        s.kv("native containers", n.samples() + " samples; total reserved peak " + Units.bytes(n.peakReservedBytes())
                + ", last " + Units.bytes(n.lastReservedBytes()) + "; used peak " + Units.bytes(n.peakUsedBytes()));
        s.kv("per entity", n.maxEntities() == 0 ? "no entity count"
                : Units.bytes(n.bytesPerEntity()) + " (peak reserved / " + n.maxEntities() + " entities)");
        Document.Table t = s.table("owner", "kind", "reserved last", "reserved max", "used last", "used max");
        for (Memory.Container c : n.containers()) {
            t.row(c.owner(), c.kind(), Units.bytes(c.lastReservedBytes()), Units.bytes(c.maxReservedBytes()),
                    Units.bytes(c.lastUsedBytes()), Units.bytes(c.maxUsedBytes()));
        }
    }

    private static void registries(Document d, List<Registry> list) {
        Document.Section s = d.section("Registries");
        Document.Table t = s.table("registry", "updates", "per frame", "entries min", "max", "last", "adds",
                "removes", "changes", "mean ms", "p99 ms", "max ms");
        for (Registry r : list) {
            Distribution u = r.updateNanos();
            t.row(r.name(), Long.toString(r.updates()), Units.num(r.updatesPerFrame(), 2),
                    Long.toString(r.minEntries()), Long.toString(r.maxEntries()), Long.toString(r.lastEntries()),
                    Long.toString(r.adds()), Long.toString(r.removes()), Long.toString(r.changes()),
                    Units.ms(u.mean()), Units.ms(u.p99()), Units.ms(u.max()));
        }
    }

    private static void budgets(Document d, BudgetResult b) {
        Document.Section s = d.section("Budgets");
        s.kv("file", b.source());
        s.kv("rule", "a time budget is violated when exceeded for more than " + b.streakFrames()
                + " consecutive frames; memory when the peak is above it");
        Document.Table t = s.table("budget", "status", "severity", "limit", "measured", "detail");
        for (BudgetCheck c : b.checks()) {
            boolean noData = c.status() == BudgetCheck.Status.NO_DATA;
            t.row(c.id(), c.status().name(), c.severity().isEmpty() ? "-" : c.severity(),
                    noData && c.limit() == 0 ? "-" : value(c.unit(), c.limit()),
                    c.status() == BudgetCheck.Status.NO_DATA ? "-" : value(c.unit(), c.measured()), c.detail());
        }
        long n = b.checks().stream().filter(c -> c.status() == BudgetCheck.Status.VIOLATED).count();
        long none = b.checks().stream().filter(c -> c.status() == BudgetCheck.Status.NO_DATA).count();
        String result = n == 0 ? (none == 0 ? "all budgets met" : "no budget violated")
                : n + (n == 1 ? " budget violated" : " budgets violated");
        if (none > 0) {
            result += " (" + none + " without data)";
        }
        s.kv("result", result);
    }

    /** JMC's warnings, one line each, then how the other rules ended and the notes (limits, failures). */
    private static void jmc(Document d, JmcReport j) {
        Document.Section s = d.section("JMC automated analysis");
        if (j.ran()) {
            for (JmcFinding f : j.warnings()) {
                s.kv("WARNING " + f.ruleName(), f.summary());
            }
            long info = j.findings().stream().filter(f -> f.severity().equals("INFO")).count();
            long ok = j.findings().stream().filter(f -> f.severity().equals("OK")).count();
            long na = j.findings().stream().filter(f -> f.severity().equals("NA")).count();
            long failed = j.findings().stream().filter(f -> f.severity().equals("FAILED")).count();
            s.kv("rules", j.rulesRun() + ": " + j.warnings().size() + " warning, " + info + " info, " + ok + " ok, " + na
                    + " not applicable" + (failed > 0 ? ", " + failed + " failed" : ""));
        }
        j.notes().forEach(s::note);
    }

    private static String value(String unit, double v) {
        switch (unit) {
            case "ns":
                return Units.msUnit(v);
            case "B":
                return Units.bytes(v);
            default:
                return Units.bytes(v) + "/entity";
        }
    }

    private static void counts(Document d, Overview o) {
        Document.Section s = d.section("Event counts");
        Document.Table t = s.table("event type", "count");
        for (Map.Entry<String, Long> e : o.eventCounts().entrySet()) {
            t.row(e.getKey(), Long.toString(e.getValue()));
        }
    }
}
