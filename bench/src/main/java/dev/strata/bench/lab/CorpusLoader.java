package dev.strata.bench.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a corpus from disk: one file, or every regular file under a directory (recursively, in
 * the order of their relative paths, so that runs are repeatable). Hidden files (names starting
 * with {@code .}) are skipped.
 */
public final class CorpusLoader {
    private CorpusLoader() {
    }

    /**
     * @throws LabInputException if the path does not exist, cannot be read, holds no files or is
     *                           larger than {@link Corpus#MAX_TOTAL_BYTES}
     */
    public static Corpus load(final Path path) {
        if (!Files.exists(path)) {
            throw new LabInputException("corpus path does not exist: " + path);
        }
        final List<Path> paths = Files.isDirectory(path) ? listFiles(path) : List.of(path);
        if (paths.isEmpty()) {
            throw new LabInputException("corpus directory " + path + " contains no files");
        }
        long total = 0;
        final List<CorpusFile> files = new ArrayList<>(paths.size());
        for (Path p : paths) {
            if (!Files.isRegularFile(p)) {
                throw new LabInputException("corpus path is not a regular file or a directory: " + p);
            }
            final byte[] data = read(p);
            total += data.length;
            if (total > Corpus.MAX_TOTAL_BYTES) {
                throw new LabInputException("corpus " + path + " is larger than 1 GiB; use a smaller one");
            }
            final Path name = Files.isDirectory(path) ? path.relativize(p) : p.getFileName();
            files.add(new CorpusFile(name.toString().replace('\\', '/'), data));
        }
        return new Corpus(path.toString(), files);
    }

    private static List<Path> listFiles(final Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir))
                .filter(p -> !isHidden(dir.relativize(p)))
                .filter(Files::isRegularFile)
                .sorted((a, b) -> dir.relativize(a).toString().compareTo(dir.relativize(b).toString()))
                .collect(Collectors.toList());
        } catch (final IOException | UncheckedIOException e) {
            throw new LabInputException("cannot list corpus directory " + dir + ": " + describe(e), e);
        }
    }

    private static boolean isHidden(final Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static byte[] read(final Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (final IOException e) {
            throw new LabInputException("cannot read corpus file " + file + ": " + describe(e), e);
        }
    }

    private static String describe(final Throwable e) {
        final Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof NoSuchFileException) {
            return "no such file";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
