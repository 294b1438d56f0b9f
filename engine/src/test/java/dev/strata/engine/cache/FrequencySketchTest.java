package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link FrequencySketch}: lazy sizing, the doorkeeper, saturation, reset. */
class FrequencySketchTest {
    @Test
    void nothingIsCountedBeforeItIsSized() {
        final FrequencySketch sketch = new FrequencySketch(64, true);
        sketch.increment(42);
        assertFalse(sketch.isInitialized());
        assertEquals(0, sketch.frequency(42));
        sketch.ensureCapacity(64);
        assertEquals(640, sketch.sampleSize());
        sketch.increment(42);
        assertEquals(1, sketch.frequency(42));
    }

    @Test
    void theDoorkeeperTakesTheFirstSightingAndTheSketchTheRest() {
        final FrequencySketch sketch = new FrequencySketch(1024, true);
        sketch.ensureCapacity(1024);
        final long key = TraceReplay.hash(7);
        sketch.increment(key);
        assertEquals(1, sketch.frequency(key));
        for (int i = 0; i < 20; i++) {
            sketch.increment(key);
        }
        assertEquals(16, sketch.frequency(key), "15 in the saturated counters plus the doorkeeper");
        final FrequencySketch plain = new FrequencySketch(1024, false);
        plain.ensureCapacity(1024);
        for (int i = 0; i < 21; i++) {
            plain.increment(key);
        }
        assertEquals(15, plain.frequency(key));
    }

    @Test
    void unseenKeysEstimateNearZero() {
        final FrequencySketch sketch = new FrequencySketch(4096, true);
        sketch.ensureCapacity(4096);
        for (long k = 0; k < 2000; k++) {
            sketch.increment(TraceReplay.hash(k));
            sketch.increment(TraceReplay.hash(k));
        }
        int over = 0;
        for (long k = 10_000; k < 12_000; k++) {
            over += sketch.frequency(TraceReplay.hash(k));
        }
        assertTrue(over < 200, "2000 unseen keys estimated " + over + " sightings in total");
    }

    @Test
    void aResetHalvesTheCountsAndClearsTheDoorkeeper() {
        final FrequencySketch sketch = new FrequencySketch(8, true);
        sketch.ensureCapacity(8); // sample size 80
        final long hot = TraceReplay.hash(1);
        for (int i = 0; i < 11; i++) {
            sketch.increment(hot); // doorkeeper, then 10 increments
        }
        assertEquals(11, sketch.frequency(hot));
        sketch.reset();
        assertEquals(5, sketch.frequency(hot), "10 / 2, and the doorkeeper forgot");
        for (long k = 100; k < 400; k++) { // enough increments to pass the sample size again
            sketch.increment(TraceReplay.hash(k));
            sketch.increment(TraceReplay.hash(k));
        }
        assertTrue(sketch.frequency(hot) <= 3, "aged again: " + sketch.frequency(hot));
    }
}
