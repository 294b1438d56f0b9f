package dev.strata.tier.object;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.testsupport.LeakCheck;
import dev.strata.tier.TierIOException;
import dev.strata.tier.TierOpenException;
import java.net.URI;
import java.util.Map;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;

/**
 * The conformance suite over {@link S3ObjectStore} against a real S3 server (S3Proxy in-process,
 * one per class; a fresh bucket per test).
 *
 * <p>Leak check: buffers and threads are not checked here. The server is shared by the class and
 * lives in this JVM, so its Jetty grows its pool of direct buffers and starts its scheduler thread
 * lazily, in whichever test first needs them, and releases them only at {@code @AfterAll}; the
 * check cannot tell them from the client's. The client's buffers and threads are checked by the
 * tier contract over S3 ({@link ObjectTierS3ContractTest}, {@link FaultInjectedS3ObjectTierTest}),
 * which starts a server per test. File handles and mappings are still checked.
 */
@LeakCheck(buffers = false, threads = false)
class S3ObjectStoreTest extends ObjectStoreConformance {
    private static S3ProxyFixture proxy;

    @BeforeAll
    static void startProxy() throws Exception {
        proxy = S3ProxyFixture.start();
    }

    @AfterAll
    static void stopProxy() throws Exception {
        proxy.close();
    }

    @Override
    protected ObjectStore newStore() {
        return proxy.storeBuilder().build();
    }

    /**
     * Without the in-process fallback ({@link S3ObjectStoreBuilder#serializeConditionalPuts}), the
     * server alone evaluates If-Match: S3Proxy 4.1.0 does honour it for sequential writers (this
     * test), but by a HEAD before the write, so concurrent compare-and-swaps can both win (the race
     * is timing-dependent and not asserted here; {@code concurrentCompareAndSwapLosesNoUpdate} runs
     * with the fallback on and must lose nothing).
     */
    @Test
    void serverHonoursSequentialIfMatchWithoutTheInProcessFallback() {
        try (ObjectStore raw = proxy.storeBuilder().serializeConditionalPuts(false).build()) {
            final String e0 = raw.put("c", bytes("0"), Map.of(), PutCondition.NONE);
            assertThrows(PreconditionFailedException.class, () -> raw.put("c", bytes("x"), Map.of(), PutCondition.ifMatch("ffff")));
            raw.put("c", bytes("1"), Map.of(), PutCondition.ifMatch(e0));
            assertThrows(PreconditionFailedException.class, () -> raw.put("c", bytes("2"), Map.of(), PutCondition.ifMatch(e0)));
            assertThrows(PreconditionFailedException.class, () -> raw.put("c", bytes("3"), Map.of(), PutCondition.IF_ABSENT));
            assertArrayEquals(bytes("1"), readAll("c", raw));
        }
    }

    @Test
    void wrongSecretIsRefusedWithATypedError() {
        final ObjectAccessDeniedException e = assertThrows(ObjectAccessDeniedException.class,
            () -> proxy.storeBuilder().credentials(S3ProxyFixture.ACCESS_KEY, "not-the-secret").build());
        assertTrue(e.getMessage().contains("SignatureDoesNotMatch"), e.getMessage());
        assertTrue(e.getMessage().contains("secret access key is wrong"), e.getMessage());
    }

    @Test
    void unknownAccessKeyIsRefusedWithATypedError() {
        final ObjectAccessDeniedException e = assertThrows(ObjectAccessDeniedException.class,
            () -> proxy.storeBuilder().credentials("nobody", S3ProxyFixture.SECRET_KEY).build());
        assertTrue(e.getMessage().contains("403"), e.getMessage());
    }

    @Test
    void missingBucketFailsAtOpenUnlessCreationIsAllowed() {
        final TierOpenException e = assertThrows(TierOpenException.class, () -> proxy.storeBuilder().createBucketIfMissing(false).build());
        assertTrue(e.getMessage().contains("bucket does not exist"), e.getMessage());
    }

    @Test
    void checksumsWhenSupportedAlsoWorkAgainstS3Proxy() {
        try (ObjectStore s = proxy.storeBuilder()
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_SUPPORTED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_SUPPORTED).build()) {
            final byte[] data = random(7, 100_000);
            s.put("k", data, Map.of(), PutCondition.NONE);
            final UnsafeBuffer dst = new UnsafeBuffer(new byte[data.length]);
            assertEquals(data.length, s.get("k", 0, dst, 0, data.length));
            assertArrayEquals(data, dst.byteArray());
        }
    }

    @Test
    void readerFailsLoudlyIfTheObjectIsReplaced() {
        store.put("imm", bytes("version 1"), Map.of(), PutCondition.NONE);
        try (ObjectReader r = store.openReader("imm")) {
            store.put("imm", bytes("version 2"), Map.of(), PutCondition.NONE);
            final TierIOException e = assertThrows(TierIOException.class, () -> r.read(0, new UnsafeBuffer(new byte[9]), 0, 9));
            assertTrue(e.getMessage().contains("replaced"), e.getMessage());
        }
    }

    @Test
    void builderRejectsBadValuesByName() {
        assertThrows(IllegalArgumentException.class, () -> S3ObjectStore.builder().bucket("Bad_Bucket"));
        assertThrows(IllegalArgumentException.class, () -> S3ObjectStore.builder().endpoint(URI.create("ftp://x")));
        final IllegalStateException e = assertThrows(IllegalStateException.class, () -> S3ObjectStore.builder().bucket("abc").build());
        assertTrue(e.getMessage().contains("credentials"), e.getMessage());
    }
}
