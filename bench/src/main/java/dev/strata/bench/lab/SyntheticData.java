package dev.strata.bench.lab;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/**
 * Generators for the {@link BuiltInCorpus}: each returns exactly the requested number of bytes and
 * depends only on its {@link SplitMix64}. Only exact operations are used (integer arithmetic,
 * IEEE {@code + - * /}, {@code java.time} calendar arithmetic); no {@code Double.toString}, whose
 * output changed in JDK 19, and no locale-dependent formatting.
 */
final class SyntheticData {
    private static final String[] WORDS = (
        "the of and to a in is that it was for on are as with his they at be this from have or by one had "
        + "not but what all were when we there can an your which their said if do will each about how up out "
        + "them then she many some so these would other into has more her two like him see time could no make "
        + "than first been its who now people my made over did down only way find use may water long little very "
        + "after words called just where most know get through back much before go good new write our used me man "
        + "too any day same right look think also around another came come work three word must because does part "
        + "even place well such here take why things help put years different away again off went old number great "
        + "tell men say small every found still between name should home big give air line set own under read last "
        + "never us left end along while might next sound below saw something thought both few those always looked "
        + "show large often together asked house don't world going want school important until form food keep children "
        + "storage engine block cache segment compaction replica quorum").split(" ");
    private static final double[] ZIPF_CUMULATIVE = zipf(WORDS.length);
    private static final String[] FIRST = {"alice", "bruno", "chen", "dana", "emeka", "fatima", "gustav", "hana", "ivan",
        "julia", "kofi", "lena", "mateo", "nora", "omar", "priya", "quentin", "rosa", "sven", "tomoko"};
    private static final String[] LAST = {"moreau", "rossi", "wang", "okafor", "schmidt", "tanaka", "silva", "novak",
        "kowalski", "haddad", "jensen", "garcia", "kim", "ivanova", "murphy", "dubois"};
    private static final String[] CITIES = {"DE\",\"city\":\"Berlin", "FR\",\"city\":\"Lyon", "JP\",\"city\":\"Osaka",
        "BR\",\"city\":\"Recife", "NG\",\"city\":\"Lagos", "US\",\"city\":\"Denver", "IN\",\"city\":\"Pune", "PL\",\"city\":\"Gdansk"};
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);
    private static final String[] TAGS = {"premium", "beta", "trial", "churn-risk", "newsletter", "mobile", "eu", "b2b"};

    private SyntheticData() {
    }

    /** English-like prose: Zipf-distributed words, sentences, paragraphs, lines wrapped at 72 columns. */
    static byte[] text(final SplitMix64 rnd, final int length) {
        final StringBuilder out = new StringBuilder(length + 128);
        int column = 0;
        while (out.length() < length) {
            final int sentences = rnd.nextInt(3, 6);
            for (int s = 0; s < sentences; s++) {
                final int words = rnd.nextInt(4, 15);
                for (int w = 0; w < words; w++) {
                    String word = rnd.nextInt(40) == 0 ? Integer.toString(rnd.nextInt(1900, 125)) : WORDS[zipfRank(rnd)];
                    if (w == 0) {
                        word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                    }
                    final String tail = w == words - 1 ? (rnd.nextInt(8) == 0 ? "?" : ".") : (rnd.nextInt(12) == 0 ? "," : "");
                    if (column + word.length() + tail.length() + 1 > 72) {
                        out.append('\n');
                        column = 0;
                    } else if (column > 0) {
                        out.append(' ');
                        column++;
                    }
                    out.append(word).append(tail);
                    column += word.length() + tail.length();
                }
            }
            out.append("\n\n");
            column = 0;
        }
        return Arrays.copyOf(out.toString().getBytes(StandardCharsets.US_ASCII), length);
    }

    /** JSON lines: user records with ids, names, places, scores, flags, tags and timestamps. */
    static byte[] jsonLines(final SplitMix64 rnd, final int length) {
        final StringBuilder out = new StringBuilder(length + 512);
        long id = 1_000_000;
        long epochSecond = 1_704_067_200L; // 2024-01-01T00:00:00Z
        while (out.length() < length) {
            id += rnd.nextInt(1, 3);
            epochSecond += rnd.nextInt(1, 900);
            final String first = FIRST[rnd.nextInt(FIRST.length)];
            final String last = LAST[rnd.nextInt(LAST.length)];
            final int cents = rnd.nextInt(10_000);
            out.append("{\"id\":").append(id)
                .append(",\"user\":\"").append(first).append('_').append(rnd.nextInt(10_000))
                .append("\",\"email\":\"").append(first).append('.').append(last).append("@example.com")
                .append("\",\"country\":\"").append(CITIES[rnd.nextInt(CITIES.length)])
                .append("\",\"score\":").append(cents / 100).append('.').append(cents % 100 < 10 ? "0" : "").append(cents % 100)
                .append(",\"active\":").append(rnd.nextInt(4) != 0)
                .append(",\"tags\":[");
            final int tags = rnd.nextInt(4);
            for (int t = 0; t < tags; t++) {
                out.append(t == 0 ? "\"" : ",\"").append(TAGS[rnd.nextInt(TAGS.length)]).append('"');
            }
            out.append("],\"created\":\"").append(TIMESTAMP.format(LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC)))
                .append("\",\"visits\":").append(rnd.nextInt(500)).append("}\n");
        }
        return Arrays.copyOf(out.toString().getBytes(StandardCharsets.US_ASCII), length);
    }

    /**
     * Numeric columns, little-endian, one column after the other (as a column store lays them out):
     * int64 millisecond timestamps with jittered steps, int32 sensor ids (skewed), float64 readings
     * (a random walk quantised to 1/100) and int32 running counters. 24 bytes per row.
     */
    static byte[] columns(final SplitMix64 rnd, final int length) {
        final int rows = length / 24;
        final ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        long ts = 1_704_067_200_000L;
        for (int r = 0; r < rows; r++) {
            ts += 1000 + rnd.nextInt(-20, 41);
            out.putLong(ts);
        }
        for (int r = 0; r < rows; r++) {
            out.putInt(rnd.nextInt(8) == 0 ? rnd.nextInt(64) : rnd.nextInt(4));
        }
        double value = 20.0;
        for (int r = 0; r < rows; r++) {
            value += (rnd.nextDouble() - 0.5) * 0.25;
            out.putDouble(Math.rint(value * 100) / 100);
        }
        int counter = 0;
        for (int r = 0; r < rows; r++) {
            counter += rnd.nextInt(3);
            out.putInt(counter);
        }
        return out.array();
    }

    /** Incompressible bytes. */
    static byte[] random(final SplitMix64 rnd, final int length) {
        final byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte)rnd.nextLong();
        }
        return out;
    }

    private static double[] zipf(final int n) {
        final double[] cumulative = new double[n];
        double sum = 0;
        for (int r = 0; r < n; r++) {
            sum += 1.0 / (r + 1);
            cumulative[r] = sum;
        }
        for (int r = 0; r < n; r++) {
            cumulative[r] /= sum;
        }
        return cumulative;
    }

    private static int zipfRank(final SplitMix64 rnd) {
        final int i = Arrays.binarySearch(ZIPF_CUMULATIVE, rnd.nextDouble());
        return Math.min(i >= 0 ? i : -i - 1, WORDS.length - 1);
    }
}
