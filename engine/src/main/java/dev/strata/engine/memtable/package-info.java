/**
 * The memtable: an off-heap skip list of internal keys (user key, sequence number, kind) in one
 * arena, written by one thread (the commit pipeline) and read concurrently without locks.
 *
 * <p>Nothing here allocates per operation: nodes live in the arena, searches use scratch arrays
 * owned by the single writer, readers hold only {@code int} node offsets.
 */
package dev.strata.engine.memtable;
