/**
 * Block compression for Strata: the {@link dev.strata.compression.Codec} SPI, its codecs and the
 * checksummed block frame.
 *
 * <h2>What this package owns</h2>
 * <ul>
 *   <li>{@link dev.strata.compression.Codec}: compress and decompress byte ranges of Agrona
 *       {@link org.agrona.DirectBuffer}s (or {@link java.nio.ByteBuffer}s). Results are lengths or
 *       negative status codes ({@link dev.strata.compression.Codec#DST_TOO_SMALL} and friends).</li>
 *   <li>{@link dev.strata.compression.CodecType}: the persisted codec ids. An id is never reused.</li>
 *   <li>{@link dev.strata.compression.BlockFrameDescriptor}: the on-disk frame (codec id, flags,
 *       lengths, CRC32C) written by {@link dev.strata.compression.FrameWriter} and verified by
 *       {@link dev.strata.compression.FrameReader} <em>before</em> anything is decompressed.</li>
 * </ul>
 *
 * <h2>Priorities</h2>
 * Correctness first: a corrupt or truncated frame raises {@link
 * dev.strata.compression.CorruptFrameException} naming the offset and the reason, never wrong
 * output and never a JVM crash (only the safe LZ4 decompressor is used). Then zero allocation:
 * once warm, compress, decompress, frame write and frame read allocate nothing (native contexts
 * and scratch buffers are owned by the codec instance and reused).
 *
 * <h2>Threading</h2>
 * A {@link dev.strata.compression.Codec}, {@link dev.strata.compression.FrameWriter} and {@link
 * dev.strata.compression.FrameReader} are <b>not</b> thread-safe: each owns native state. Create
 * one per thread (or pool them explicitly) and {@code close()} it when done. {@link
 * dev.strata.compression.ZstdDictionary} is immutable and may be shared.
 *
 * <h2>Errors</h2>
 * Expected outcomes (destination too small) are negative return values. Misuse (bad level, range
 * outside the buffer) is an {@link java.lang.IllegalArgumentException}; corrupt input is a {@link
 * dev.strata.compression.CorruptFrameException}; a frame that needs a dictionary the reader does
 * not have is a {@link dev.strata.compression.MissingDictionaryException}. Opening a codec in a
 * JVM without the flags in {@link dev.strata.compression.JvmFlags} fails at once with {@link
 * dev.strata.compression.MissingJvmFlagsException}.
 */
package dev.strata.compression;
