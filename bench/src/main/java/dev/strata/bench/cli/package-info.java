/**
 * The {@code strata} command line (picocli): {@link dev.strata.bench.cli.StrataCommand} and its
 * subcommands ({@code lab compression}, {@code bench}).
 *
 * <h2>Rules</h2>
 * Commands parse and validate arguments, call a lab or runner from another package, and print.
 * Results go to the command's out writer, progress to stderr. Bad arguments and unusable input end
 * as exactly one line {@code strata: error: ...} on stderr and exit status 2; failures while
 * running exit with 1 (see {@link dev.strata.bench.cli.CliErrors}). No stack traces unless
 * {@code -Dstrata.stacktrace=true}.
 */
package dev.strata.bench.cli;
