package io.puredots.analyzer.jmc;

import io.puredots.analyzer.model.JmcReport;
import org.openjdk.jmc.common.item.IItemCollection;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Heap retained by JMC's event collection for one recording: every event type, or only the ones
 * {@link JmcAnalysis} loads. Not a test; run by jfr-analyzer/bench/jmc-heap.sh. Arguments:
 * {@code all|filtered file.jfr}. Prints one line: mode, file MB, retained heap MB, ratio, then
 * (filtered) the time the rules took.
 */
public final class JmcHeapMeasure {
    private JmcHeapMeasure() {
    }

    public static void main(String[] args) throws Exception {
        boolean filtered = args[0].equals("filtered");
        Path file = Path.of(args[1]);
        long size = Files.size(file);
        long before = usedAfterGc();
        IItemCollection items = JmcAnalysis.load(List.of(file),
                filtered ? JmcAnalysis.requiredEventTypes(JmcAnalysis.rules()) : null);
        long after = usedAfterGc();
        long events = 0;
        for (var it : items) {
            events += it.getItemCount();
        }
        String rules = "";
        if (filtered) {
            long t0 = System.nanoTime();
            JmcReport r = JmcAnalysis.run(List.of(file), Long.MAX_VALUE);
            rules = String.format(Locale.ROOT, " rules=%d warnings=%d rules_s=%.1f", r.rulesRun(), r.warnings().size(),
                    (System.nanoTime() - t0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "%s file_mb=%.1f events=%d retained_mb=%.1f ratio=%.2f bytes_per_event=%.0f%s%n",
                args[0], size / 1048576.0, events, (after - before) / 1048576.0, (after - before) / (double) size,
                (after - before) / (double) Math.max(1, events), rules);
        java.lang.ref.Reference.reachabilityFence(items);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
