package dev.strata.tier.object;

import dev.strata.tier.TierIOException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Listing for the {@link LocalObjectStore}, with S3's paging and delimiter rules.
 *
 * <p>Each page walks the directory subtree that the prefix determines (the pieces before its last
 * {@code '/'}), sorts the keys in UTF-8 order and skips to the continuation point; cost is
 * proportional to the keys under that subtree, which for the object tier's layout is the segments
 * (or one segment's parts). Continuation tokens are opaque: {@code "o" + last key} or {@code "p" +
 * last common prefix} (after a common prefix, every key under it is skipped, as in S3).
 */
final class LocalObjectLister {
    private LocalObjectLister() {
    }

    static ObjectListing list(final Path objectsRoot, final String prefix, final String delimiter, final String token, final int maxKeys) {
        KeyRules.validateList(prefix, delimiter, maxKeys);
        final int slash = prefix.lastIndexOf('/');
        final Path start = slash < 0 ? objectsRoot : LocalKeyCodec.dirFor(objectsRoot, prefix.substring(0, slash));
        final List<String[]> keys = walk(objectsRoot, start, prefix);
        keys.sort((a, b) -> KeyRules.compareUtf8(a[0], b[0]));

        final List<ObjectInfo> objects = new ArrayList<>();
        final List<String> prefixes = new ArrayList<>();
        String last = null;
        String lastPrefix = null;
        boolean truncated = false;
        for (final String[] entry : keys) {
            final String key = entry[0];
            if (token != null && skip(key, token)) {
                continue;
            }
            final int d = delimiter == null ? -1 : key.indexOf(delimiter, prefix.length());
            if (d >= 0) {
                final String common = key.substring(0, d + delimiter.length());
                if (common.equals(lastPrefix)) {
                    continue;
                }
                if (objects.size() + prefixes.size() == maxKeys) {
                    truncated = true;
                    break;
                }
                prefixes.add(common);
                lastPrefix = common;
                last = "p" + common;
                continue;
            }
            if (objects.size() + prefixes.size() == maxKeys) {
                truncated = true;
                break;
            }
            final ObjectInfo info = info(Path.of(entry[1]), key);
            if (info != null) {
                objects.add(info);
                last = "o" + key;
            }
        }
        return new ObjectListing(objects, prefixes, truncated ? last : null);
    }

    private static boolean skip(final String key, final String token) {
        final String mark = token.substring(1);
        if (token.charAt(0) == 'p' && key.startsWith(mark)) {
            return true;
        }
        return KeyRules.compareUtf8(key, mark) <= 0;
    }

    private static List<String[]> walk(final Path objectsRoot, final Path start, final String prefix) {
        final List<String[]> out = new ArrayList<>();
        if (!Files.isDirectory(start)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(start)) {
            files.filter(p -> p.getFileName().toString().endsWith(LocalKeyCodec.SUFFIX) && Files.isRegularFile(p)).forEach(p -> {
                final String key = LocalKeyCodec.keyFor(objectsRoot.relativize(p));
                if (key.startsWith(prefix)) {
                    out.add(new String[] {key, p.toString()});
                }
            });
        } catch (final UncheckedIOException e) {
            if (!(e.getCause() instanceof NoSuchFileException)) {
                throw new TierIOException("cannot list local objects under " + start + ": " + e.getCause(), e);
            }
            // a directory vanished while walking (concurrent delete of an empty one): list what was seen
        } catch (final IOException e) {
            throw new TierIOException("cannot list local objects under " + start + ": " + e, e);
        }
        return out;
    }

    /** @return the listing entry, or {@code null} if the object was deleted meanwhile */
    private static ObjectInfo info(final Path file, final String key) {
        try (RandomAccessFile raf = LocalObjectHeader.openRead(file)) {
            final LocalObjectHeader h = LocalObjectHeader.read(raf, file);
            return new ObjectInfo(key, h.payloadLength(), h.etag(), Map.of());
        } catch (final NoSuchFileException e) {
            return null;
        } catch (final IOException e) {
            throw new TierIOException("cannot read local object '" + key + "' at " + file + ": " + e, e);
        }
    }
}
