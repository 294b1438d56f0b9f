/**
 * Persistent tiers: where Strata's bytes live. (Contract only; the tiers arrive with the storage
 * tiers issue.)
 *
 * <h2>What this package owns</h2>
 * The {@code Tier} SPI: a store of immutable segments identified by a {@code long}. A segment is
 * created, appended to, {@code sync()}ed and {@code seal()}ed; a sealed segment is opened for
 * positional reads with {@code long} offsets (segments may exceed 2 GiB), listed and deleted.
 * Each tier also has an atomic metadata slot, a small blob replaced all-or-nothing, for the
 * engine's manifest. Implementations: block (one preallocated file or device, extents, aligned
 * and optionally direct I/O), file (a file per segment; positional reads or Chronicle Bytes memory
 * maps) and object (one object per sealed segment in a store with S3 semantics). A
 * fault-injecting tier for tests lives in this module's test-jar, never here.
 *
 * <h2>Priorities</h2>
 * Durability exactly as documented: after {@code sync()} returns, the synced bytes survive a
 * power cut; unsynced bytes are either absent or whole. Then zero allocation: appends and reads
 * take Agrona buffers and allocate nothing once warm. Then speed within 10 % of the raw medium.
 *
 * <h2>Threading</h2>
 * One writer per open segment; any number of concurrent readers of sealed segments. Tier-level
 * operations (create, delete, list, metadata) are thread-safe.
 *
 * <h2>Errors</h2>
 * Misuse (a reused segment id, reading an unsealed or deleted segment, a closed tier) and I/O
 * failure are typed exceptions whose messages say what to do; nothing already stored is lost.
 */
package dev.strata.tier;
