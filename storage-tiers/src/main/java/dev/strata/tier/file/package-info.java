/**
 * The file tier: one file per segment in a directory ({@link dev.strata.tier.file.FileTier}).
 *
 * <p>Appends go through a per-writer off-heap buffer; {@code sync()} is fdatasync of the file plus
 * a durable synced length in the header; seal is a rename to {@code .seg} and a directory fsync;
 * the metadata slot is write-temporary, fsync, atomic rename, directory fsync. Sealed segments
 * are read through Chronicle Bytes memory maps or positional reads, chosen by
 * {@link dev.strata.tier.file.ReadMode}. All I/O goes through the {@link dev.strata.tier.io.FileIo}
 * seam. Layouts: {@link dev.strata.tier.file.SegmentFileDescriptor},
 * {@link dev.strata.tier.file.MetadataFileDescriptor}.
 */
package dev.strata.tier.file;
