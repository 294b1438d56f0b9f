package dev.strata.bench.isolation;

import dev.strata.IsolationLevel;
import dev.strata.Store;
import dev.strata.bench.isolation.Hermitage.Outcome;
import dev.strata.bench.isolation.Hermitage.Script;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The isolation-anomaly scripts of {@code shared/spec/hermitage.md} (G0 … G2-c, with P4's
 * detectable variant and the G-single variants), each with the predicate that says whether its
 * anomaly occurred, run at every {@link IsolationLevel} through {@link Hermitage}. SERIALIZABLE
 * must prevent every anomaly; SNAPSHOT and READ_COMMITTED must show exactly those the spec's table
 * allows (negative controls: they prove the scripts can catch a broken level).
 */
public final class IsolationScripts {
    /** Anomalies each level allows (spec §1.2 and §1.6); all others must be prevented. */
    public static final Map<IsolationLevel, Set<String>> ALLOWED = Map.of(
        IsolationLevel.SERIALIZABLE, Set.of(),
        IsolationLevel.SNAPSHOT, Set.of("G2-item", "G2", "G2-b", "G2-c"),
        IsolationLevel.READ_COMMITTED, Set.of("PMP", "PMP-write", "P4", "P4-detectable", "G-single", "G-single-b", "G-single-c",
            "G2-item", "G2", "G2-b", "G2-c"));

    /** The table (script → level → whether the anomaly occurred) and every deviation from what the spec requires. */
    public record Result(Map<String, Map<IsolationLevel, Boolean>> table, List<String> failures) {
    }

    private IsolationScripts() {
    }

    /**
     * Runs every script at every level on {@code store} (its keys 1..4 in the default namespace are
     * overwritten).
     *
     * @throws IllegalStateException if a step hangs
     */
    public static Result runAll(final Store store) throws InterruptedException {
        final Map<String, Map<IsolationLevel, Boolean>> table = new LinkedHashMap<>();
        final List<String> failures = new ArrayList<>();
        for (Script script : scripts()) {
            final Map<IsolationLevel, Boolean> row = new EnumMap<>(IsolationLevel.class);
            for (IsolationLevel level : IsolationLevel.values()) {
                Hermitage.reset(store);
                final Outcome o = Hermitage.run(script, store, level);
                row.put(level, script.anomaly.test(o));
                failures.addAll(judge(script, o, ALLOWED));
            }
            table.put(script.name, row);
        }
        return new Result(table, failures);
    }

    /** @return what is wrong with one run: its anomaly occurred where {@code allowed} says prevented (or the reverse), or an extra requirement failed */
    static List<String> judge(final Script script, final Outcome o, final Map<IsolationLevel, Set<String>> allowed) {
        final List<String> failures = new ArrayList<>();
        final boolean occurred = script.anomaly.test(o);
        final boolean isAllowed = allowed.getOrDefault(o.level, Set.of()).contains(script.name);
        if (occurred != isAllowed) {
            failures.add(script.name + " at " + o.level + ": anomaly " + (occurred ? "occurred" : "was prevented") + ", expected "
                + (isAllowed ? "occurred" : "prevented") + "; steps: " + o.log);
        }
        failures.addAll(extraChecks(script.name, o));
        return failures;
    }

    /** Requirements beyond the anomaly itself (spec §1.5: "SER/SI also require ..."). */
    private static List<String> extraChecks(final String script, final Outcome o) {
        final List<String> out = new ArrayList<>();
        final boolean snapshotReads = o.level != IsolationLevel.READ_COMMITTED;
        switch (script) {
            case "G1b" -> {
                if (snapshotReads && !o.get("r4").equals(o.get("r7"))) {
                    out.add("G1b at " + o.level + ": T2's two reads differ: " + o.log);
                }
            }
            case "G1c" -> {
                if (o.level == IsolationLevel.SERIALIZABLE && o.committed(1) == o.committed(2)) {
                    out.add("G1c at SERIALIZABLE: exactly one of T1, T2 must commit (write-skew cycle): " + o.log);
                }
            }
            case "OTV" -> {
                final List<Object> reads = List.of(o.get("a"), o.get("b"), o.get("c"), o.get("d"));
                if (snapshotReads && !reads.equals(List.of(10, 20, 20, 10)) && !reads.equals(List.of(11, 19, 19, 11))) {
                    out.add("OTV at " + o.level + ": T3's reads are not one snapshot: " + reads);
                }
            }
            case "P4" -> {
                if (snapshotReads && o.committed(2)) {
                    out.add("P4 at " + o.level + ": T2's commit must fail: " + o.log);
                }
            }
            case "G-single-c" -> {
                if (snapshotReads && !o.is("final", "{1:12,2:18}")) {
                    out.add("G-single-c at " + o.level + ": final state must be T2's: " + o.log);
                }
            }
            default -> {
            }
        }
        return out;
    }

