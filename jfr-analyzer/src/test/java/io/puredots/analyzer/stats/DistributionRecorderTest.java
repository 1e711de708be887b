package io.puredots.analyzer.stats;

import io.puredots.analyzer.model.Distribution;
import io.puredots.analyzer.testing.Exact;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DistributionRecorderTest {

    @Test
    void emptyIsAllZero() {
        assertEquals(Distribution.EMPTY, new DistributionRecorder().summary());
        DistributionRecorder d = new DistributionRecorder();
        d.add(new DistributionRecorder());
        assertEquals(Distribution.EMPTY, d.summary());
    }

    @Test
    void negativeValuesCountAsZero() {
        DistributionRecorder d = new DistributionRecorder();
        d.record(-5);
        d.record(10);
        assertEquals(0, d.summary().min());
        assertEquals(10, d.summary().sum());
    }

    @Test
    void zerosCountLikeRecordedZeros() {
        DistributionRecorder a = new DistributionRecorder();
        DistributionRecorder b = new DistributionRecorder();
        for (long v : new long[] {5, 7, 9}) {
            a.record(v);
            b.record(v);
        }
        a.recordZeros(4);
        for (int i = 0; i < 4; i++) {
            b.record(0);
        }
        assertEquals(b.summary(), a.summary());
        assertEquals(0, a.summary().p50());
    }

    /** Streamed and merged (in any split) against the exact sort, over a wide value range. */
    @RepeatedTest(50)
    void mergedPartialsMatchTheExactSort(RepetitionInfo info) {
        Random rnd = new Random(info.getCurrentRepetition());
        List<Long> all = new ArrayList<>();
        DistributionRecorder total = new DistributionRecorder();
        DistributionRecorder part = new DistributionRecorder();
        int n = 1 + rnd.nextInt(5000);
        for (int i = 0; i < n; i++) {
            long v = (long) Math.exp(rnd.nextDouble() * Math.log(5e9));   // 1 ns .. 5 s, log-uniform
            all.add(v);
            part.record(v);
            if (rnd.nextInt(500) == 0) {
                total.add(part);
                part = new DistributionRecorder();
            }
        }
        total.add(part);
        Exact.check("values", all, total.summary());
    }

    /**
     * Partials large enough to hold a histogram (more than BUFFER_MAX values: int counts), merged,
     * and recorded into again after a merge (a partial adopted as the running total).
     */
    @RepeatedTest(10)
    void largePartialsWithHistogramsMergeAndKeepRecording(RepetitionInfo info) {
        Random rnd = new Random(100 + info.getCurrentRepetition());
        List<Long> all = new ArrayList<>();
        DistributionRecorder total = new DistributionRecorder();
        for (int p = 0; p < 4; p++) {
            DistributionRecorder part = new DistributionRecorder();
            int n = DistributionRecorder.BUFFER_MAX + 1 + rnd.nextInt(20_000);
            for (int i = 0; i < n; i++) {
                long v = (long) Math.exp(rnd.nextDouble() * Math.log(5e9));
                all.add(v);
                part.record(v);
            }
            if (p == 0) {
                total = part;          // adopted: it was recorded into, now others merge into it
            } else {
                total.add(part);
            }
            for (int i = 0; i < 100; i++) {
                long v = rnd.nextInt(1000);
                all.add(v);
                total.record(v);       // recording after a merge
            }
        }
        Exact.check("values", all, total.summary());
    }
}
