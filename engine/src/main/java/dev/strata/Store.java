package dev.strata;

import java.nio.file.Path;

/**
 * An open store. Its own data operations act on the {@code "default"} namespace; {@link
 * #namespace(String)} returns the others declared in the configuration.
 *
 * <h2>Threading</h2>
 * Thread-safe; concurrent writers share WAL syncs (group commit). {@link #close()} waits for
 * running writes, flushes nothing it need not (the WAL already holds every write) and frees all
 * resources; using the store afterwards throws {@link StoreClosedException}.
 */
public interface Store extends Namespace, AutoCloseable {
    /** Longest key accepted, in bytes. */
    int MAX_KEY_LENGTH = 4096;

    /** @return the namespace with this name, declared in the configuration (now or when the store was created) */
    Namespace namespace(String name);

    /** @return a new, empty batch; reuse it with {@link WriteBatch#clear()} (a batch is owned by one thread) */
    WriteBatch newBatch();

    /**
     * Applies the batch atomically: readers and recovery see all of it or none of it.
     *
     * @return the sequence number of its last entry, or {@link #BACK_PRESSURED}
     */
    long write(WriteBatch batch);

    /** @return a snapshot of the store as of now; close it when done */
    Snapshot snapshot();

    /** @return a new reusable transaction object with a 1 MiB write set; see {@link Transaction} */
    default Transaction newTransaction() {
        return newTransaction(1 << 20);
    }

    /**
     * @param writeSetBytes the most bytes the transaction's buffered writes may take (keys, values
     *                      and about 40 bytes each), 4 KiB to 1 GiB
     * @return a new reusable transaction object; close it when done
     */
    Transaction newTransaction(int writeSetBytes);

    /** @return the sequence number of the last write visible to readers */
    long lastSequence();

    /**
     * Writes a consistent copy of the store (as of the call) into an empty or absent directory, as
     * a store on the file tier that {@link Strata#open} can open. The source stays online.
     */
    void checkpoint(Path directory);

    /** Flushes the memtable to a sorted segment and waits for it (normally the store does this itself). */
    void flush();

    /** Compacts every namespace down to one sorted run and waits for it (normally compaction runs in the background). */
    void compact();

    /** @return the store's live statistics */
    StoreStats stats();

    /** @return the administration of the store's block and row caches: policies (switchable at run time) and statistics */
    StoreCaches caches();

    /** @return {@link StoreConfig#explain()} of the configuration the store runs with */
    String explain();

    @Override
    void close();
}
