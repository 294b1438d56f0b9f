package dev.strata.bench.jmh;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Outcomes of the transaction benchmarks' operations, one thread's, summed by JMH over threads
 * and reported next to the score as counts per iteration: every operation is one transaction
 * attempt and ends in exactly one of them. Abort rate = {@code conflicts / (commits + conflicts +
 * stalls)}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class TransactionCounters {
    /** Committed transfers. */
    public long commits;
    /**
     * Aborted transfers: Strata {@code CONFLICT}; RocksDB {@code Busy} or {@code TryAgain} (optimistic
     * validation, pessimistic deadlock) and {@code TimedOut} (pessimistic lock timeout).
     */
    public long conflicts;
    /** Strata {@code BACK_PRESSURED} commits (nothing written; the write stall limit passed). */
    public long stalls;

    @Setup(Level.Iteration)
    public void reset() {
        commits = 0;
        conflicts = 0;
        stalls = 0;
    }
}
