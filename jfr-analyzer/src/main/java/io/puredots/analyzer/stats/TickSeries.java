package io.puredots.analyzer.stats;

/**
 * One value per tick (frame): the sum of every value added for that tick, judged against a
 * per-tick limit. Keeps the distribution of per-tick sums, the number of ticks over the limit and
 * the longest run of consecutive over-limit ticks, exactly, across chunk boundaries.
 *
 * <p>Within a chunk, values may arrive in any tick order (JFR writes a thread's events out of
 * order within a chunk: a thread-local buffer can land before buffers flushed earlier), so a
 * chunk's values are summed per tick in {@link TickSums} (a dense array over the chunk's tick
 * range: 8 bytes per tick of one chunk) and {@link #seal sealed} in tick order at the chunk's end. Across chunks, ticks must not go back:
 * every tick of chunk k is at most every tick of chunk k+1, with at most one tick shared (the
 * tick running when the chunk rotated). So the first and last tick of a sealed partial stay open
 * until {@link #merge} with the neighbouring partial or {@link #finish}:
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

    private final Recycler recycler;
    private final DistributionRecorder perTick;
    private final LongestOverRun runs = new LongestOverRun();
    private long over;
    private boolean finished;
    private long longest;

    /** @param limit per-tick limit; a tick is over when its sum is greater; {@code Long.MAX_VALUE} for none */
    public TickSeries(long limit) {
        this(limit, Recycler.NONE);
    }

    TickSeries(long limit, Recycler recycler) {
        this.limit = limit;
        this.recycler = recycler;
        this.perTick = new DistributionRecorder(recycler);
        this.pending = new TickSums(recycler);
    }

    private TickSums pending;

    /** Adds a value to its tick; any tick order within one chunk. */
    public void add(long tick, long value) {
        if (pending == null) {
            throw new IllegalStateException("add after seal");
        }
        pending.add(tick, value);
    }

    /** Settles the chunk's values in tick order, keeping its first and last tick open; idempotent. */
    public void seal() {
        seal(null);
    }

    /** Receives a chunk's per-tick sums, ticks ascending and distinct. */
    interface Sums {
        void accept(long[] ticks, long[] sums, int n);
    }

    /** {@link #seal()}, handing the chunk's per-tick sums to {@code to} (if not null) the first time. */
    void seal(Sums to) {
        if (pending == null) {
            return;
        }
        TickSums sums = pending;
        pending = null;
        int n = sums.size();
        if (n > 0) {
            long[] ticks = recycler.longs(n);
            long[] sumsOf = recycler.longs(n);
            sums.copyTo(ticks, sumsOf);
            if (to != null) {
                to.accept(ticks, sumsOf, n);
            }
            sealSorted(ticks, sumsOf, n);
            recycler.give(ticks);
            recycler.give(sumsOf);
        }
        sums.release();
    }

    /**
     * Appends {@code n} distinct ticks in ascending order. The head and tail are set up by
     * {@link #append}; the ticks after them go through a loop that only settles, with no branch
     * taken just once per chunk (the JIT compiles such a branch out, and the next chunk that takes
     * it deoptimizes the loop).
     */
    private void sealSorted(long[] ticks, long[] sumsOf, int n) {
        if (hasHead) { // not a fresh partial: the general path
            for (int i = 0; i < n; i++) {
                append(ticks[i], sumsOf[i]);
            }
            return;
        }
        int i = 0;
        for (; i < n && !hasTail; i++) {
            append(ticks[i], sumsOf[i]);
        }
        if (i == n) {
            return;
        }
        settle(tailTick, tailSum); // the first settled tick: runs may be empty
        tailTick = ticks[i];
        tailSum = sumsOf[i];
        boolean plain = limit >= 0;
        for (i++; i < n; i++) {
            if (plain) {
                settleNext(tailTick, tailSum);
            } else {
                settle(tailTick, tailSum);
            }
            tailTick = ticks[i];
            tailSum = sumsOf[i];
        }
    }

    /**
     * {@link #settle} of a tick after the first settled one, branch-free: whether a tick is
     * over the limit (rare in most series) decides no branch. Needs {@code limit >= 0}.
     */
    private void settleNext(long tick, long sum) {
        perTick.record(sum);
        long overBit = ((limit - sum) & ~sum) >>> 63; // sum > limit, for limit >= 0 and any sum
        over += overBit;
        runs.next(tick, overBit);
    }

    private void append(long tick, long value) {
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
        seal();
        next.seal();
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
        boolean open = true;
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
            open = false;
        }
        if (open) {
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
        seal();
        finished = true;
        if (!hasHead) {
            return this;
        }
        LongestOverRun all = new LongestOverRun();
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
    public DistributionRecorder perTick() {
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
