package dev.strata.tier.block;

/**
 * The geometry of a formatted device, in blocks: superblock copies A and B, metadata copies A and
 * B, then data (see {@link SuperblockDescriptor}).
 */
final class BlockLayout {
    /** Data blocks a device must have beyond its superblocks and metadata slots. */
    static final int MIN_DATA_BLOCKS = 16;

    final int blockSize;
    final long deviceBlocks;
    final int superblockBlocks;
    final int metadataBlocks;

    BlockLayout(final int blockSize, final long deviceBlocks, final int superblockBlocks, final int metadataBlocks) {
        this.blockSize = blockSize;
        this.deviceBlocks = deviceBlocks;
        this.superblockBlocks = superblockBlocks;
        this.metadataBlocks = metadataBlocks;
    }

    static BlockLayout of(final BlockTierOptions options, final int blockSize, final long deviceBlocks) {
        final int s = (int) ceilDiv(options.tableBytes(), blockSize);
        final int m = (int) ceilDiv(MetadataSlotDescriptor.HEADER_LENGTH + (long) options.metadataBytes(), blockSize);
        return new BlockLayout(blockSize, deviceBlocks, s, m);
    }

    /** @return the device offset of superblock copy {@code copy} (0 or 1) */
    long superblockOffset(final int copy) {
        return (long) copy * superblockBlocks * blockSize;
    }

    int superblockBytes() {
        return superblockBlocks * blockSize;
    }

    /** @return the device offset of metadata copy {@code copy} (0 or 1) */
    long metadataOffset(final int copy) {
        return (2L * superblockBlocks + (long) copy * metadataBlocks) * blockSize;
    }

    int metadataBytes() {
        return metadataBlocks * blockSize;
    }

    long firstDataBlock() {
        return 2L * superblockBlocks + 2L * metadataBlocks;
    }

    /** @return the smallest device, in bytes, this layout fits */
    long minimumDeviceBytes() {
        return (firstDataBlock() + MIN_DATA_BLOCKS) * blockSize;
    }

    /**
     * @return the alignment, in blocks, the allocator prefers for extents: the minimum extent
     *     size, at most 1 MiB (see {@link ExtentAllocator} for why)
     */
    static long extentAlignmentBlocks(final BlockTierOptions options, final int blockSize) {
        return Math.max(1, Math.min(1L << 20, options.minExtentBytes()) / blockSize);
    }

    static long ceilDiv(final long a, final long b) {
        return (a + b - 1) / b;
    }
}
