/**
 * Reading JFR recordings: the only package that knows a parser API or the file format.
 *
 * <p>Entry point: {@link io.puredots.analyzer.read.RecordingReader#read}. It splits every input
 * into chunks by reading chunk headers only, asks a supplier for one
 * {@link io.puredots.analyzer.read.EventHandler} per chunk, decodes the chunks (in parallel, at
 * most {@link io.puredots.analyzer.read.ReadOptions#parallelism()} in flight) and returns the
 * handlers in chunk order for the caller to merge, plus per-type event counts equal to
 * {@code jfr summary}'s.
 *
 * <p>Two decoders, chosen with {@link io.puredots.analyzer.read.ReadOptions.Decoder}:
 * <ul>
 *   <li>{@code FAST} (default): a hand-written chunk decoder (metadata, constant pools, events)
 *       that hands primitives and canonical strings to the handler, decodes only the event
 *       types whose handler method is overridden, and keeps memory at one chunk's metadata and
 *       needed constant pools plus a read window per chunk in flight, whatever the file size.
 *       Compared with RecordingFile, JMC and async-profiler's JfrReader by
 *       {@code jfr-analyzer/bench/reader-bench.sh}.</li>
 *   <li>{@code REFERENCE}: {@code jdk.jfr.consumer.RecordingFile}, one chunk at a time; slow,
 *       obviously correct; the tests check {@code FAST} against it call for call.</li>
 * </ul>
 *
 * <p>Damage (truncation, corrupt sizes or metadata, a chunk still being written) is reported as
 * {@link io.puredots.analyzer.read.RecordingFormatException} naming file, chunk and byte offset;
 * with {@link io.puredots.analyzer.read.ReadOptions#skipDamagedChunks()} damaged chunks are left
 * out with a warning instead.
 */
package io.puredots.analyzer.read;
