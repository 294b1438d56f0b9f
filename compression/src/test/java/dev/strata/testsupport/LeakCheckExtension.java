package dev.strata.testsupport;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Fails a test that leaks: off-heap memory (the "direct" and "mapped" buffer pools grew), file
 * descriptors ({@code /proc/self/fd}), file mappings ({@code /proc/self/maps}) or non-daemon
 * threads. Whatever existed before the test is allowed; resources released asynchronously get
 * {@link LeakCheck#settleMillis()} to go. It applies to every test of every module: the compression
 * test-jar names it in {@code META-INF/services/org.junit.jupiter.api.extension.Extension}, and the
 * root pom's Surefire configuration turns on {@code junit.jupiter.extensions.autodetection.enabled}
 * (an explicit {@code @ExtendWith(LeakCheckExtension.class)} is then ignored as a duplicate, and
 * keeps the check on where a test is run without that parameter). Tune or opt out with
 * {@link LeakCheck}, with a comment saying why.
 *
 * <p>Static, one-time allocations of a library used for the first time inside a test look like
 * leaks: warm such libraries up in {@code @BeforeAll}.
 */
public final class LeakCheckExtension implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(LeakCheckExtension.class);
    private static final LeakCheck DEFAULTS = Defaults.class.getAnnotation(LeakCheck.class);

    @Override
    public void beforeEach(final ExtensionContext context) {
        context.getStore(NS).put("before", ResourceSnapshot.take(options(context)));
    }

    @Override
    public void afterEach(final ExtensionContext context) throws InterruptedException {
        final ResourceSnapshot before = context.getStore(NS).remove("before", ResourceSnapshot.class);
        if (before == null || context.getExecutionException().isPresent()) {
            return; // a failing test reports its own failure; its leaks are a consequence
        }
        final LeakCheck options = options(context);
        final long deadline = System.nanoTime() + options.settleMillis() * 1_000_000L;
        List<String> leaks = ResourceSnapshot.take(options).leaksSince(before, options);
        while (!leaks.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            leaks = ResourceSnapshot.take(options).leaksSince(before, options);
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError(context.getDisplayName() + " leaked:\n  " + String.join("\n  ", leaks));
        }
    }

    private static LeakCheck options(final ExtensionContext context) {
        final Optional<LeakCheck> onMethod = context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, LeakCheck.class));
        if (onMethod.isPresent()) {
            return onMethod.get();
        }
        return context.getTestClass().flatMap(c -> AnnotationSupport.findAnnotation(c, LeakCheck.class)).orElse(DEFAULTS);
    }

    /** Carries the default {@link LeakCheck} values. */
    @LeakCheck
    private static final class Defaults {
    }
}
