package dev.strata.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tunes {@link LeakCheckExtension} for a test class (inherited by subclasses) or one test method
 * (which wins). Without it, every check is on and sockets are ignored.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Inherited
public @interface LeakCheck {
    /** Check the "direct" and "mapped" buffer pools. */
    boolean buffers() default true;

    /** Check open file descriptors (jar files and the JDK's own are ignored). */
    boolean fileHandles() default true;

    /** Count socket descriptors too (off by default: HTTP clients keep pooled connections on purpose). */
    boolean sockets() default false;

    /** Check file mappings in /proc/self/maps. */
    boolean mappings() default true;

    /** Check non-daemon threads. */
    boolean threads() default true;

    /** How long to wait for resources released asynchronously before failing, in milliseconds. */
    long settleMillis() default 2000;
}
