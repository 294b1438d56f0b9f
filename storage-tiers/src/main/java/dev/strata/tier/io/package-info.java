/**
 * The I/O seam and small shared pieces of the file and block tiers.
 *
 * <p>{@link dev.strata.tier.io.FileIo} and {@link dev.strata.tier.io.IoChannel} are the seam every
 * open, write, force, rename and delete goes through ({@link dev.strata.tier.io.RealFileIo} by
 * default; a power-cut simulator in the tests). The rest are helpers the tiers share: aligned
 * off-heap buffers that are freed on close, a pool of scratch buffers for concurrent readers, atomic
 * statistics counters and argument checks. None of it allocates on the append or read path once warm.
 */
package dev.strata.tier.io;
