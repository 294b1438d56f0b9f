package dev.strata.tier.object;

import java.io.InputStream;
import org.agrona.DirectBuffer;
import org.agrona.io.DirectBufferInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * Streams a {@link DirectBuffer} range as an S3 request body without copying it. The SDK may ask
 * for the stream more than once (SigV4 payload hashing over plain HTTP, retries); each call starts
 * a fresh stream over the same bytes, which the caller keeps unchanged until the put returns.
 */
final class DirectBufferContent implements ContentStreamProvider {
    private final DirectBuffer src;
    private final int offset;
    private final int length;

    DirectBufferContent(final DirectBuffer src, final int offset, final int length) {
        this.src = src;
        this.offset = offset;
        this.length = length;
    }

    @Override
    public InputStream newStream() {
        return new DirectBufferInputStream(src, offset, length);
    }
}
