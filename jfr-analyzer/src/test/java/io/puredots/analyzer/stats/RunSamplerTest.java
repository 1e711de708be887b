package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.compare.MetricRun;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RunSamplerTest {

    /** Ticks [from, to): frame time = tick ns, a system taking tick/2 ns in two calls per frame. */
    private static RunSampler chunk(RunSampler total, long from, long to) {
        RunSampler p = total.partial();
        for (long t = from; t < to; t++) {
            p.systemTick(0, t / 4, "Move", "G", t, 0);
            p.systemTick(0, t / 4, "Move", "G", t, 0);
            p.systemGroupTick(0, t / 2, "G", t);
            p.frame(0, t, t, 0);
        }
        return p;
    }

    private static MetricRun metric(List<MetricRun> ms, String id) {
        return ms.stream().filter(m -> m.metric().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void batchesArePerTickBlocksAndPartialOnesAreLeftOut() {
        RunSampler total = new RunSampler(100);
        // ticks 50..349: batch 0 holds 50 frames (kept: half), batches 1, 2 whole, batch 3 none
        total.merge(chunk(total, 50, 349));
        List<MetricRun> ms = total.metrics();
        MetricRun frame = metric(ms, "frame.time");
        // the frame's nearest-rank p95 of 50..99 is 97; of 100..199 is 194; of 200..299 is 294; 300..348 has 49
        // frames: out
        assertArrayEquals(new double[] {97, 194, 294}, frame.batches());
        assertEquals(299, frame.samples());
        // a system's median: per frame 2 * (t / 4), the 25th of 50 at t = 74, the 50th of 100 at t = 149, ...
        assertArrayEquals(new double[] {36, 74, 124}, metric(ms, "system.Move.frame").batches());
        assertArrayEquals(new double[] {18, 37, 62}, metric(ms, "system.Move.call").batches());
        assertEquals(598, metric(ms, "system.Move.call").samples());
    }

    @Test
    void chunksSplittingATickGiveTheSameBatchesAsOne() {
        RunSampler one = new RunSampler(100);
        RunSampler whole = chunk(one, 0, 1000);
        whole.systemTick(0, 0, "Move", "G", 436, 0);
        one.merge(whole);
        RunSampler split = new RunSampler(100);
        RunSampler a = chunk(split, 0, 437);
        RunSampler b = chunk(split, 437, 1000);
        // a system call of tick 436 lands in the next chunk
        b.systemTick(0, 0, "Move", "G", 436, 0);
        split.merge(a);
        split.merge(b);
        assertEquals(10, metric(one.metrics(), "frame.time").batches().length);
        assertArrayEquals(metric(one.metrics(), "frame.time").batches(), metric(split.metrics(), "frame.time").batches());
        assertArrayEquals(metric(one.metrics(), "system.Move.call").batches(),
                metric(split.metrics(), "system.Move.call").batches());
    }

    @Test
    void environmentIsTheFirstOfEachEvent() {
        RunSampler total = new RunSampler(10);
        RunSampler p = total.partial();
        p.cpuInformation(0, "x86", 2, 4);
        p.cpuInformation(0, "arm", 8, 8);
        p.osInformation(0, "PRETTY_NAME=\"Debian 12\"\nNAME=Debian\n");
        p.gcConfiguration(0, "G1New", "G1Old");
        p.gcHeapConfiguration(0, 1L << 30);
        p.jvmInformation(0, "OpenJDK", "17.0.15", "-Xmx1g", "", 0, 1);
        p.frame(0, 1000, 0, 0);
        p.cpuLoad(0, 0.25, 0.05, 0.5);
        p.cpuLoad(0, 0.5, 0.1, 0.5);
        total.merge(p);
        MetricRun other = metric(total.metrics(), "machine.other-cpu");
        assertArrayEquals(new double[] {0.1}, other.batches(), 1e-12);
        assertEquals(2, other.samples());
        var e = total.environment();
        assertEquals(2, e.cores());
        assertEquals(4, e.hwThreads());
        assertEquals("Debian 12", e.os());
        assertEquals("G1New/G1Old", e.gc());
        assertEquals(1L << 30, e.maxHeapBytes());
        assertEquals("17.0.15", e.jdk());
    }
}