    /** @return the table as text: one row per script, one column per level, "prevented" or "occurred" */
    public static String format(final Map<String, Map<IsolationLevel, Boolean>> table) {
        final StringBuilder b = new StringBuilder(String.format("%-14s %-15s %-15s %-15s%n", "script", "READ_COMMITTED", "SNAPSHOT", "SERIALIZABLE"));
        table.forEach((name, row) -> b.append(String.format("%-14s %-15s %-15s %-15s%n", name, cell(row.get(IsolationLevel.READ_COMMITTED)),
            cell(row.get(IsolationLevel.SNAPSHOT)), cell(row.get(IsolationLevel.SERIALIZABLE)))));
        return b.toString();
    }

    private static String cell(final boolean occurred) {
        return occurred ? "occurred" : "prevented";
    }

    /** The scripts of the spec, in its order, each with its anomaly predicate. */
    static List<Script> scripts() {
        final List<Script> s = new ArrayList<>();
        s.add(new Script("G0").begin(1).begin(2).put(1, 1, 11).put(2, 1, 12).put(1, 2, 21).commit(1).scanX("all", v -> true).as("x7")
            .put(2, 2, 22).commit(2).scanX("all", v -> true).as("final")
            .anomalyIf(o -> !o.is("x7", "{1:11,2:21}") || !o.is("final", o.committed(2) ? "{1:12,2:22}" : "{1:11,2:21}")));
        s.add(new Script("G1a").begin(1).begin(2).put(1, 1, 101).scan(2, "all", v -> true).as("r4").abort(1).scan(2, "all", v -> true)
            .as("r6").commit(2)
            .anomalyIf(o -> o.get("r4").toString().contains("101") || o.get("r6").toString().contains("101")));
        s.add(new Script("G1b").begin(1).begin(2).put(1, 1, 101).scan(2, "all", v -> true).as("r4").put(1, 1, 11).commit(1)
            .scan(2, "all", v -> true).as("r7").commit(2)
            .anomalyIf(o -> o.get("r4").toString().contains("101") || o.get("r7").toString().contains("101")));
        s.add(new Script("G1c").begin(1).begin(2).put(1, 1, 11).put(2, 2, 22).get(1, 2).as("t1r2").get(2, 1).as("t2r1").commit(1).commit(2)
            .anomalyIf(o -> o.is("t1r2", 22) || o.is("t2r1", 11)));
        s.add(new Script("OTV").begin(1).begin(2).begin(3).put(1, 1, 11).put(1, 2, 19).put(2, 1, 12).commit(1).get(3, 1).as("a")
            .put(2, 2, 18).get(3, 2).as("b").commit(2).get(3, 2).as("c").get(3, 1).as("d").commit(3)
            .anomalyIf(o -> o.is("b", 18) || (o.is("b", 18) || o.is("c", 18)) && o.is("d", 11)));
        s.add(new Script("PMP").begin(1).begin(2).scan(1, "v==30", v -> v == 30).put(2, 3, 30).commit(2)
            .scan(1, "v%3==0", v -> v % 3 == 0).as("r6").commit(1)
            .anomalyIf(o -> o.is("r6", "{3:30}") && o.committed(1)));
        s.add(new Script("PMP-write").begin(1).begin(2).updWhere(1, "all", v -> true, v -> v + 10).delWhere(2, "v==20", v -> v == 20)
            .commit(1).scan(2, "v==20", v -> v == 20).as("r6").commit(2).scanX("all", v -> true).as("final")
            .anomalyIf(o -> !pmpWriteAcceptable(o)));
        s.add(new Script("P4").begin(1).begin(2).get(1, 1).get(2, 1).put(1, 1, 11).put(2, 1, 11).commit(1).commit(2)
            .anomalyIf(o -> o.committed(1) && o.committed(2)));
        s.add(new Script("P4-detectable").begin(1).begin(2).get(1, 1).get(2, 1).increment(1, 1).increment(2, 1).commit(1).commit(2)
            .scanX("all", v -> true).as("final")
            .anomalyIf(o -> o.committed(1) && o.committed(2) && o.get("final").toString().contains("1:11")));
        s.add(new Script("G-single").begin(1).begin(2).get(1, 1).as("a").get(2, 1).get(2, 2).put(2, 1, 12).put(2, 2, 18).commit(2)
            .get(1, 2).as("b").commit(1)
            .anomalyIf(o -> o.is("a", 10) && o.is("b", 18)));
        s.add(new Script("G-single-b").begin(1).begin(2).scan(1, "v%5==0", v -> v % 5 == 0).updWhere(2, "v==10", v -> v == 10, v -> 12)
            .commit(2).scan(1, "v%3==0", v -> v % 3 == 0).as("r6").commit(1)
            .anomalyIf(o -> o.is("r6", "{1:12}")));
        s.add(new Script("G-single-c").begin(1).begin(2).get(1, 1).scan(2, "all", v -> true).put(2, 1, 12).put(2, 2, 18).commit(2)
            .delWhere(1, "v==20", v -> v == 20).commit(1).scanX("all", v -> true).as("final")
            .anomalyIf(o -> o.committed(1)));
        s.add(new Script("G-single-d").begin(1).begin(2).get(1, 1).scan(2, "all", v -> true).put(2, 1, 12).delWhere(1, "v==20", v -> v == 20)
            .put(2, 2, 18).abort(1).commit(2)
            .anomalyIf(o -> !o.committed(2)));
        s.add(new Script("G2-item").begin(1).begin(2).get(1, 1).get(1, 2).get(2, 1).get(2, 2).put(1, 1, 11).put(2, 2, 21).commit(1).commit(2)
            .anomalyIf(o -> o.committed(1) && o.committed(2)));
        s.add(new Script("G2").begin(1).begin(2).scan(1, "v%3==0", v -> v % 3 == 0).scan(2, "v%3==0", v -> v % 3 == 0).put(1, 3, 30)
            .put(2, 4, 42).commit(1).commit(2).scanX("v%3==0", v -> v % 3 == 0).as("final")
            .anomalyIf(o -> o.committed(1) && o.committed(2) && o.is("final", "{3:30,4:42}")));
        s.add(new Script("G2-b").begin(1).begin(2).scan(1, "v%3==0", v -> v % 3 == 0).scan(2, "v%5==0", v -> v % 5 == 0).put(1, 3, 30)
            .put(2, 4, 60).commit(1).commit(2)
            .anomalyIf(o -> o.committed(1) && o.committed(2)));
        s.add(new Script("G2-c").begin(1).scan(1, "all", v -> true).begin(2)
            .step(2, "T2 updWhere key==2 v->v+5", (tx, st, level) -> {
                final Integer v = Hermitage.read(tx, st, 2);
                Hermitage.write(tx, st, 2, v + 5);
                return v;
            }).commit(2).begin(3).scan(3, "all", v -> true).as("t3").commit(3).put(1, 1, 0).commit(1)
            .anomalyIf(o -> o.committed(1) && o.committed(2) && o.committed(3) && o.is("t3", "{1:10,2:25}")));
        return s;
    }

    /** PMP-write's acceptable outcomes (spec): one of the two aborted with the other's effect alone, or a serial order. */
    private static boolean pmpWriteAcceptable(final Outcome o) {
        final boolean c1 = o.committed(1);
        final boolean c2 = o.committed(2);
        final Object fin = o.get("final");
        if (!c1 && !c2) {
            return "{1:10,2:20}".equals(fin);
        }
        if (c1 && !c2) {
            return "{1:20,2:30}".equals(fin);
        }
        if (!c1) {
            return "{1:10}".equals(fin);
        }
        return "{2:30}".equals(fin) || "{1:20}".equals(fin) && o.is("r6", "{}");
    }
}
