package dev.strata.bench.lab.eviction;

import dev.strata.bench.lab.SplitMix64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Seeded synthetic request streams: the same spec and seed give the same trace on every JVM (the
 * generator is {@link SplitMix64}).
 *
 * <h2>Spec syntax</h2>
 * <pre>
 * SPEC := TERM ('+' TERM)*
 * TERM := NAME [':' PARAMETER] (',' KEY '=' VALUE)*
 * </pre>
 * <ul>
 *   <li>{@code zipf:S,keys=K}: Zipf over {@code K} keys (default 100k) with exponent {@code S}
 *       (default 0.99): key of rank {@code r} drawn with probability proportional to {@code 1/r^S}.</li>
 *   <li>{@code uniform,keys=K}: every key equally likely.</li>
 *   <li>{@code scan}: keys never seen before, in order (a one-pass scan: no policy can hit).</li>
 *   <li>{@code loop,keys=K}: keys {@code 0..K-1} over and over (LRU's worst case when {@code K}
 *       exceeds the cache).</li>
 *   <li>{@code shift,keys=K,hot=H,period=P,share=F}: a hot set of {@code H} keys (default 1% of
 *       {@code K}) takes a share {@code F} (default 0.9) of this term's requests, the rest uniform
 *       over all {@code K}; every {@code P} requests of the term (default 100k) the hot set moves
 *       to the next {@code H} keys.</li>
 * </ul>
 * A mix of terms ({@code zipf:0.9+scan,w=0.2}) picks the term of each request at random in
 * proportion to the weights {@code w} (default 1 each); each term has its own key space.
 * {@code n=N} anywhere sets the total number of requests (default 1,000,000). Counts take a
 * decimal {@code k} or {@code m} suffix: {@code keys=100k}, {@code n=2m}.
 */
public final class SyntheticWorkload {
    /** Requests when the spec gives no {@code n=}. */
    public static final int DEFAULT_REQUESTS = 1_000_000;
    private static final int MAX_REQUESTS = 100_000_000;
    private static final int MAX_KEYS = 50_000_000;
    private static final Map<String, Set<String>> KEYS_OF = Map.of(
        "zipf", Set.of("keys", "w", "n"), "uniform", Set.of("keys", "w", "n"), "scan", Set.of("w", "n"),
        "loop", Set.of("keys", "w", "n"), "shift", Set.of("keys", "hot", "period", "share", "w", "n"));

    private SyntheticWorkload() {
    }

    /**
     * @param spec the workload (see the class description)
     * @param seed the random seed
     * @return the trace, named after the spec and the seed
     * @throws IllegalArgumentException with a one-line message naming what is wrong in the spec
     */
    public static Trace generate(final String spec, final long seed) {
        final List<Term> terms = new ArrayList<>();
        int requests = -1;
        for (String text : spec.split("\\+", -1)) {
            final Term term = Term.parse(text.trim(), terms.size());
            if (term.params.containsKey("n")) {
                if (requests >= 0) {
                    throw new IllegalArgumentException("synthetic spec '" + spec + "' gives n= twice: give the total number of requests once");
                }
                requests = (int)count(term, "n", 0, 1, MAX_REQUESTS);
            }
            terms.add(term);
        }
        if (requests < 0) {
            requests = DEFAULT_REQUESTS;
        }
        final SplitMix64 random = new SplitMix64(seed);
        final double[] cumulative = new double[terms.size()];
        double total = 0;
        for (int t = 0; t < terms.size(); t++) {
            total += terms.get(t).weight;
            cumulative[t] = total;
        }
        final TraceBuilder builder = new TraceBuilder("synthetic " + spec + " seed " + seed, false);
        for (int i = 0; i < requests; i++) {
            int t = 0;
            if (terms.size() > 1) {
                final double pick = random.nextDouble() * total;
                while (t < terms.size() - 1 && pick >= cumulative[t]) {
                    t++;
                }
            }
            builder.add(terms.get(t).next(random));
        }
        return builder.build();
    }

