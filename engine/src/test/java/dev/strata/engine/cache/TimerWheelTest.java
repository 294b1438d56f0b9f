package dev.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link TimerWheel}: due entries and only they come out, at every level, after any jump of time; a random model test. */
class TimerWheelTest {
    private static final long START = 1_700_000_000_123L;

    private final List<Integer> fired = new ArrayList<>();
    private final TimerWheel.Sink sink = fired::add;

    @Test
    void anEntryFiresOnceItsDeadlineHasPassedNotBefore() {
        final TimerWheel wheel = new TimerWheel(4, START);
        wheel.schedule(0, START + 10);
        assertEquals(0, wheel.advance(START + 9, sink));
        assertTrue(wheel.scheduled(0));
        assertEquals(1, wheel.advance(START + 10, sink));
        assertEquals(List.of(0), fired);
        assertFalse(wheel.scheduled(0));
        assertEquals(0, wheel.size());
    }

    @Test
    void entriesOnEveryLevelFireAtTheirTimeAfterSmallSteps() {
        final long[] deltas = {1, 63, 64, 65, 4095, 4096, 262_143, 262_144, 16_777_216L};
        final TimerWheel wheel = new TimerWheel(deltas.length, START);
        for (int s = 0; s < deltas.length; s++) {
            wheel.schedule(s, START + deltas[s]);
        }
        final Map<Integer, Long> firedAt = new HashMap<>();
        long now = START;
        while (wheel.size() > 0) {
            now += 1 + (now - START) / 1000; // steps grow, from 1 ms to many seconds
            final long at = now;
            wheel.advance(now, slot -> firedAt.put(slot, at));
        }
        for (int s = 0; s < deltas.length; s++) {
            final long deadline = START + deltas[s];
            final long at = firedAt.get(s);
            assertTrue(at >= deadline, "slot " + s + " fired at " + at + " before its deadline " + deadline);
            assertTrue(at - deadline <= 1 + (at - START) / 1000, "slot " + s + " fired late: at " + at + ", deadline " + deadline);
        }
    }

    @Test
    void oneBigJumpFiresEverythingDueAndKeepsTheRest() {
        final TimerWheel wheel = new TimerWheel(3, START);
        wheel.schedule(0, START + 5);
        wheel.schedule(1, START + 1_000_000);
        wheel.schedule(2, START + 2_000_000);
        assertEquals(2, wheel.advance(START + 1_500_000, sink));
        assertEquals(List.of(0, 1), fired.stream().sorted().toList());
        assertTrue(wheel.scheduled(2));
        assertEquals(1, wheel.advance(START + 2_000_000, sink));
    }

    @Test
    void deadlinesBeyondTheTopLevelAndInThePastAreHandled() {
        final TimerWheel wheel = new TimerWheel(2, START);
        final long farAway = START + (1L << 40); // beyond the 2^36 ms the levels cover: wraps, then is rescheduled
        wheel.schedule(0, farAway);
        wheel.schedule(1, START - 50); // overdue: fires at the next tick
        assertEquals(1, wheel.advance(START + 1, sink));
        assertEquals(List.of(1), fired);
        assertEquals(0, wheel.advance(farAway - 1, sink));
        assertEquals(1, wheel.advance(farAway, sink));
    }

    @Test
    void cancelRemovesAndTimeNeverRunsBackwards() {
        final TimerWheel wheel = new TimerWheel(2, START);
        wheel.schedule(0, START + 100);
        wheel.cancel(0);
        wheel.cancel(0); // not scheduled: nothing happens
        assertEquals(0, wheel.size());
        assertEquals(0, wheel.advance(START + 200, sink));
        assertEquals(0, wheel.advance(START, sink));
        assertEquals(START + 200, wheel.time());
        wheel.schedule(0, START + 300);
        assertThrows(IllegalStateException.class, () -> wheel.schedule(0, START + 400));
        assertThrows(IndexOutOfBoundsException.class, () -> wheel.schedule(2, START));
        assertThrows(IllegalArgumentException.class, () -> new TimerWheel(-1, START));
    }

    /** Random schedules, cancels and advances against a map of deadlines: exactly the due entries fire, each once. */
    @Test
    void randomOperationsMatchAModel() {
        final long seed = Seeds.seed("TimerWheelTest");
        final Random random = new Random(seed);
        final int capacity = 500;
        final TimerWheel wheel = new TimerWheel(capacity, START);
        final Map<Integer, Long> model = new HashMap<>();
        long now = START;
        for (int step = 0; step < 50_000; step++) {
            final int slot = random.nextInt(capacity);
            final int op = random.nextInt(10);
            if (op < 5) {
                if (!model.containsKey(slot)) {
                    final int scale = random.nextInt(4);
                    final long delta = scale == 0 ? random.nextInt(70) : scale == 1 ? random.nextInt(5000) : scale == 2
                        ? random.nextInt(300_000) : random.nextInt(100_000_000) - 1000;
                    wheel.schedule(slot, now + delta);
                    model.put(slot, now + delta);
                }
            } else if (op < 7) {
                wheel.cancel(slot);
                model.remove(slot);
            } else {
                now += 1 + (random.nextInt(10) == 0 ? random.nextInt(2_000_000) : random.nextInt(100));
                fired.clear();
                wheel.advance(now, sink);
                for (int s : fired) {
                    final Long deadline = model.remove(s);
                    assertTrue(deadline != null, "seed " + seed + " step " + step + ": slot " + s + " fired but was not scheduled");
                    assertTrue(deadline <= now, "seed " + seed + " step " + step + ": slot " + s + " fired before its deadline");
                }
                for (Map.Entry<Integer, Long> e : model.entrySet()) {
                    assertTrue(e.getValue() > now,
                        "seed " + seed + " step " + step + ": slot " + e.getKey() + " due at " + e.getValue() + " did not fire by " + now);
                }
            }
            assertEquals(model.size(), wheel.size(), "seed " + seed + " step " + step);
        }
    }
}
