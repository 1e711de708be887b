package io.puredots.analyzer.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@link RunBuffer#order} is a stable sort by start, like the list sort it replaced. */
class RunBufferTest {

    @Test
    void ordersByStartKeepingArrivalOrderOfTies() {
        Random r = new Random(3);
        RunBuffer b = new RunBuffer();
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

    @Test
    void runsAlreadyInOrderNeedNoSort() {
        RunBuffer b = new RunBuffer();
        for (int i = 0; i < 100; i++) {
            b.add(i / 2, i, i);
        }
        assertNull(b.order());
        assertEquals(100, b.size());
    }
}
