package dev.strata.bench.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.IsolationLevel;
import dev.strata.Store;
import dev.strata.StoreConfig;
import dev.strata.Strata;
import dev.strata.SyncPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every isolation-anomaly script of {@code shared/spec/hermitage.md} at every level: SERIALIZABLE
 * prevents every anomaly; SNAPSHOT and READ_COMMITTED show exactly the anomalies the spec's table
 * allows. Prints the table that {@code docs/isolation.md} records.
 */
class HermitageTest {
    @TempDir
    Path dir;

    @Test
    void everyScriptAtEveryLevel() throws InterruptedException {
        try (Store store = Strata.open(StoreConfig.builder(dir).syncPolicy(SyncPolicy.NEVER).memtableBytes(1 << 20).build())) {
            final IsolationScripts.Result r = IsolationScripts.runAll(store);
            System.out.println(IsolationScripts.format(r.table()));
            assertEquals(17, r.table().size(), "the spec's 16 scripts plus P4's detectable variant");
            for (Map<IsolationLevel, Boolean> row : r.table().values()) {
                assertEquals(3, row.size());
            }
            assertEquals(List.of(), r.failures());
        }
    }

    /** The judge is not blind: a script whose anomaly predicate always says "occurred" is reported at SERIALIZABLE. */
    @Test
    void deviationsAreReported() throws InterruptedException {
        try (Store store = Strata.open(StoreConfig.builder(dir).syncPolicy(SyncPolicy.NEVER).memtableBytes(1 << 20).build())) {
            final Hermitage.Script broken = new Hermitage.Script("always").begin(1).commit(1).anomalyIf(o -> true);
            Hermitage.reset(store);
            final Hermitage.Outcome o = Hermitage.run(broken, store, IsolationLevel.SERIALIZABLE);
            assertEquals(true, broken.anomaly.test(o));
            assertEquals(List.of(), IsolationScripts.judge(broken, o, Map.of(IsolationLevel.SERIALIZABLE, java.util.Set.of("always")))
                .stream().filter(f -> f.contains("expected")).toList());
            assertEquals(1, IsolationScripts.judge(broken, o, IsolationScripts.ALLOWED).size());
        }
    }
}
