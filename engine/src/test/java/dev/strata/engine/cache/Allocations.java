package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

/**
 * Measures bytes allocated on the calling thread with
 * {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}, for the zero-allocation
 * checks of DESIGN.md ("Rules for the hot path"). A unit check, not a benchmark: rates are measured
 * by JMH in {@code bench}.
 */
final class Allocations {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    /** The bar: under 0.1 byte per operation on average; one allocation per call costs 16 or more. */
    static final double MAX_BYTES_PER_OPERATION = 0.1;

    private Allocations() {
    }

    /** @return bytes allocated by this thread so far */
    static long allocatedBytes() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }

    /** Fails unless {@code allocated} bytes over {@code operations} is under the bar; prints the figure. */
    static void assertNearZero(final String what, final long allocated, final long operations) {
        final double perOperation = (double)allocated / operations;
        System.out.printf("[allocation] %s: %d bytes in %d operations = %.4f bytes per operation%n",
            what, allocated, operations, perOperation);
        assertTrue(perOperation < MAX_BYTES_PER_OPERATION,
            what + " allocated " + allocated + " bytes in " + operations + " warm operations (" + perOperation + " per operation)");
    }
}
