package dev.strata.engine.store;

/**
 * What a reader needs, frozen: the active memtable, the full ones waiting for flush (newest
 * first) and each namespace's {@link Tree}. A version holds a reference on every memtable and
 * segment in it; readers hold a reference on the version for the length of a read or a cursor
 * position, so nothing they use is freed under them. The store replaces its current version on
 * every memtable switch, flush and compaction.
 */
final class Version extends RefCounted {
    final MemtableRef active;
    final MemtableRef[] immutables;
    final Tree[] trees;

    /** Takes a new reference on every memtable and segment it contains. */
    Version(final MemtableRef active, final MemtableRef[] immutables, final Tree[] trees) {
        this.active = active;
        this.immutables = immutables;
        this.trees = trees;
        active.ref();
        for (MemtableRef m : immutables) {
            m.ref();
        }
        for (Tree t : trees) {
            for (SstFile[] level : t.levels) {
                for (SstFile f : level) {
                    f.ref();
                }
            }
        }
    }

    @Override
    void free() {
        active.unref();
        for (MemtableRef m : immutables) {
            m.unref();
        }
        for (Tree t : trees) {
            for (SstFile[] level : t.levels) {
                for (SstFile f : level) {
                    f.unref();
                }
            }
        }
    }
}
