package dev.strata.engine.txn;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.IsolationLevel;
import dev.strata.Store;
import dev.strata.StoreConfig;
import dev.strata.Strata;
import dev.strata.Transaction;
import dev.strata.Transactions;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's transaction example, kept compiling and true. */
class ReadmeTransactionExampleTest {
    @BeforeAll
    static void warmUpChronicle() {
        dev.strata.tier.WarmUp.chronicle();
    }

    @TempDir
    Path dir;

    @Test
    void readmeExample() {
        try (Store store = Strata.open(StoreConfig.builder(dir.resolve("data")).build())) {
            store.put("acct:1".getBytes(UTF_8), "100".getBytes(UTF_8));
            store.put("acct:2".getBytes(UTF_8), "0".getBytes(UTF_8));
            final int[] result = new int[1];
            // --- README example start
            try (Transaction tx = store.newTransaction()) {                  // reusable; one thread at a time
                int attempts = Transactions.run(tx, IsolationLevel.SERIALIZABLE, 10, t -> {   // retried on CONFLICT
                    int from = Integer.parseInt(t.get(store, "acct:1"));     // reads its own writes, then its snapshot
                    int to = Integer.parseInt(t.get(store, "acct:2"));
                    t.put(store, "acct:1", Integer.toString(from - 5));      // buffered until commit
                    t.put(store, "acct:2", Integer.toString(to + 5));
                });
                result[0] = attempts;
            }
            // --- README example end
            assertEquals(1, result[0]);
            assertEquals("95", new String(store.get("acct:1".getBytes(UTF_8)), UTF_8));
            assertEquals("5", new String(store.get("acct:2".getBytes(UTF_8)), UTF_8));
        }
    }
}
