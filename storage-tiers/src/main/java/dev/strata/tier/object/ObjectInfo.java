package dev.strata.tier.object;

import java.util.Map;
import java.util.Objects;

/**
 * What {@link ObjectStore#head(String)} and {@link ObjectStore#list} report about one object.
 *
 * @param key          the object key
 * @param size         the object size in bytes
 * @param etag         the entity tag without surrounding quotes; changes whenever the content
 *                     changes (see each store for how it is computed)
 * @param userMetadata user metadata (lower-case keys); empty in listings, which do not carry it
 */
public record ObjectInfo(String key, long size, String etag, Map<String, String> userMetadata) {
    /** Validates and freezes the fields. */
    public ObjectInfo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(etag, "etag");
        userMetadata = Map.copyOf(userMetadata);
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, got " + size);
        }
    }
}
