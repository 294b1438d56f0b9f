package dev.strata.tier.object;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts an S3Proxy before each test and stops it after the test's own {@code @AfterEach} methods
 * (including the contract's, which close the tiers), so that its Jetty threads and buffers live and
 * die inside the test. Register it with {@code @RegisterExtension} on an instance field: such an
 * extension's callbacks run inside those of {@code LeakCheckExtension} (auto-detected, so
 * registered before any extension of the test class; or a class-level {@code @ExtendWith}), so
 * the leak check sees the server already stopped.
 *
 * <p>After stopping, it asks for a garbage collection: Jetty's pooled direct buffers are released
 * on stop but freed only when collected, and the leak check counts direct buffers.
 */
final class S3ProxyPerTest implements BeforeEachCallback, AfterEachCallback {
    private S3ProxyFixture proxy;

    @Override
    public void beforeEach(final ExtensionContext context) throws Exception {
        proxy = S3ProxyFixture.start();
    }

    @Override
    public void afterEach(final ExtensionContext context) throws Exception {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
        System.gc();
        Thread.sleep(50);
    }

    S3ProxyFixture proxy() {
        return proxy;
    }
}
