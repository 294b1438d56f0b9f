package dev.strata.bench.jmh;

import java.nio.ByteBuffer;

/**
 * A compression library called directly, without Strata, on direct {@link ByteBuffer}s with
 * absolute offsets: the baseline that {@link RawLibraryBenchmark} measures. Implementations are in
 * {@link RawCodecs}; each owns its native state and is closed after the trial.
 */
interface RawCodec extends AutoCloseable {
    /** @return the compressed length, or a negative value if it did not fit */
    int compress(ByteBuffer src, int srcOffset, int srcLength, ByteBuffer dst, int dstOffset, int dstCapacity);

    /** @return the decompressed length, or a negative value for malformed input */
    int decompress(ByteBuffer src, int srcOffset, int srcLength, ByteBuffer dst, int dstOffset, int dstCapacity);

    /** @return the library's name and call, for messages */
    String describe();

    @Override
    void close();
}
