package io.puredots.analyzer.stats;

/**
 * One value per tick (frame): the sum of every value added for that tick, judged against a
 * per-tick limit. Keeps the distribution of per-tick sums, the number of ticks over the limit and
 * the longest run of consecutive over-limit ticks, exactly, across chunk boundaries.
 *
 * <p>Values must arrive in non-decreasing tick order within a chunk (true for events committed
 * on one thread, such as group and system ticks on the main thread). A chunk boundary can split
 * one tick's values between two chunks, so the first and the current (last) tick of a partial
 * stay open until {@link #merge} with the neighbouring partial or {@link #finish}:
 *
 * <pre>{@code
 * chunk k:    [head] t1 t2 ... [tail]      head/tail open, the ticks between are final
 * chunk k+1:  [head] ...                   k.tail and (k+1).head are one tick if equal
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class TickSeries {
    private final long limit;

    private boolean hasHead;
    private long headTick;
    private long headSum;
    private boolean hasTail;
    private long tailTick;
    private long tailSum;

    private final Dist perTick = new Dist();
    private final Runs runs = new Runs();
    private long over;
    private boolean finished;
    private long longest;

    /** @param limit per-tick limit; a tick is over when its sum is greater; {@code Long.MAX_VALUE} for none */
    public TickSeries(long limit) {
        this.limit = limit;
    }

    public void add(long tick, long value) {
        if (!hasHead) {
            hasHead = true;
            headTick = tick;
            headSum = value;
        } else if (!hasTail) {
            if (tick == headTick) {
                headSum += value;
            } else {
                hasTail = true;
                tailTick = tick;
                tailSum = value;
            }
        } else if (tick == tailTick) {
            tailSum += value;
        } else {
            settle(tailTick, tailSum);
            tailTick = tick;
            tailSum = value;
        }
    }

    /** Records a final tick after every tick settled so far. */
    private void settle(long tick, long sum) {
        boolean isOver = sum > limit;
        perTick.record(sum);
        runs.add(tick, isOver);
        if (isOver) {
            over++;
        }
    }

    /** Merges the partial of the chunk that follows this one; {@code next} is not used afterwards. */
    public void merge(TickSeries next) {
        if (!next.hasHead) {
            return;
        }
        if (!hasHead) {
            hasHead = true;
            headTick = next.headTick;
            headSum = next.headSum;
            hasTail = next.hasTail;
            tailTick = next.tailTick;
            tailSum = next.tailSum;
            appendSettled(next);
            return;
        }
        // order: head, settled, [tail], next.head, next.settled, [next.tail]
        boolean pending = true;
        long xTick = next.headTick;
        long xSum = next.headSum;
        if (hasTail) {
            if (tailTick == xTick) {
                xSum += tailSum;
            } else {
                settle(tailTick, tailSum);
            }
        } else if (headTick == xTick) {
            headSum += xSum;
            pending = false;
        }
        if (pending) {
            if (next.hasTail) {
                settle(xTick, xSum);
                appendSettled(next);
                tailTick = next.tailTick;
                tailSum = next.tailSum;
            } else {
                tailTick = xTick;
                tailSum = xSum;
            }
            hasTail = true;
        } else {
            appendSettled(next);
            hasTail = next.hasTail;
            tailTick = next.tailTick;
            tailSum = next.tailSum;
        }
    }

    private void appendSettled(TickSeries next) {
        perTick.add(next.perTick);
        runs.append(next.runs);
        over += next.over;
    }

    /** Settles the open head and tail; call once, after the last merge. */
    public TickSeries finish() {
        if (finished) {
            return this;
        }
        finished = true;
        if (!hasHead) {
            return this;
        }
        Runs all = new Runs();
        boolean headOver = headSum > limit;
        all.add(headTick, headOver);
        perTick.record(headSum);
        over += headOver ? 1 : 0;
        all.append(runs);
        if (hasTail) {
            boolean tailOver = tailSum > limit;
            all.add(tailTick, tailOver);
            perTick.record(tailSum);
            over += tailOver ? 1 : 0;
        }
        longest = all.longest();
        return this;
    }

    /** Distribution of per-tick sums (after {@link #finish}). */
    public Dist perTick() {
        return perTick;
    }

    /** Ticks whose sum is over the limit (after {@link #finish}). */
    public long overCount() {
        return over;
    }

    /** Longest run of consecutive over-limit ticks (after {@link #finish}). */
    public long longestOverRun() {
        return longest;
    }

    public long limit() {
        return limit;
    }
}
