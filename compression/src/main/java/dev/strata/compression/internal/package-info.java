/**
 * Codec implementations behind {@link dev.strata.compression.Codec}. Not API: create codecs with
 * {@link dev.strata.compression.Codecs}.
 *
 * <p>{@link dev.strata.compression.internal.AbstractCodec} resolves what backs each buffer
 * (array, direct {@link java.nio.ByteBuffer}, raw memory) and calls one of two primitives of the
 * concrete codec: array-to-array or direct-to-direct; mixed or raw-memory buffers are staged
 * through scratch buffers the codec owns. Nothing here is thread-safe.
 */
package dev.strata.compression.internal;
