package io.puredots.analyzer.stats.timeline;

import io.puredots.analyzer.model.Report;
import io.puredots.analyzer.model.timeline.FrameJobs;
import io.puredots.analyzer.model.timeline.MemorySeries;
import io.puredots.analyzer.model.timeline.Timeline;
import io.puredots.analyzer.pipeline.JmcOptions;
import io.puredots.analyzer.pipeline.ReportPipeline;
import io.puredots.analyzer.pipeline.ReportRequest;
import io.puredots.budgets.Budgets;

import java.nio.file.Path;
import java.util.List;

/**
 * A manual check, not a test: reads a recording through {@link ReportPipeline} (JMC's rules off)
 * with or without the timeline and prints how long the pass took and what the timeline holds, so
 * that its time and heap can be measured on a large recording, e.g.
 * {@code java -Xmx256m -cp jfr-analyzer.jar:test-classes io.puredots.analyzer.stats.timeline.TimelineDriver big.jfr on}.
 */
public final class TimelineDriver {
    private TimelineDriver() {
    }

    /** @param args the recording, then {@code on} (with the timeline) or {@code off} */
    public static void main(String[] args) throws Exception {
        boolean on = args[1].equals("on");
        long t0 = System.nanoTime();
        Report r = ReportPipeline.run(ReportRequest.of(List.of(Path.of(args[0])), Budgets.defaults())
                .withJmc(JmcOptions.OFF).withTimeline(on));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("timeline %s: %d ms, %d frames, %d chunks%n", on ? "on" : "off", ms, r.frames().count(),
                r.overview().chunks());
        Timeline t = r.timeline();
        if (t == null) {
            return;
        }
        System.out.printf("frame buckets %d (max %d), ticks %d..%d, %d groups, %d workers%n", t.frames().size(),
                t.maxBuckets(), t.frames().get(0).firstTick(), t.frames().get(t.frames().size() - 1).lastTick(),
                t.groups().size(), t.workers().size());
        for (MemorySeries m : t.memory()) {
            System.out.printf("memory %s: %d points%n", m.id(), m.points().size());
        }
        for (FrameJobs f : t.slowFrameJobs()) {
            System.out.printf("slow frame tick %d: %d ns, %d jobs, %d dropped%n", f.tick(), f.durationNanos(),
                    f.jobs().size(), f.jobsDropped());
        }
    }
}
