/**
 * The write-ahead log: batch records with CRC32C, written to tier segments by the commit
 * pipeline (group commit) and replayed at recovery up to the last intact record.
 */
package dev.strata.engine.wal;
