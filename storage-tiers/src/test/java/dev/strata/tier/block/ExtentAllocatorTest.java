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
        randomOperations("ExtentAllocatorTest.randomOperationsMatchAModel", 1);
    }

    @Test
    void randomOperationsMatchAModelWithAlignment() {
        randomOperations("ExtentAllocatorTest.randomOperationsMatchAModelWithAlignment", 16);
    }

    @Test
    void extentsStartAlignedWhileThereIsAlignedRoom() {
        final ExtentAllocator a = new ExtentAllocator(3, 1000, 64);
        assertTrue(a.allocate(64));
        assertEquals(64, a.lastStart, "the first aligned start, skipping blocks 3..63");
        assertTrue(a.allocate(64));
        assertEquals(128, a.lastStart);
        assertTrue(a.allocate(10));
        assertEquals(192, a.lastStart, "no aligned room in the run [3, 64): the next aligned start");
        assertEquals(1000 - 3 - 138, a.freeBlocks());

        final ExtentAllocator b = new ExtentAllocator(0, 100, 64);
        assertTrue(b.allocate(64));
        assertTrue(b.allocate(30));
        assertEquals(64, b.lastStart);
        assertTrue(b.allocate(6));
        assertEquals(94, b.lastStart, "no aligned room anywhere: first fit, unaligned");
        assertEquals(6, b.lastBlocks);
        assertEquals(0, b.freeBlocks());
    }

    private static void randomOperations(final String name, final long align) {
        final long seed = TestSeeds.seed(name);
        final Random rnd = new Random(seed);
        final int first = 10;
        final int end = 5000;
        final ExtentAllocator a = new ExtentAllocator(first, end, align);
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
