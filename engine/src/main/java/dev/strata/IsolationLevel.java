package dev.strata;

/**
 * How much a {@link Transaction} sees of other transactions, and which anomalies it allows. Each
 * level is proven by the isolation-anomaly scripts in the engine's tests (see {@code docs/isolation.md}).
 *
 * <p>Reads never block and writes are buffered in the transaction until commit, so no level shows
 * uncommitted data (no dirty reads or writes, G0 and G1 are prevented at every level). The levels
 * differ in when reads are taken and in what {@link Transaction#commit()} checks:
 */
public enum IsolationLevel {
    /**
     * Every read sees the latest committed data at the time of that read; commit checks nothing.
     * Allows lost updates (P4), read skew (G-single), phantoms (PMP) and write skew (G2).
     */
    READ_COMMITTED,
    /**
     * Snapshot isolation: every read sees the snapshot taken at the transaction's first operation;
     * commit fails with {@link CommitStatus#CONFLICT} if another transaction committed a write to a
     * key this one writes since that snapshot (first committer wins). Allows only write skew
     * (G2-item) and predicate write skew (G2), including the read-only anomaly.
     */
    SNAPSHOT,
    /**
     * Serializable (the default): snapshot reads, and commit fails with {@link CommitStatus#CONFLICT}
     * if anything this transaction read (a key, or any key in a range it scanned: phantoms included)
     * was changed by a commit since its snapshot. Transactions that wrote nothing never fail.
     */
    SERIALIZABLE
}
