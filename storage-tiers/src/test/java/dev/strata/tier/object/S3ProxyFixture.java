package dev.strata.tier.object;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * A real S3 server for tests: S3Proxy in-process on 127.0.0.1 (a free port chosen by the OS), with
 * its filesystem blob store in a temporary directory and SigV4 (or V2) authentication with fixed
 * test credentials. {@link #close()} stops Jetty, closes the blob store and deletes the directory.
 *
 * <p>S3Proxy 4.x no longer uses jclouds; its own "filesystem" blob store still reads the
 * {@code jclouds.filesystem.basedir} property.
 */
final class S3ProxyFixture implements AutoCloseable {
    static final String ACCESS_KEY = "strata-test-access";
    static final String SECRET_KEY = "strata-test-secret-0123456789";
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private final Path baseDir;
    private final BlobStore blobStore;
    private final S3Proxy proxy;
    private final URI endpoint;

    private S3ProxyFixture() throws Exception {
        baseDir = Files.createTempDirectory("strata-s3proxy");
        final Properties p = new Properties();
        p.setProperty("jclouds.filesystem.basedir", baseDir.toString());
        blobStore = BlobStores.create("filesystem", p);
        proxy = S3Proxy.builder()
            .blobStore(blobStore)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .jettyMaxThreads(16)
            .stopTimeout(0)
            .build();
        proxy.start();
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start within 10 s, state " + proxy.getState());
            }
            Thread.sleep(10);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    static S3ProxyFixture start() throws Exception {
        return new S3ProxyFixture();
    }

    URI endpoint() {
        return endpoint;
    }

    /** @return a builder for this server with the right credentials and a fresh bucket */
    S3ObjectStoreBuilder storeBuilder() {
        return S3ObjectStore.builder()
            .endpoint(endpoint)
            .region("us-east-1")
            .bucket("strata-test-" + BUCKETS.incrementAndGet())
            .credentials(ACCESS_KEY, SECRET_KEY)
            .createBucketIfMissing(true);
    }

    /** Stops the server; failures surface as unchecked exceptions so that the fixture works in try-with-resources. */
    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (final Exception e) {
            throw new IllegalStateException("S3Proxy did not stop cleanly", e);
        } finally {
            blobStore.close();
            deleteRecursively(baseDir);
        }
    }

    /** Deletes a directory tree (test cleanup); failures are unchecked. */
    static void deleteRecursively(final Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (final Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot delete test directory " + dir, e);
        }
    }
}
