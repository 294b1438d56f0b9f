package dev.strata.engine.store;

import dev.strata.engine.EntryKind;
import dev.strata.engine.Trailer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HexFormat;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Where the inspector prints (the caller's {@link Appendable}, line by line) and how it renders
 * bytes: printable ASCII as is, anything else as {@code 0x} + hex. Offline tool: allocates freely.
 */
final class InspectOutput {
    /** Value bytes shown per entry; longer values end in {@code ...}. */
    static final int VALUE_PREVIEW = 64;

    private static final HexFormat HEX = HexFormat.of();

    private final Appendable out;

    InspectOutput(final Appendable out) {
        this.out = out;
    }

    void line(final String text) {
        try {
            out.append(text).append(System.lineSeparator());
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write the inspector's output", e);
        }
    }

    /**
     * Renders bytes so that a line stays one line and parseable: as text when every byte is a
     * visible ASCII character other than {@code "} and the text does not start with {@code 0x};
     * else as {@code 0x} followed by lower-case hex. Empty is {@code ""}.
     */
    static String bytes(final DirectBuffer b, final int offset, final int length, final int max) {
        if (length == 0) {
            return "\"\"";
        }
        final int shown = Math.min(length, max);
        boolean text = !(shown >= 2 && b.getByte(offset) == '0' && b.getByte(offset + 1) == 'x');
        for (int i = 0; i < shown && text; i++) {
            final int c = b.getByte(offset + i) & 0xFF;
            text = c > 0x20 && c < 0x7F && c != '"';
        }
        final StringBuilder s = new StringBuilder(text ? shown : 2 + 2 * shown);
        if (text) {
            for (int i = 0; i < shown; i++) {
                s.append((char)b.getByte(offset + i));
            }
        } else {
            s.append("0x");
            for (int i = 0; i < shown; i++) {
                s.append(HEX.toHexDigits(b.getByte(offset + i)));
            }
        }
        return shown < length ? s.append("...").toString() : s.toString();
    }

    static String bytes(final byte[] b) {
        return bytes(new UnsafeBuffer(b), 0, b.length, Integer.MAX_VALUE);
    }

    /**
     * One entry as {@code key=K seq=S kind=KIND [expires=T] value=V (len N)}; a PUT_TTL value's
     * 8-byte expiry is shown as an instant and not counted in N.
     */
    static String entry(final DirectBuffer key, final int keyOffset, final int keyLength, final long trailer, final DirectBuffer value,
        final int valueOffset, final int valueLength) {
        final int code = Trailer.kindCode(trailer);
        final EntryKind kind = EntryKind.fromCode(code);
        final StringBuilder s = new StringBuilder(128).append("key=").append(bytes(key, keyOffset, keyLength, Integer.MAX_VALUE))
            .append(" seq=").append(Trailer.sequence(trailer)).append(" kind=").append(kind == null ? "?" + code : kind.name());
        int vo = valueOffset;
        int vl = valueLength;
        if (kind == EntryKind.PUT_TTL && valueLength >= 8) {
            s.append(" expires=").append(Instant.ofEpochMilli(value.getLong(valueOffset, java.nio.ByteOrder.LITTLE_ENDIAN)));
            vo += 8;
            vl -= 8;
        }
        return s.append(" value=").append(bytes(value, vo, vl, VALUE_PREVIEW)).append(" (len ").append(vl).append(')').toString();
    }
}
