/**
 * The object tier and its object stores.
 *
 * <h2>What this package owns</h2>
 * <ul>
 *   <li>{@link dev.strata.tier.object.ObjectStore}: an SPI with S3 semantics (whole-object put,
 *       ranged get, head, paged listing by prefix and delimiter, idempotent delete, conditional put
 *       with {@code If-None-Match: *} / {@code If-Match}, user metadata, ETags), with typed errors
 *       that extend {@link dev.strata.tier.TierException}.</li>
 *   <li>{@link dev.strata.tier.object.LocalObjectStore}: a directory with those semantics, the
 *       embedded default (atomic put by temporary file, fsync and rename).</li>
 *   <li>{@link dev.strata.tier.object.S3ObjectStore}: S3 or an S3-compatible server through the AWS
 *       SDK v2 with the {@code HttpURLConnection} client only.</li>
 *   <li>{@link dev.strata.tier.object.ObjectTier}: the {@link dev.strata.tier.Tier} over an object
 *       store: one object per sealed segment, part objects for synced bytes of unsealed segments, a
 *       metadata slot replaced by conditional put. Object names and the header are documented in
 *       {@code docs/format-object-tier.md}.</li>
 * </ul>
 *
 * <h2>Priorities</h2>
 * Durability as the Tier SPI states it (a sync is one PUT), then allocation-free appends and
 * local reads, then request count (the cost driver on S3).
 *
 * <h2>Threading</h2>
 * Stores and tiers are thread-safe; a segment writer is used by one thread; readers are safe for
 * concurrent reads.
 *
 * <h2>Errors</h2>
 * {@link dev.strata.tier.object.ObjectNotFoundException}, {@link
 * dev.strata.tier.object.PreconditionFailedException}, {@link
 * dev.strata.tier.object.ObjectAccessDeniedException}, {@link
 * dev.strata.tier.object.ObjectCorruptException} (a {@link dev.strata.tier.TierIOException}), and
 * {@link dev.strata.tier.TierIOException} for other I/O failures; misuse is {@link
 * IllegalArgumentException} or {@link IllegalStateException} with a message naming the value.
 */
package dev.strata.tier.object;
