package io.puredots.analyzer.model.attribution;

/**
 * Allocation rate around a frame or streak from {@code jdk.ObjectAllocationSample} weights,
 * against the recording's mean. Immutable.
 *
 * @param windowStartNanos   start of the measured window, epoch ns (the frame or streak, widened
 *                           to the minimum window and centred on it)
 * @param windowNanos        length of the window, ns
 * @param bytesPerSecond     sampled allocation rate in the window
 * @param meanBytesPerSecond the recording's mean sampled allocation rate
 * @param ratioToMean        {@code bytesPerSecond / meanBytesPerSecond}; 0 if the mean is 0
 * @param spike              whether the ratio is at least the configured spike ratio
 */
public record AllocationRate(long windowStartNanos, long windowNanos, double bytesPerSecond,
                             double meanBytesPerSecond, double ratioToMean, boolean spike) {
}
