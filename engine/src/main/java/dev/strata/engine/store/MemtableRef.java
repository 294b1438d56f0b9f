package dev.strata.engine.store;

import dev.strata.engine.memtable.Memtable;

/**
 * A memtable and the first WAL segment holding its writes. Once flushed, recovery no longer needs
 * that segment (nor any older one).
 */
final class MemtableRef extends RefCounted {
    final Memtable table;
    final long walSegmentId;
    /** Largest sequence number inserted (written by the commit leader; read after it is immutable). */
    volatile long largestSequence;

    MemtableRef(final Memtable table, final long walSegmentId) {
        this.table = table;
        this.walSegmentId = walSegmentId;
    }

    @Override
    void free() {
        table.close();
    }

    @Override
    public String toString() {
        return "memtable (WAL " + walSegmentId + ", " + table.entries() + " entries)";
    }
}
