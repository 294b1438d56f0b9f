/**
 * The offline store tool: {@code strata inspect | verify | dump <store dir>}, thin picocli
 * commands over {@link dev.strata.engine.store.StoreInspector}. Exit status 0 when all is well, 1
 * when the store is corrupt (or the manifest unreadable), 2 for bad arguments: a missing
 * directory, a directory that holds no store, a store another process has open, an unknown
 * segment. Bad arguments end as one line {@code strata: error: ...} on stderr, as in
 * {@link dev.strata.bench.cli}.
 */
package dev.strata.bench.tool;
