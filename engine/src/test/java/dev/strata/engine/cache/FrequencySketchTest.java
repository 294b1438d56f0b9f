package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link FrequencySketch}: sizing, the doorkeeper, saturation, reset. */
class FrequencySketchTest {
    @Test
    void itCountsFromTheFirstSightingAndSamplesTenTimesItsCapacity() {
        final FrequencySketch sketch = new FrequencySketch(64, true);
        assertEquals(640, sketch.sampleSize());
        assertEquals(10, new FrequencySketch(0, true).sampleSize());
        assertEquals(0, sketch.frequency(42));
        sketch.increment(42);
        assertEquals(1, sketch.frequency(42));
        sketch.increment(42);
        assertEquals(2, sketch.frequency(42));
    }

    @Test
    void theDoorkeeperHoldsAFullSampleOfDistinctKeysWithFewFalsePositives() {
        final int capacity = 4096;
        final FrequencySketch sketch = new FrequencySketch(capacity, true);
        final int sample = sketch.sampleSize(); // first sightings do not count towards a reset
        for (long k = 0; k < sample; k++) {
            sketch.increment(TraceReplay.hash(k));
        }
        for (long k = 0; k < 100; k++) {
            assertEquals(1, sketch.frequency(TraceReplay.hash(k)), "a key seen once");
        }
        int falsePositives = 0;
        for (long k = 1_000_000; k < 1_000_000 + sample; k++) {
            falsePositives += sketch.frequency(TraceReplay.hash(k));
        }
        // 128 bits per entry, 3 bits per key in one word: about 1.5 % once a whole sample went by
        assertTrue(falsePositives < sample * 3 / 100, falsePositives + " of " + sample + " unseen keys estimated at 1 or more");
    }

    @Test
    void theDoorkeeperTakesTheFirstSightingAndTheSketchTheRest() {
        final FrequencySketch sketch = new FrequencySketch(1024, true);
        final long key = TraceReplay.hash(7);
        sketch.increment(key);
        assertEquals(1, sketch.frequency(key));
        for (int i = 0; i < 20; i++) {
            sketch.increment(key);
        }
        assertEquals(16, sketch.frequency(key), "15 in the saturated counters plus the doorkeeper");
        final FrequencySketch plain = new FrequencySketch(1024, false);
        for (int i = 0; i < 21; i++) {
            plain.increment(key);
        }
        assertEquals(15, plain.frequency(key));
    }

    @Test
    void unseenKeysEstimateNearZero() {
        final FrequencySketch sketch = new FrequencySketch(4096, true);
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
        final FrequencySketch sketch = new FrequencySketch(8, true); // sample size 80
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
