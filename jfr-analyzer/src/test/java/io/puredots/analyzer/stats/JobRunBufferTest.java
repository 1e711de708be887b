package io.puredots.analyzer.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@link JobRunBuffer#order} is a stable sort by start, checked against the JDK's stable list sort. */
class JobRunBufferTest {

    @Test
    void ordersByStartKeepingArrivalOrderOfTies() {
        Random r = new Random(3);
        JobRunBuffer b = new JobRunBuffer();
        List<long[]> list = new ArrayList<>();
        for (int i = 0; i < 10_007; i++) {
            long start = r.nextInt(2000);   // many equal starts
            b.add(start, start + i, i);
            list.add(new long[] {start, start + i, i});
        }
        list.sort(Comparator.comparingLong(a -> a[0]));
        int[] order = b.order();
        for (int k = 0; k < list.size(); k++) {
            assertEquals(list.get(k)[2], b.tick(order[k]), "position " + k);
            assertEquals(list.get(k)[1], b.end(order[k]));
        }
    }

    /** Sorted segments written out of order, as JFR writes a thread's buffers: put in start order, stable. */
    @Test
    void segmentsInOrderAreMergedStably() {
        for (int segments : new int[] {2, 5, 64, 65, 200}) {
            Random r = new Random(segments);
            JobRunBuffer b = new JobRunBuffer(new Recycler(1 << 20));
            List<long[]> list = new ArrayList<>();
            int i = 0;
            for (int s = 0; s < segments; s++) {
                long start = s == 0 ? 1000 : r.nextInt(1000);   // every later segment starts earlier
                for (int k = 0; k < 300; k++, i++) {
                    start += r.nextInt(3);   // non-decreasing within a segment, with ties across segments
                    b.add(start, start + i, i);
                    list.add(new long[] {start, start + i, i});
                }
            }
            list.sort(Comparator.comparingLong(a -> a[0]));
            int[] order = b.order();
            assertNotNull(order);
            for (int k = 0; k < list.size(); k++) {
                assertEquals(list.get(k)[2], b.tick(order[k]), segments + " segments, position " + k);
            }
        }
    }

    @Test
    void aReleasedBufferIsEmptyAndTakesRunsAgain() {
        Recycler r = new Recycler(1 << 20);
        JobRunBuffer b = new JobRunBuffer(r);
        for (int i = 0; i < 5000; i++) {
            b.add(5000 - i, 5000 - i + 1, i);
        }
        b.release();
        assertEquals(0, b.size());
        assertNull(b.order());
        b.add(7, 8, 9);
        assertEquals(1, b.size());
        assertEquals(9, b.tick(0));
    }

    @Test
    void runsAlreadyInOrderNeedNoSort() {
        JobRunBuffer b = new JobRunBuffer();
        for (int i = 0; i < 100; i++) {
            b.add(i / 2, i, i);
        }
        assertNull(b.order());
        assertEquals(100, b.size());
    }
}
