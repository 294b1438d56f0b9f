package dev.strata.engine.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@link StoreInspector#verify} checked and every problem it found (it does not stop at the
 * first). The store is sound when {@link #ok()}: no errors; warnings name what the next open
 * repairs by design.
 */
public final class InspectVerification {
    private final List<InspectProblem> problems = new ArrayList<>();
    long segments;
    long blocks;
    long entries;
    long walSegments;
    long walRecords;
    long walEntries;

    InspectVerification() {
    }

    void add(final InspectProblem p) {
        problems.add(p);
    }

    /** @return every problem, in the order found */
    public List<InspectProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** @return the problems of severity {@link InspectProblem.Severity#ERROR} */
    public List<InspectProblem> errors() {
        return problems.stream().filter(InspectProblem::isError).toList();
    }

    /** @return the problems of severity {@link InspectProblem.Severity#WARNING} */
    public List<InspectProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** @return {@code true} if no error was found (warnings allowed) */
    public boolean ok() {
        return errors().isEmpty();
    }

    /** @return sorted segments read through (referenced, or found by their magic number when the manifest is unreadable) */
    public long segments() {
        return segments;
    }

    /** @return data blocks whose frame was verified and decoded */
    public long blocks() {
        return blocks;
    }

    /** @return entries read from sorted segments */
    public long entries() {
        return entries;
    }

    /** @return WAL segments scanned */
    public long walSegments() {
        return walSegments;
    }

    /** @return intact WAL records */
    public long walRecords() {
        return walRecords;
    }

    /** @return entries in intact WAL records */
    public long walEntries() {
        return walEntries;
    }

    /** @return one line: what was checked and the problem counts */
    public String summary() {
        final int errors = errors().size();
        final int warnings = problems.size() - errors;
        return (errors == 0 ? "OK" : "CORRUPT") + ": " + segments + " sorted segments (" + blocks + " blocks, " + entries + " entries), "
            + walSegments + " WAL segments (" + walRecords + " records, " + walEntries + " entries); " + errors + (errors == 1 ? " error, " : " errors, ")
            + warnings + (warnings == 1 ? " warning" : " warnings");
    }

    @Override
    public String toString() {
        return summary();
    }
}
