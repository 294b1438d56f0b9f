package dev.strata.tier.object;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Maps object keys to paths under the local store's {@code objects/} directory and back.
 *
 * <p>A key is split at every {@code '/'}; each piece but the last becomes a directory, the last a
 * file named {@code <piece>.obj}. Each piece is escaped: bytes of its UTF-8 form outside
 * {@code [a-z0-9_-]} become {@code %XX} (upper-case hex). Why these rules:
 * <ul>
 *   <li>Directories keep listings by prefix cheap (only the subtree under the prefix is walked)
 *       and keep directories small.</li>
 *   <li>Escaping {@code '.'} means no directory name contains a dot, so the {@code .obj} suffix
 *       cannot collide: key {@code a} (file {@code a.obj}) and key {@code a/b} (directory {@code a})
 *       coexist as in S3, and {@code .}/{@code ..} never appear.</li>
 *   <li>Escaping upper-case letters keeps distinct keys distinct on case-insensitive file systems
 *       (macOS, Windows).</li>
 *   <li>An empty piece (as in {@code a//b} or a trailing {@code /}) is the directory {@code %},
 *       which escaping never produces otherwise, or the file {@code .obj}.</li>
 * </ul>
 * Deviation from S3: a piece whose escaped file name exceeds 255 bytes (the common file name
 * limit) is rejected.
 */
final class LocalKeyCodec {
    static final String SUFFIX = ".obj";
    private static final String EMPTY_DIR = "%";
    private static final int MAX_NAME = 255;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private LocalKeyCodec() {
    }

    /** @return the file that holds {@code key}'s object */
    static Path fileFor(final Path objectsRoot, final String key) {
        final String[] pieces = key.split("/", -1);
        Path p = objectsRoot;
        for (int i = 0; i < pieces.length - 1; i++) {
            p = p.resolve(dirName(pieces[i], key));
        }
        final String file = escape(pieces[pieces.length - 1]) + SUFFIX;
        checkLength(file, key);
        return p.resolve(file);
    }

    /** @return the directory for the key prefix {@code dirKey} (the pieces of {@code "a/b"} give {@code a/b}) */
    static Path dirFor(final Path objectsRoot, final String dirKey) {
        Path p = objectsRoot;
        for (final String piece : dirKey.split("/", -1)) {
            p = p.resolve(dirName(piece, dirKey));
        }
        return p;
    }

    /** @return the key stored at {@code relative} (a path under {@code objects/} ending in {@code .obj}) */
    static String keyFor(final Path relative) {
        final StringBuilder key = new StringBuilder();
        final int n = relative.getNameCount();
        for (int i = 0; i < n; i++) {
            String name = relative.getName(i).toString();
            if (i == n - 1) {
                name = name.substring(0, name.length() - SUFFIX.length());
            } else {
                key.append(EMPTY_DIR.equals(name) ? "" : unescape(name)).append('/');
                continue;
            }
            key.append(unescape(name));
        }
        return key.toString();
    }

    private static String dirName(final String piece, final String key) {
        if (piece.isEmpty()) {
            return EMPTY_DIR;
        }
        final String name = escape(piece);
        checkLength(name, key);
        return name;
    }

    private static void checkLength(final String name, final String key) {
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("LocalObjectStore stores each '/'-separated piece of a key as a file name of at most "
                + MAX_NAME + " bytes after escaping; shorten the pieces of key '" + key + "'");
        }
    }

    static String escape(final String piece) {
        final StringBuilder out = new StringBuilder(piece.length() + 8);
        for (final byte b : piece.getBytes(StandardCharsets.UTF_8)) {
            final int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    static String unescape(final String name) {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(name.length());
        for (int i = 0; i < name.length(); i++) {
            final char c = name.charAt(i);
            if (c == '%' && i + 2 < name.length()) {
                bytes.write(Integer.parseInt(name, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
