/**
 * javanets losses for plain DL4J users: {@link io.github.javanets.dl4j.LossFunctionAdapter} turns
 * any registered per-example loss into a DL4J {@code ILossFunction}, found by name and serialised
 * by its spec; {@link io.github.javanets.dl4j.DataSetIteratorSource} and {@link
 * io.github.javanets.dl4j.MultiDataSetIteratorSource} let javanets models train on DL4J's
 * iterators. These three are the public types; the rest is internal to them.
 */
package io.github.javanets.dl4j;
