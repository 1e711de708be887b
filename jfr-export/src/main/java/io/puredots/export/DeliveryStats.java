package io.puredots.export;

/**
 * Counts of one HTTP sink's life, in points (lines). Every point handed to the sink is counted
 * in exactly one of written, refused and dropped, so once the sink is closed
 * {@code written + refused + dropped == points}:
 * <ul>
 *   <li>written: stored by the server (2xx, or the accepted lines of a partial write);</li>
 *   <li>refused: the server answered that it did not store them (the refused lines of a partial
 *       write; a whole batch refused with 400, 401, 403, 404, 413 or another 4xx; a whole batch
 *       when the server stored part of it without saying how much);</li>
 *   <li>dropped: never got the server's verdict (given up on at close, spill file full or failing,
 *       after a fatal error, or an internal error while sending).</li>
 * </ul>
 * Besides: retried (points sent again after a failed attempt, once per re-send; a retried point
 * also ends up in one of the three), renamed (points written with a name replaced because line
 * protocol cannot carry it, see {@link LineProtocol}; they are in the three counts as well),
 * requests made, batches that went to the spill file and the spill file's largest size.
 * Immutable snapshot.
 */
public final class DeliveryStats {
    /** Points handed to the sink. */
    public final long points;
    public final long written;
    public final long retried;
    public final long refused;
    public final long dropped;
    public final long renamed;
    public final long requests;
    public final long spilledBatches;
    public final long maxSpillBytes;

    DeliveryStats(long points, long written, long retried, long refused, long dropped, long renamed, long requests,
                  long spilledBatches, long maxSpillBytes) {
        this.points = points;
        this.written = written;
        this.retried = retried;
        this.refused = refused;
        this.dropped = dropped;
        this.renamed = renamed;
        this.requests = requests;
        this.spilledBatches = spilledBatches;
        this.maxSpillBytes = maxSpillBytes;
    }

    /** Points handed to the sink and not stored by the server (refused, dropped, or still on their way). */
    public long undelivered() {
        return points - written;
    }

    /** Whether the server stored every point handed to the sink (final once the sink is closed). */
    public boolean allDelivered() {
        return written == points;
    }

    /**
     * One line for stderr, for example
     * {@code points: 238 of 249 written, 0 retried, 11 refused, 0 dropped (3 requests, 0 batches spilled to disk)}.
     */
    @Override
    public String toString() {
        return "points: " + written + " of " + points + " written, " + retried + " retried, " + refused + " refused, "
                + dropped + " dropped (" + requests + " requests, " + spilledBatches + " batches spilled to disk"
                + (renamed == 0 ? "" : "; " + renamed + " written with a name replaced") + ")";
    }
}
