package dev.strata.tier.object;

import java.util.List;

/**
 * One page of {@link ObjectStore#list}: objects and common prefixes in ascending key order (UTF-8
 * binary order, as S3 sorts).
 *
 * @param objects               the objects on this page (their user metadata is empty)
 * @param commonPrefixes        the keys rolled up by the delimiter: each is the listing prefix plus
 *                              everything up to and including the first delimiter after it
 * @param nextContinuationToken opaque; pass it to the next {@code list} call to get the next page,
 *                              or {@code null} when this is the last page
 */
public record ObjectListing(List<ObjectInfo> objects, List<String> commonPrefixes, String nextContinuationToken) {
    /** Freezes the lists. */
    public ObjectListing {
        objects = List.copyOf(objects);
        commonPrefixes = List.copyOf(commonPrefixes);
    }

    /** @return whether another page follows */
    public boolean isTruncated() {
        return nextContinuationToken != null;
    }
}
