package io.puredots.sim.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobSchedulerTest {
    private JobScheduler js;

    @BeforeEach
    void start() {
        js = new JobScheduler(2);
    }

    @AfterEach
    void stop() {
        js.close();
    }

    @Test
    void dependentJobSeesTheResultOfItsDependency() {
        long[] cell = new long[3];
        // A is slow, B and C are quick: without dependency order B would read 0
        JobHandle a = js.schedule("A", () -> {
            long s = 0;
            for (int i = 1; i <= 3_000_000; i++) {
                s += i % 7;
            }
            cell[0] = s;
        });
        JobHandle b = js.schedule("B", () -> cell[1] = cell[0] * 3 + 1, a);
        JobHandle c = js.schedule("C", () -> cell[2] = cell[1] * 2 + cell[0], b);
        js.complete(c);
        long expectedA = 0;
        for (int i = 1; i <= 3_000_000; i++) {
            expectedA += i % 7;
        }
        assertEquals(expectedA, cell[0]);
        assertEquals(expectedA * 3 + 1, cell[1]);
        assertEquals((expectedA * 3 + 1) * 2 + expectedA, cell[2]);
        assertTrue(a.isDone() && b.isDone());
    }

    @Test
    void longChainAppliesEveryStepInOrder() {
        long[] v = {7};
        JobHandle prev = null;
        for (int j = 0; j < 200; j++) {
            final int k = j;
            Job step = () -> v[0] = v[0] * 31 + k;
            prev = prev == null ? js.schedule("step" + j, step) : js.schedule("step" + j, step, prev);
        }
        js.complete(prev);
        long expected = 7;
        for (int j = 0; j < 200; j++) {
            expected = expected * 31 + j;
        }
        assertEquals(expected, v[0]);
        assertEquals(200, prev.chainDepth());
    }

    @Test
    void parallelForCoversEveryIndexExactlyOnce() {
        int n = 100_003;
        AtomicIntegerArray hits = new AtomicIntegerArray(n);
        int[] maxBatch = new int[1];
        JobHandle h = js.scheduleParallel("Cover", n, 97, (s, e) -> {
            for (int i = s; i < e; i++) {
                hits.incrementAndGet(i);
            }
            synchronized (maxBatch) {
                maxBatch[0] = Math.max(maxBatch[0], e - s);
            }
        });
        assertEquals((n + 96) / 97, h.batchCount());
        js.complete(h);
        for (int i = 0; i < n; i++) {
            assertEquals(1, hits.get(i), "index " + i);
        }
        assertEquals(97, maxBatch[0]);
    }

    @Test
    void emptyParallelForCompletesWithoutRunning() {
        AtomicBoolean ran = new AtomicBoolean();
        JobHandle h = js.scheduleParallel("Empty", 0, 64, (s, e) -> ran.set(true));
        js.complete(h);
        assertFalse(ran.get());
        assertEquals(0, h.batchCount());
    }

    @Test
    void chainDepthIsTheLongestPathOfJobs() {
        JobHandle a = js.schedule("A", () -> { });
        JobHandle b = js.schedule("B", () -> { }, a);
        JobHandle c = js.schedule("C", () -> { }, a, b);
        JobHandle d = js.schedule("D", () -> { });
        JobHandle both = js.combine(c, d);
        JobHandle e = js.scheduleParallel("E", 10, 3, (s, t) -> { }, both);
        assertEquals(1, a.chainDepth());
        assertEquals(2, b.chainDepth());
        assertEquals(3, c.chainDepth());
        assertEquals(1, d.chainDepth());
        assertEquals(3, both.chainDepth());
        assertEquals(4, e.chainDepth());
        js.complete(e);
        assertTrue(c.isDone() && d.isDone());
    }

    @Test
    void combineIsDoneOnlyWhenEveryInputIsDone() {
        int[] out = new int[4];
        JobHandle[] hs = new JobHandle[4];
        for (int i = 0; i < 4; i++) {
            final int k = i;
            hs[i] = js.scheduleParallel("Part" + i, 1000, 100, (s, e) -> {
                int sum = 0;
                for (int x = s; x < e; x++) {
                    sum += x;
                }
                synchronized (out) {
                    out[k] += sum;
                }
            });
        }
        js.complete(js.combine(hs));
        for (int i = 0; i < 4; i++) {
            assertTrue(hs[i].isDone());
            assertEquals(999 * 1000 / 2, out[i]);
        }
    }

    @Test
    void exceptionSurfacesAtCompleteNamingTheJob() {
        AtomicBoolean dependentRan = new AtomicBoolean();
        JobHandle boom = js.scheduleParallel("ExplodingJob", 100, 10, (s, e) -> {
            if (s == 50) {
                throw new IllegalStateException("bad batch");
            }
        });
        JobHandle after = js.schedule("AfterJob", () -> dependentRan.set(true), boom);
        JobException e = assertThrows(JobException.class, () -> js.complete(after));
        assertEquals("ExplodingJob", e.jobName());
        assertTrue(e.getMessage().contains("'ExplodingJob'"), e.getMessage());
        assertTrue(e.getCause() instanceof IllegalStateException);
        assertFalse(dependentRan.get(), "a job whose dependency failed must not run");
        JobException direct = assertThrows(JobException.class, () -> js.complete(boom));
        assertEquals("ExplodingJob", direct.jobName());
        // the scheduler keeps working after a failure
        js.recycle();
        int[] x = new int[1];
        js.complete(js.schedule("Fine", () -> x[0] = 42));
        assertEquals(42, x[0]);
    }

    @Test
    void mainThreadRunsJobsWhileItWaits() throws InterruptedException {
        JobScheduler one = new JobScheduler(1);
        try {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            JobHandle blocker = one.schedule("Blocker", () -> {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            started.await(); // the only worker is now busy
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            JobHandle mine = one.schedule("Mine", () -> ranOn.set(Thread.currentThread()));
            one.complete(mine);
            assertSame(Thread.currentThread(), ranOn.get());
            release.countDown();
            one.complete(blocker);
        } finally {
            one.close();
        }
    }

    @Test
    void handlesArePooledAcrossRecycle() {
        JobHandle first = js.schedule("X", () -> { });
        js.complete(first);
        js.recycle();
        JobHandle second = js.schedule("Y", () -> { });
        assertSame(first, second);
        js.complete(second);
        assertEquals("Y", second.name());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new JobScheduler(0));
        assertThrows(IllegalArgumentException.class, () -> js.scheduleParallel("Bad", 10, 0, (s, e) -> { }));
        assertThrows(IllegalArgumentException.class, () -> js.scheduleParallel("Bad", -1, 1, (s, e) -> { }));
    }
}
