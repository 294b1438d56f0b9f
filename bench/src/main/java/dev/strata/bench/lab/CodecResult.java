package dev.strata.bench.lab;

/**
 * What the compression lab measured for one codec and level over the whole corpus.
 *
 * @param codec             codec and level
 * @param blockSize         the block size ({@link LabSettings#WHOLE_FILE} for whole files)
 * @param blocks            number of blocks
 * @param uncompressedBytes input bytes
 * @param frameBytes        bytes of the block frames as Strata stores them (header, checksum, payload)
 * @param payloadBytes      bytes of the codec output alone
 * @param compressMBps      compression throughput in 10^6 uncompressed bytes per second, NaN if untimed
 * @param decompressMBps    decompression throughput in 10^6 uncompressed bytes per second, NaN if untimed
 * @param dictionaryBytes   size of the Zstd dictionary used, 0 without one
 */
public record CodecResult(CodecLevel codec, int blockSize, int blocks, long uncompressedBytes, long frameBytes,
    long payloadBytes, double compressMBps, double decompressMBps, int dictionaryBytes) {

    /** @return uncompressed bytes divided by frame bytes (higher is better) */
    public double ratio() {
        return frameBytes == 0 ? 1.0 : (double)uncompressedBytes / frameBytes;
    }
}
