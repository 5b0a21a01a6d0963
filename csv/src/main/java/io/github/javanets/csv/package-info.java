/**
 * CSV files as streams of batches, for Java users whose data do not fit in memory: {@link
 * io.github.javanets.csv.CsvBatchSource} reads a file one pass per epoch, with columns chosen by
 * name, a shuffle buffer, and sequences for recurrent models; {@link
 * io.github.javanets.csv.HoldOut} splits a stream into training and validation examples by index.
 * {@link io.github.javanets.csv.CsvRows} and {@link io.github.javanets.csv.CsvCells} are the strict
 * reader and cell rules that the command line shares (internal: outside use is unsupported).
 */
package io.github.javanets.csv;
