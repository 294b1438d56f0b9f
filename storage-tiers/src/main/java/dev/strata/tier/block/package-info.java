/**
 * The block tier: one preallocated file or block device, fixed-size blocks
 * ({@link dev.strata.tier.block.BlockTier}).
 *
 * <p>The block size comes from {@code FileStore.getBlockSize()}. A double superblock with a
 * generation and a CRC32C holds the segment table; a segment is a list of extents; the free map is
 * rebuilt from the table on open. All I/O is positional, whole blocks, from aligned off-heap
 * buffers, with O_DIRECT when the file system accepts it ({@link dev.strata.tier.block.IoMode}).
 * Layouts: {@link dev.strata.tier.block.SuperblockDescriptor},
 * {@link dev.strata.tier.block.MetadataSlotDescriptor}.
 */
package dev.strata.tier.block;
