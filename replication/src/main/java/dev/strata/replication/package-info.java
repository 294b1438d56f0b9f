/**
 * BASE mode: N replicas of a store with quorum reads and writes. (Contract only; replication
 * arrives with its own issue.)
 *
 * <h2>What this package owns</h2>
 * Versions (vector clocks, dotted version vectors) and sibling sets stored as values in the
 * engine; the ring and preference lists; the quorum coordinator (N/R/W, sloppy quorum); read
 * repair; hinted handoff; Merkle-tree anti-entropy; heartbeats and failure detection; transports
 * (a seeded, deterministic simulated network and a real one between processes).
 *
 * <h2>Priorities</h2>
 * Never lose a write that W replicas acknowledged; never silently drop a concurrent sibling;
 * make every weak configuration visible through {@code explain()}. Then zero allocation on the
 * replica's hot path, then latency.
 *
 * <h2>Threading</h2>
 * The coordinator is thread-safe; each transport delivers messages on its own threads and hands
 * them to the replica's single-threaded event loop.
 */
package dev.strata.replication;
