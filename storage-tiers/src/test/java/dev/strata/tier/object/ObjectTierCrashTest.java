package dev.strata.tier.object;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testsupport.LeakCheckExtension;
import dev.strata.tier.CrashWorkload;
import dev.strata.tier.TestSeeds;
import dev.strata.tier.TierException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Power cut at every mutating object-store operation of the shared {@link CrashWorkload} (create
 * markers, part puts on sync, sealed puts, part deletions, metadata puts, deletes), both before the
 * operation lands and after it landed with its response lost; then a fresh tier on the same
 * directory must show exactly what the acknowledged calls promised.
 */
@ExtendWith(LeakCheckExtension.class)
class ObjectTierCrashTest {
    @Test
    void powerCutAtEveryStoreOperation() throws Exception {
        final long seed = TestSeeds.seed("ObjectTierCrashTest.powerCutAtEveryStoreOperation");
        final long total = countMutations(seed);
        assertTrue(total > 15, "the workload has " + total + " mutating store operations");
        for (long cut = 0; cut < total; cut++) {
            for (final boolean afterLanding : new boolean[] {false, true}) {
                runWithCut(seed, cut, afterLanding);
            }
        }
    }

    private static long countMutations(final long seed) throws Exception {
        final Path dir = Files.createTempDirectory("strata-object-crash");
        try {
            final PowerCutObjectStore store = new PowerCutObjectStore(LocalObjectStore.open(dir), Long.MAX_VALUE, false);
            try (ObjectTier tier = ObjectTier.open(store, "strata/", true)) {
                new CrashWorkload(seed).run(tier);
            }
            return store.mutations();
        } finally {
            S3ProxyFixture.deleteRecursively(dir);
        }
    }

    private static void runWithCut(final long seed, final long cut, final boolean afterLanding) throws Exception {
        final Path dir = Files.createTempDirectory("strata-object-crash");
        final String context = "seed " + seed + ", power cut at store mutation " + cut + (afterLanding ? " after it landed" : " before it landed");
        try {
            final CrashWorkload workload = new CrashWorkload(seed);
            final ObjectTier crashed = ObjectTier.open(new PowerCutObjectStore(LocalObjectStore.open(dir), cut, afterLanding), "strata/", true);
            try {
                assertThrows(TierException.class, () -> workload.run(crashed), context + ": the workload must hit the cut");
                try (ObjectTier reopened = ObjectTier.open(LocalObjectStore.open(dir), "strata/", true)) {
                    workload.verify(reopened, context);
                }
            } finally {
                crashed.close(); // frees the dead process's buffers; writes nothing
            }
        } finally {
            S3ProxyFixture.deleteRecursively(dir);
        }
    }
}
