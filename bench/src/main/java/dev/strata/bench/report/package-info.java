/**
 * Output helpers shared by labs: a terminal table ({@link dev.strata.bench.report.TextTable}) and
 * a small JSON writer ({@link dev.strata.bench.report.JsonWriter}); no JSON library.
 */
package dev.strata.bench.report;
