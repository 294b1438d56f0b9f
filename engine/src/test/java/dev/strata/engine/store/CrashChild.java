package dev.strata.engine.store;

import dev.strata.Store;
import dev.strata.StoreConfig;
import dev.strata.Strata;
import dev.strata.Transaction;
import dev.strata.WriteBatch;
import java.nio.file.Path;

/**
 * The child process of {@link KillNineTest}: opens the store in {@code args[0]} and applies
 * {@link CrashCommits} from commit {@code args[1]} on, printing {@code ack <i>} after each commit
 * returns (synced), until it is killed.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(final String[] args) {
        final int start = Integer.parseInt(args[1]);
        try (Store store = Strata.open(KillNineTest.config(Path.of(args[0])));
            WriteBatch batch = store.newBatch(); Transaction tx = store.newTransaction()) {
            System.out.println("ready");
            System.out.flush();
            for (int i = start; ; i++) {
                CrashCommits.apply(store, batch, tx, i);
                System.out.println("ack " + i);
                System.out.flush();
            }
        }
    }

}
