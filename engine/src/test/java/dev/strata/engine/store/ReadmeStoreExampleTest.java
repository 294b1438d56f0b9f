package dev.strata.engine.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.Cursor;
import dev.strata.Store;
import dev.strata.StoreConfig;
import dev.strata.Strata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example, kept compiling and true. */
class ReadmeStoreExampleTest {
    @org.junit.jupiter.api.BeforeAll
    static void warmUpChronicle() {
        // Chronicle's one-time allocations happen before the first test's leak check
        dev.strata.tier.WarmUp.chronicle();
    }

    @TempDir
    Path dir;

    @Test
    void readmeExample() {
        final Path directory = dir.resolve("data");
        final List<String> printed = new ArrayList<>();
        // --- README example start
        try (Store store = Strata.open(StoreConfig.builder(directory).build())) {   // file tier, LZ4, group commit
            store.put("user:1".getBytes(UTF_8), "Ada".getBytes(UTF_8));             // durable when it returns
            store.put("user:2".getBytes(UTF_8), "Grace".getBytes(UTF_8));
            byte[] name = store.get("user:1".getBytes(UTF_8));                      // null if absent
            try (Cursor c = store.newCursor()) {                                    // ordered, zero-allocation steps
                for (boolean ok = c.first(); ok; ok = c.next()) {
                    printed.add(c.key().getStringWithoutLengthUtf8(0, c.key().capacity()));   // views valid until the next step
                }
            }
            printed.add(new String(name, UTF_8));
        }
        // --- README example end
        assertEquals(List.of("user:1", "user:2", "Ada"), printed);
    }
}
