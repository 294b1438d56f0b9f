package dev.strata.bench.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * A small streaming JSON writer for reports (no JSON library): objects, arrays, strings, numbers,
 * booleans and null, indented by two spaces. Misuse (a value where a name is due, unbalanced ends)
 * is not detected; callers are report classes that write fixed shapes.
 *
 * <pre>{@code
 * String json = new JsonWriter().beginObject().name("ratio").value(2.5, 3).endObject().toString();
 * }</pre>
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    private boolean[] hasElement = new boolean[16];
    private int depth;
    private boolean afterName;

    public JsonWriter beginObject() {
        return open('{');
    }

    public JsonWriter endObject() {
        return close('}');
    }

    public JsonWriter beginArray() {
        return open('[');
    }

    public JsonWriter endArray() {
        return close(']');
    }

    /** Writes a member name; the next call writes its value. */
    public JsonWriter name(final String name) {
        separate();
        quote(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    public JsonWriter value(final String value) {
        if (value == null) {
            return nullValue();
        }
        separate();
        quote(value);
        return this;
    }

    public JsonWriter value(final long value) {
        separate();
        out.append(value);
        return this;
    }

    public JsonWriter value(final boolean value) {
        separate();
        out.append(value);
        return this;
    }

    /** Writes {@code value} rounded half-up to {@code decimals} places, or null if it is NaN or infinite. */
    public JsonWriter value(final double value, final int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return nullValue();
        }
        separate();
        out.append(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString());
        return this;
    }

    public JsonWriter nullValue() {
        separate();
        out.append("null");
        return this;
    }

    /** @return the document written so far, with a final newline once the outermost value is closed */
    @Override
    public String toString() {
        return depth == 0 ? out + "\n" : out.toString();
    }

    private JsonWriter open(final char bracket) {
        separate();
        out.append(bracket);
        if (++depth == hasElement.length) {
            hasElement = Arrays.copyOf(hasElement, depth * 2);
        }
        hasElement[depth] = false;
        return this;
    }

    private JsonWriter close(final char bracket) {
        final boolean any = hasElement[depth];
        depth--;
        if (any) {
            newline();
        }
        out.append(bracket);
        return this;
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            out.append(hasElement[depth] ? "," : "");
            hasElement[depth] = true;
            newline();
        }
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private void quote(final String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
