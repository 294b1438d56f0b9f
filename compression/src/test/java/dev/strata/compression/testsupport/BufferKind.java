package dev.strata.compression.testsupport;

/**
 * What backs an Agrona buffer. Codecs take a different path for each (arrays, direct buffers, or
 * staging through scratch memory for raw addresses and mixed pairs), so tests run them all.
 */
public enum BufferKind {
    /** {@code UnsafeBuffer} over a {@code byte[]}. */
    ARRAY,
    /** {@code UnsafeBuffer} over a heap {@link java.nio.ByteBuffer} (array-backed, with an array offset). */
    HEAP_BYTE_BUFFER,
    /** {@code UnsafeBuffer} over a direct {@link java.nio.ByteBuffer}. */
    DIRECT_BYTE_BUFFER,
    /** {@code UnsafeBuffer} over a raw off-heap address: no array, no {@link java.nio.ByteBuffer}. */
    RAW_MEMORY
}
