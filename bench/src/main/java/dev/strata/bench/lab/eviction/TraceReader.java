package dev.strata.bench.lab.eviction;

import com.github.luben.zstd.ZstdInputStream;
import dev.strata.bench.lab.LabInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads trace files into a {@link Trace}. Every format may be gzip- or zstd-compressed (recognised
 * by the magic bytes, not the file name). Bad input ends in a {@link LabInputException} whose one-line
 * message names the file, the line or record, and what is wrong.
 *
 * <ul>
 *   <li>{@code lirs}: one integer per line; blank lines and the {@code *} checkpoint markers of the
 *       LIRS simulator are skipped (as Caffeine's simulator does).</li>
 *   <li>{@code arc}: {@code start count ignored seq} per line; the line stands for requests of
 *       blocks {@code start, start+1, ..., start+count-1} (as Caffeine's {@code ArcTraceReader}).</li>
 *   <li>{@code oracle-general}: libCacheSim's binary records of 24 bytes, little-endian,
 *       {@code u32 time, u64 object id, u32 size, i64 next access}; only id and size are used (the
 *       lab computes next uses itself).</li>
 *   <li>{@code csv}: {@code key} or {@code key,size} per line; a first line that does not start with a
 *       number is a header; a key that is not an integer is hashed. Either every line has a size
 *       (a byte-weighted trace) or none has.</li>
 * </ul>
 */
public final class TraceReader {
    /** oracleGeneral record length in bytes. */
    public static final int ORACLE_RECORD = 24;
    private static final int GZIP_MAGIC = 0x8B1F;
    private static final int ZSTD_MAGIC = 0xFD2FB528;

    private TraceReader() {
    }

    /**
     * @return the trace in {@code file}
     * @throws LabInputException if the file cannot be read, is not in {@code format}, or holds no request
     */
    public static Trace read(final Path file, final TraceFormat format) {
        final Trace trace;
        try (InputStream in = open(file)) {
            trace = format == TraceFormat.ORACLE_GENERAL ? oracleGeneral(file, in) : new LineParser(file, in, format).parse();
        } catch (final NoSuchFileException e) {
            throw new LabInputException("trace file does not exist: " + file);
        } catch (final AccessDeniedException e) {
            throw new LabInputException("cannot read trace file " + file + ": permission denied");
        } catch (final IOException e) {
            throw new LabInputException("cannot read trace file " + file + ": " + e.getMessage(), e);
        }
        if (trace.length() == 0) {
            throw new LabInputException("trace file " + file + " holds no request (format " + format.label() + ")");
        }
        return trace;
    }

    private static InputStream open(final Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new LabInputException("trace file " + file + " is a directory; give a file");
        }
        final BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(4);
        final byte[] head = in.readNBytes(4);
        in.reset();
        if (head.length >= 2 && ((head[0] & 0xFF) | (head[1] & 0xFF) << 8) == GZIP_MAGIC) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        if (head.length == 4 && ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt() == ZSTD_MAGIC) {
            return new BufferedInputStream(new ZstdInputStream(in), 1 << 16);
        }
        return in;
    }

    private static Trace oracleGeneral(final Path file, final InputStream in) throws IOException {
        final TraceBuilder builder = new TraceBuilder(file.getFileName().toString(), true);
        final byte[] record = new byte[ORACLE_RECORD];
        final ByteBuffer view = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
        long furthest = -1;
        int furthestRecord = -1;
        while (true) {
            final int n = in.readNBytes(record, 0, ORACLE_RECORD);
            if (n == 0) {
                break;
            }
            if (n < ORACLE_RECORD) {
                throw new LabInputException("trace file " + file + " is not oracle-general: it ends in a partial record of " + n
                    + " bytes after " + builder.length() + " records of " + ORACLE_RECORD + " bytes");
            }
            final long size = view.getInt(12) & 0xFFFF_FFFFL;
            if (size > Integer.MAX_VALUE) {
                throw new LabInputException("trace file " + file + " record " + builder.length() + ": object size " + size
                    + " is over 2 GiB; is the file oracle-general?");
            }
            final long next = view.getLong(16);
            if (next != -1 && next <= builder.length()) {
                // libCacheSim writes the (1-based) virtual time of the object's next request, or -1
                throw new LabInputException("trace file " + file + " is not oracle-general: record " + builder.length()
                    + " says its object's next request is " + next + ", not after it");
            }
            if (next > furthest) {
                furthest = next;
                furthestRecord = builder.length();
            }
            builder.add(view.getLong(4), (int)size);
        }
        if (furthest > builder.length()) {
            throw new LabInputException("trace file " + file + " is not oracle-general: record " + furthestRecord + " says its object's next"
                + " request is " + furthest + ", but the trace has " + builder.length() + " requests");
        }
        return builder.build();
    }

    /** A byte-level parser for the text formats: numbers without a String per line. */
    private static final class LineParser {
        private final Path file;
        private final InputStream in;
        private final TraceFormat format;
        private final StringBuilder token = new StringBuilder();
        private TraceBuilder builder;
        private boolean weighted;
        private long line;
        private int c;

        LineParser(final Path file, final InputStream in, final TraceFormat format) {
            this.file = file;
            this.in = in;
            this.format = format;
        }

        Trace parse() throws IOException {
            c = in.read();
            while (c != -1) {
                line++;
                parseLine();
            }
            return builder == null ? new TraceBuilder(file.getFileName().toString(), false).build() : builder.build();
        }

        private void parseLine() throws IOException {
            skipBlanks();
            if (c == '\n' || c == '\r' || c == -1) {
                endLine();
                return;
            }
            if (format == TraceFormat.LIRS) {
                if (c == '*') {
                    c = in.read();
                    skipBlanks();
                    endLine();
                    return;
                }
                add(number("block number"));
            } else if (format == TraceFormat.ARC) {
                final long start = number("start block");
                skipSeparator(' ');
                final long count = number("block count");
                if (count < 0 || count > 1 << 24) {
                    throw bad("block count " + count + " is out of range 0 to " + (1 << 24));
                }
                skipRest();
                for (long b = start; b < start + count; b++) {
                    add(b);
                }
            } else {
                csvLine();
            }
            endLine();
        }

        private void csvLine() throws IOException {
            token.setLength(0);
            while (c != ',' && c != '\n' && c != '\r' && c != -1) {
                token.append((char)c);
                c = in.read();
            }
            final String keyText = token.toString().strip();
            final boolean hasSize = c == ',';
            long key;
            try {
                key = Long.parseLong(keyText);
            } catch (final NumberFormatException e) {
                if (line == 1 && builder == null) {
                    skipRest();
                    return; // a header
                }
                key = Hashing.textKey(keyText);
            }
            if (builder == null) {
                builder = new TraceBuilder(file.getFileName().toString(), hasSize);
                weighted = hasSize;
            } else if (hasSize != weighted) {
                throw bad(hasSize ? "a size, but earlier lines have none: give every line a size or none"
                    : "no size, but earlier lines have one: give every line a size or none");
            }
            if (hasSize) {
                c = in.read();
                skipBlanks();
                final long size = number("object size");
                if (size < 0 || size > Integer.MAX_VALUE) {
                    throw bad("object size " + size + " is out of range 0 to " + Integer.MAX_VALUE);
                }
                skipRest();
                builder.add(key, (int)size);
            } else {
                builder.add(key);
            }
        }

        private void add(final long key) {
            if (builder == null) {
                builder = new TraceBuilder(file.getFileName().toString(), false);
            }
            builder.add(key);
        }

        private long number(final String what) throws IOException {
            boolean negative = false;
            if (c == '-') {
                negative = true;
                c = in.read();
            }
            if (c < '0' || c > '9') {
                throw bad("expected a " + what + ", found " + describe(c));
            }
            long value = 0;
            while (c >= '0' && c <= '9') {
                final int digit = c - '0';
                if (value > (Long.MAX_VALUE - digit) / 10) {
                    throw bad(what + " is too large for 64 bits");
                }
                value = value * 10 + digit;
                c = in.read();
            }
            if (format == TraceFormat.LIRS) {
                skipBlanks();
                if (c != '\n' && c != '\r' && c != -1) {
                    throw bad("expected one integer per line, found " + describe(c) + " after " + (negative ? -value : value));
                }
            }
            return negative ? -value : value;
        }

        private void skipSeparator(final int separator) throws IOException {
            if (c != separator && c != '\t') {
                throw bad("expected a space after the start block, found " + describe(c));
            }
            while (c == ' ' || c == '\t') {
                c = in.read();
            }
        }

        private void skipBlanks() throws IOException {
            while (c == ' ' || c == '\t') {
                c = in.read();
            }
        }

        private void skipRest() throws IOException {
            while (c != '\n' && c != '\r' && c != -1) {
                c = in.read();
            }
        }

        private void endLine() throws IOException {
            if (c != '\n' && c != '\r' && c != -1) {
                throw bad("unexpected " + describe(c));
            }
            if (c == '\r') {
                c = in.read();
            }
            if (c == '\n') {
                c = in.read();
            }
        }

        private static String describe(final int ch) {
            if (ch == -1) {
                return "the end of the file";
            }
            if (ch == '\n' || ch == '\r') {
                return "the end of the line";
            }
            return ch >= 0x20 && ch < 0x7F ? "'" + (char)ch + "'" : String.format(Locale.ROOT, "byte 0x%02x", ch);
        }

        private LabInputException bad(final String what) {
            return new LabInputException("trace file " + file + " line " + line + " is not " + format.label() + ": " + what);
        }
    }
}
