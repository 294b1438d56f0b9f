package dev.strata.tier.object;

import java.util.Objects;

/**
 * The precondition of a put, with S3's conditional-write semantics.
 *
 * <ul>
 *   <li>{@link #NONE}: always write (replace whatever is there).</li>
 *   <li>{@link #IF_ABSENT}: {@code If-None-Match: *}, create only if no object has this key.</li>
 *   <li>{@link #ifMatch(String)}: {@code If-Match: <etag>}, replace only if the object exists and
 *       its ETag is still the given one (compare-and-swap).</li>
 * </ul>
 * A failed condition raises {@link PreconditionFailedException} and writes nothing.
 */
public final class PutCondition {
    /** No precondition. */
    public static final PutCondition NONE = new PutCondition(null, false);

    /** Create only if absent ({@code If-None-Match: *}). */
    public static final PutCondition IF_ABSENT = new PutCondition(null, true);

    private final String ifMatchEtag;
    private final boolean ifAbsent;

    private PutCondition(final String ifMatchEtag, final boolean ifAbsent) {
        this.ifMatchEtag = ifMatchEtag;
        this.ifAbsent = ifAbsent;
    }

    /**
     * @param etag the ETag the object must still have (quotes, if any, are ignored)
     * @return a replace-only-if-unchanged condition
     */
    public static PutCondition ifMatch(final String etag) {
        Objects.requireNonNull(etag, "etag");
        final String bare = Etags.unquote(etag);
        if (bare.isEmpty() || "*".equals(bare)) {
            throw new IllegalArgumentException("ifMatch needs a concrete ETag, got '" + etag + "'");
        }
        return new PutCondition(bare, false);
    }

    /** @return whether this is {@link #IF_ABSENT} */
    public boolean isIfAbsent() {
        return ifAbsent;
    }

    /** @return the ETag to match without quotes, or {@code null} if this is not an If-Match condition */
    public String ifMatchEtag() {
        return ifMatchEtag;
    }

    @Override
    public String toString() {
        return ifAbsent ? "If-None-Match: *" : ifMatchEtag != null ? "If-Match: \"" + ifMatchEtag + '"' : "unconditional";
    }
}
