package io.github.javanets.csv;

/**
 * One example read from a CSV file: a row, or a sequence of {@code steps} rows, as flat arrays in
 * row order ({@code steps * width} values each). Arrays not used by the source are null.
 *
 * @param steps the rows it holds, 1 for a row
 * @param inputs the input cells
 * @param targets a regressor's target cells, or null
 * @param labels a classifier's class ids, one per row, or null
 * @param weights the weights, {@code steps * weight width}, or null
 */
record Example(int steps, float[] inputs, float[] targets, long[] labels, float[] weights) {}
