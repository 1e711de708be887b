package io.puredots.analyzer.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** IndexSort against the JDK's stable sort of boxed indexes (TimSort over Integer). */
class IndexSortTest {
    private static int[] boxedAscending(long[] key, int n) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            idx.add(i);
        }
        idx.sort(Comparator.comparingLong(i -> key[i]));
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] boxedLargest(long[] value, long[] tie, int n, int limit) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            idx.add(i);
        }
        idx.sort((a, b) -> {
            int c = Long.compare(value[b], value[a]);
            return c != 0 ? c : Long.compare(tie[a], tie[b]);
        });
        return idx.subList(0, Math.min(limit, n)).stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void ascendingIsTheStableOrderForRandomSortedReversedTiedAndSegmentedKeys() {
        Random r = new Random(42);
        for (int round = 0; round < 300; round++) {
            int n = r.nextInt(round < 50 ? 8 : 5000);
            long[] key = new long[n + 3]; // longer than n: only the first n count
            int shape = round % 5;
            for (int i = 0; i < key.length; i++) {
                key[i] = switch (shape) {
                    case 0 -> r.nextLong();
                    case 1 -> i;                  // already sorted
                    case 2 -> -i;                 // reversed
                    case 3 -> r.nextInt(5);       // many ties: stability matters
                    default -> (i % 97) / 3;      // sorted segments with ties
                };
            }
            assertArrayEquals(boxedAscending(key, n), IndexSort.ascending(key, n), "round " + round);
        }
    }

    @Test
    void largestIsTheTopOfTheWorstFirstOrder() {
        Random r = new Random(7);
        for (int round = 0; round < 300; round++) {
            int n = r.nextInt(2000);
            long[] value = new long[n];
            long[] tie = new long[n];
            for (int i = 0; i < n; i++) {
                value[i] = r.nextInt(round % 2 == 0 ? 50 : 1_000_000);
                tie[i] = r.nextInt(100);
            }
            int limit = r.nextInt(12);
            assertArrayEquals(boxedLargest(value, tie, n, limit), IndexSort.largest(value, tie, n, limit),
                    "round " + round);
        }
    }
}
