package dev.strata.tier.object;

import dev.strata.tier.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link ObjectTier#list}: sealed segments from {@code segments/}, unsealed ones from the common
 * prefixes under {@code parts/}, merged in id order. A segment with both (a crash between the
 * sealed PUT and the deletion of its parts) is reported sealed, as {@link ObjectTier#open} sees it.
 * Costs one listing page per 1000 segments plus one per unsealed segment; not on the hot path.
 */
final class SegmentListing {
    private SegmentListing() {
    }

    static void list(final ObjectTier tier, final Tier.SegmentVisitor visitor) {
        final TreeMap<Long, long[]> segments = new TreeMap<>();
        for (final ObjectInfo o : all(tier.store, tier.keys.sealedPrefix(), null)) {
            if (!tier.keys.isSealed(o.key())) {
                continue; // not the tier's (see ObjectTierKeys)
            }
            segments.put(ObjectTierKeys.idOf(o.key()), new long[] {1, o.size() - SegmentObjectDescriptor.HEADER_LENGTH});
        }
        for (final String common : commonPrefixes(tier.store, tier.keys.partsRoot())) {
            if (!tier.keys.isPartsPrefix(common)) {
                continue;
            }
            final long id = ObjectTierKeys.idOf(common);
            if (segments.containsKey(id)) {
                continue;
            }
            long length = 0;
            for (final ObjectInfo part : all(tier.store, common, null)) {
                if (!ObjectTierKeys.isPart(common, part.key())) {
                    continue;
                }
                length += part.size() - SegmentObjectDescriptor.HEADER_LENGTH;
            }
            segments.put(id, new long[] {0, length});
        }
        for (final Map.Entry<Long, long[]> e : segments.entrySet()) {
            visitor.segment(e.getKey(), e.getValue()[0] == 1, e.getValue()[1]);
        }
    }

    /** @return every object under {@code prefix}, all pages */
    static List<ObjectInfo> all(final ObjectStore store, final String prefix, final String delimiter) {
        final List<ObjectInfo> out = new ArrayList<>();
        String token = null;
        do {
            final ObjectListing page = store.list(prefix, delimiter, token, ObjectStore.MAX_KEYS_PER_PAGE);
            out.addAll(page.objects());
            token = page.nextContinuationToken();
        } while (token != null);
        return out;
    }

    private static List<String> commonPrefixes(final ObjectStore store, final String prefix) {
        final List<String> out = new ArrayList<>();
        String token = null;
        do {
            final ObjectListing page = store.list(prefix, "/", token, ObjectStore.MAX_KEYS_PER_PAGE);
            out.addAll(page.commonPrefixes());
            token = page.nextContinuationToken();
        } while (token != null);
        return out;
    }
}
