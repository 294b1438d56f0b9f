/**
 * The Strata store API. (Contract only; the engine arrives with the engine core issue.)
 *
 * <h2>What this package owns</h2>
 * {@code Strata.open(config)} returns a {@code Store}: get, put (with an optional TTL), delete,
 * atomic write batches, ordered range scans through a reusable cursor, snapshots by sequence
 * number, checkpoints, namespaces, transactions. Behind it: a write-ahead log with group commit,
 * an off-heap memtable, sorted segments of compressed, checksummed blocks stored through the
 * {@code dev.strata.tier} SPI, a manifest, background compaction, crash recovery, an off-heap
 * memory tier with pluggable eviction, and statistics.
 *
 * <h2>Priorities</h2>
 * Correct first (no acknowledged durable write is lost, no batch is half applied, corrupt bytes
 * are detected by checksum and never returned), then zero allocation on the hot path (get, put,
 * delete, scan step, commit), then speed.
 *
 * <h2>Threading</h2>
 * A store is thread-safe. Cursors, snapshots and transactions are owned by one thread at a time;
 * the views they return are valid until the next call on the same object.
 *
 * <h2>Errors</h2>
 * Expected outcomes (not found, conflict, back-pressure) are return values; misuse, I/O failure
 * and corruption are typed exceptions.
 */
package dev.strata;
