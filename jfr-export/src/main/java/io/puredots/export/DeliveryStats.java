package io.puredots.export;

/**
 * Counts of one HTTP sink's life, in points (lines): written (stored by the server), retried
 * (points sent again after a failed attempt, once per re-send), dropped (refused by the server,
 * or given up on). Plus requests made, batches that went to the spill file and the spill file's
 * largest size. Immutable snapshot.
 */
public final class DeliveryStats {
    public final long written;
    public final long retried;
    public final long dropped;
    public final long requests;
    public final long spilledBatches;
    public final long maxSpillBytes;

    DeliveryStats(long written, long retried, long dropped, long requests, long spilledBatches, long maxSpillBytes) {
        this.written = written;
        this.retried = retried;
        this.dropped = dropped;
        this.requests = requests;
        this.spilledBatches = spilledBatches;
        this.maxSpillBytes = maxSpillBytes;
    }

    /** One line for stderr, for example {@code points: 12000 written, 5000 retried, 0 dropped}. */
    @Override
    public String toString() {
        return "points: " + written + " written, " + retried + " retried, " + dropped + " dropped ("
                + requests + " requests, " + spilledBatches + " batches spilled to disk)";
    }
}
