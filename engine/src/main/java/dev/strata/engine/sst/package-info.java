/**
 * Sorted segments ("SSTs"): immutable files of compressed, checksummed data blocks with a block
 * index, a bloom filter and a footer, stored through the {@code dev.strata.tier} SPI. Every layout
 * here is a {@code *Descriptor} class mirrored in FORMAT.md.
 */
package dev.strata.engine.sst;