    private static double number(final Term term, final String key, final double fallback, final double min, final double max) {
        final String text = term.params.get(key);
        if (text == null) {
            return fallback;
        }
        final double value;
        try {
            value = Double.parseDouble(text);
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("synthetic term '" + term.text + "': " + key + "=" + text + " is not a number");
        }
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("synthetic term '" + term.text + "': " + key + "=" + text + " is out of range " + min + " to " + max);
        }
        return value;
    }

    private static long count(final Term term, final String key, final long fallback, final long min, final long max) {
        final String text = term.params.get(key);
        if (text == null) {
            return fallback;
        }
        final String t = text.toLowerCase(Locale.ROOT);
        final long unit = t.endsWith("k") ? 1_000 : t.endsWith("m") ? 1_000_000 : 1;
        final long value;
        try {
            value = Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit;
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("synthetic term '" + term.text + "': " + key + "=" + text + " is not a count (e.g. 1000, 100k, 2m)");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("synthetic term '" + term.text + "': " + key + "=" + text + " is out of range " + min + " to " + max);
        }
        return value;
    }

    /** One generator of a spec, with its own key space (the term's index in the top 16 bits). */
    private static final class Term {
        final String text;
        final String name;
        final Map<String, String> params = new LinkedHashMap<>();
        final long space;
        double weight = 1;
        int keys;
        double[] zipfCdf;
        long position;
        int hot;
        long period;
        double share;
        long served;

        private Term(final String text, final String name, final int index) {
            this.text = text;
            this.name = name;
            this.space = (long)index << 48;
        }

        static Term parse(final String text, final int index) {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("synthetic spec has an empty term: use e.g. zipf:0.99,keys=100k or zipf:0.9+scan,w=0.1");
            }
            final String[] parts = text.split(",", -1);
            final String head = parts[0].trim().toLowerCase(Locale.ROOT);
            final int colon = head.indexOf(':');
            final String name = colon < 0 ? head : head.substring(0, colon);
            if (!KEYS_OF.containsKey(name)) {
                throw new IllegalArgumentException("unknown synthetic workload '" + name + "' in '" + text + "': use zipf, uniform, scan, loop or shift");
            }
            final Term term = new Term(text, name, index);
            for (int p = 1; p < parts.length; p++) {
                final int eq = parts[p].indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("synthetic term '" + text + "': '" + parts[p] + "' is not KEY=VALUE");
                }
                final String key = parts[p].substring(0, eq).trim().toLowerCase(Locale.ROOT);
                if (!KEYS_OF.get(name).contains(key)) {
                    throw new IllegalArgumentException("synthetic term '" + text + "': " + name + " takes no '" + key + "'; it takes "
                        + String.join(", ", KEYS_OF.get(name).stream().sorted().toList()));
                }
                if (term.params.put(key, parts[p].substring(eq + 1).trim()) != null) {
                    throw new IllegalArgumentException("synthetic term '" + text + "' gives " + key + " twice");
                }
            }
            term.weight = number(term, "w", 1, 1e-9, 1e9);
            term.keys = (int)count(term, "keys", 100_000, 1, MAX_KEYS);
            if (name.equals("zipf")) {
                final double exponent = colon < 0 ? 0.99 : parameter(text, head.substring(colon + 1));
                term.zipfCdf = zipfCdf(term.keys, exponent);
            } else if (colon >= 0) {
                throw new IllegalArgumentException("synthetic term '" + text + "': only zipf takes a ':' parameter (its exponent)");
            }
            if (name.equals("shift")) {
                term.hot = (int)count(term, "hot", Math.max(1, term.keys / 100), 1, term.keys);
                term.period = count(term, "period", 100_000, 1, Long.MAX_VALUE / 2);
                term.share = number(term, "share", 0.9, 0, 1);
            }
            return term;
        }

        private static double parameter(final String text, final String value) {
            final double exponent;
            try {
                exponent = Double.parseDouble(value);
            } catch (final NumberFormatException e) {
                throw new IllegalArgumentException("synthetic term '" + text + "': zipf exponent '" + value + "' is not a number (e.g. zipf:0.99)");
            }
            if (!(exponent >= 0 && exponent <= 10)) {
                throw new IllegalArgumentException("synthetic term '" + text + "': zipf exponent " + value + " is out of range 0 to 10");
            }
            return exponent;
        }

        private static double[] zipfCdf(final int keys, final double exponent) {
            final double[] cdf = new double[keys];
            double sum = 0;
            for (int r = 0; r < keys; r++) {
                sum += 1 / Math.pow(r + 1, exponent);
                cdf[r] = sum;
            }
            for (int r = 0; r < keys; r++) {
                cdf[r] /= sum;
            }
            cdf[keys - 1] = 1;
            return cdf;
        }

        long next(final SplitMix64 random) {
            switch (name) {
                case "zipf": {
                    final int r = Arrays.binarySearch(zipfCdf, random.nextDouble());
                    return space | (r >= 0 ? r : -r - 1);
                }
                case "uniform":
                    return space | random.nextInt(keys);
                case "scan":
                    return space | position++;
                case "loop":
                    return space | (position++ % keys);
                default: {
                    final long window = served++ / period;
                    if (random.nextDouble() < share) {
                        return space | ((window * hot + random.nextInt(hot)) % keys);
                    }
                    return space | random.nextInt(keys);
                }
            }
        }
    }
}
