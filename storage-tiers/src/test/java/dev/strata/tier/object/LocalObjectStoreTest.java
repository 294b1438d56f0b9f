package dev.strata.tier.object;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testsupport.LeakCheckExtension;
import dev.strata.tier.TierClosedException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The conformance suite over {@link LocalObjectStore}, plus what is specific to it; under the leak check. */
@ExtendWith(LeakCheckExtension.class)
class LocalObjectStoreTest extends ObjectStoreConformance {
    private Path dir;

    @Override
    protected ObjectStore newStore() throws Exception {
        dir = Files.createTempDirectory("strata-local-store");
        return LocalObjectStore.open(dir);
    }

    @AfterEach
    void deleteDir() {
        S3ProxyFixture.deleteRecursively(dir);
    }

    @Test
    void keysMapToEscapedPathsAndBack() {
        final Path objects = dir.resolve("objects");
        assertEquals(objects.resolve("strata/segments/00000000000000000042.obj"), LocalKeyCodec.fileFor(objects, "strata/segments/00000000000000000042"));
        assertEquals(objects.resolve("a%2Eb/%/%43%20d.obj"), LocalKeyCodec.fileFor(objects, "a.b//C d"));
        for (final String key : List.of("a", "a/b", "a//b", "dir/", ".hidden", "..", "UPPER/\u00fc\u00df/\ud83d\ude00", "%41")) {
            final Path file = LocalKeyCodec.fileFor(objects, key);
            assertEquals(key, LocalKeyCodec.keyFor(objects.relativize(file)), key);
        }
        assertThrows(IllegalArgumentException.class, () -> LocalKeyCodec.fileFor(objects, "x".repeat(300)));
    }

    @Test
    void fileAndDirectoryOfTheSameNameCoexist() {
        store.put("a", bytes("file"), Map.of(), PutCondition.NONE);
        store.put("a/b", bytes("below"), Map.of(), PutCondition.NONE);
        assertArrayEquals(bytes("file"), readAll("a"));
        assertArrayEquals(bytes("below"), readAll("a/b"));
    }

    @Test
    void aReaderKeepsTheVersionItOpened() {
        store.put("v", bytes("old bytes"), Map.of(), PutCondition.NONE);
        final ObjectReader r = store.openReader("v");
        store.put("v", bytes("new bytes!"), Map.of(), PutCondition.NONE);
        store.delete("v");
        final UnsafeBuffer dst = new UnsafeBuffer(new byte[9]);
        assertEquals(9, r.read(0, dst, 0, 9));
        assertArrayEquals(bytes("old bytes"), dst.byteArray());
        r.close();
        r.close();
        assertThrows(TierClosedException.class, () -> r.read(0, dst, 0, 1));
    }

    @Test
    void leftoversOfACrashedPutAreInvisibleAndCleanedWhenOld() throws Exception {
        store.put("k", bytes("committed"), Map.of(), PutCondition.NONE);
        final Path fresh = Files.writeString(dir.resolve("tmp").resolve("crashed-put-1.tmp"), "half an object");
        final Path old = Files.writeString(dir.resolve("tmp").resolve("crashed-put-2.tmp"), "half an object");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000L));
        store.close();
        store = LocalObjectStore.open(dir);
        assertArrayEquals(bytes("committed"), readAll("k"));
        assertEquals(List.of("k"), store.list("", null, null, 10).objects().stream().map(ObjectInfo::key).toList());
        assertTrue(Files.exists(fresh), "a young temporary file may belong to a put in progress in another process");
        assertTrue(!Files.exists(old), "an hour-old temporary file is removed at open");
    }

    @Test
    void corruptHeaderIsATypedErrorNamingFileAndOffset() throws Exception {
        store.put("c", bytes("payload"), Map.of("k", "v"), PutCondition.NONE);
        final Path file = LocalKeyCodec.fileFor(dir.resolve("objects"), "c");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(LocalObjectDescriptor.HEADER_LENGTH + 3);
            raf.write(0x55);
        }
        final ObjectCorruptException e = assertThrows(ObjectCorruptException.class, () -> store.head("c"));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("offset 36"), e.getMessage());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(0);
            raf.write(new byte[4]);
        }
        assertTrue(assertThrows(ObjectCorruptException.class, () -> store.openReader("c")).getMessage().contains("magic"));
    }

    @Test
    void closedStoreRefusesWork() {
        store.close();
        assertThrows(TierClosedException.class, () -> store.head("x"));
        store = LocalObjectStore.open(dir);
    }
}
