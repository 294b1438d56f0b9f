package dev.strata.tier.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.strata.tier.TestSeeds;

/** The allocator against a {@link BitSet} model: random allocate, free and reserve; seed printed. */
class ExtentAllocatorTest {
    @Test
    void randomOperationsMatchAModel() {
        final long seed = TestSeeds.seed("ExtentAllocatorTest.randomOperationsMatchAModel");
        final Random rnd = new Random(seed);
        final int first = 10;
        final int end = 5000;
        final ExtentAllocator a = new ExtentAllocator(first, end);
        final BitSet used = new BitSet();
        final List<long[]> held = new ArrayList<>();
        for (int step = 0; step < 20_000; step++) {
            final String at = "step " + step + " (strata.seed=" + seed + ")";
            if (held.isEmpty() || rnd.nextInt(3) > 0) {
                final long want = 1 + rnd.nextInt(100);
                final long freeBefore = a.freeBlocks();
                if (a.allocate(want)) {
                    assertTrue(a.lastBlocks >= 1 && a.lastBlocks <= want, at);
                    assertTrue(a.lastStart >= first && a.lastStart + a.lastBlocks <= end, at);
                    for (long b = a.lastStart; b < a.lastStart + a.lastBlocks; b++) {
                        assertFalse(used.get((int) b), at + ": block " + b + " handed out twice");
                        used.set((int) b);
                    }
                    held.add(new long[] {a.lastStart, a.lastBlocks});
                    assertEquals(freeBefore - a.lastBlocks, a.freeBlocks(), at);
                } else {
                    assertEquals(0, freeBefore, at + ": allocate failed with free blocks");
                }
            } else {
                final long[] run = held.remove(rnd.nextInt(held.size()));
                a.free(run[0], run[1]);
                used.clear((int) run[0], (int) (run[0] + run[1]));
            }
            assertEquals(end - first - used.cardinality(), a.freeBlocks(), at + ": free count");
        }
    }

    @Test
    void reserveRebuildsTheStateAndRefusesOverlaps() {
        final ExtentAllocator a = new ExtentAllocator(0, 100);
        a.reserve(10, 5);
        a.reserve(50, 50);
        assertEquals(45, a.freeBlocks());
        assertThrows(IllegalStateException.class, () -> a.reserve(12, 1));
        assertTrue(a.allocate(100));
        assertEquals(0, a.lastStart);
        assertEquals(10, a.lastBlocks, "first fit takes the whole smaller run");
    }
}
