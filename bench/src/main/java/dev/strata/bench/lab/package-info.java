/**
 * Labs: experiments over real or generated data that measure and verify, callable from the
 * command line, tests and tours alike. They print nothing; the command line presents their results.
 *
 * <h2>Compression lab</h2>
 * {@link dev.strata.bench.lab.CompressionLab} cuts a {@link dev.strata.bench.lab.Corpus} into
 * blocks ({@link dev.strata.bench.lab.BlockSet}, off-heap), writes each block as a Strata frame
 * with every codec and level, verifies the round trip, then times the codec alone.
 * {@link dev.strata.bench.lab.BuiltInCorpus} is the deterministic default corpus;
 * {@link dev.strata.bench.lab.DictionaryTrainer} trains the zstd-dict dictionary.
 *
 * <h2>Errors</h2>
 * {@link dev.strata.bench.lab.LabInputException} for input that cannot be used (one-line
 * message); {@link dev.strata.bench.lab.RoundTripException} when a codec does not restore its input.
 */
package dev.strata.bench.lab;
