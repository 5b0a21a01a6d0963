package io.github.javanets.spark;

import java.io.Serializable;

/**
 * What the survey before training learns of one batch of one partition.
 *
 * @param rows its rows
 * @param lead its rows times its steps (rows for feed-forward data), as penalties on activations
 *     count them
 * @param steps the steps an unrolled graph needs for it, -1 for any
 * @param denominators each loss's denominator on it
 */
record BatchSurvey(long rows, long lead, int steps, double[] denominators)
    implements Serializable {}
