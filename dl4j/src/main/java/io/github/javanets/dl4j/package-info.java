/**
 * javanets losses for plain DL4J users: {@link io.github.javanets.dl4j.LossFunctionAdapter} turns
 * any registered per-example loss into a DL4J {@code ILossFunction}, found by name and serialised
 * by its spec. The adapter is the one public type; the rest is internal to it.
 */
package io.github.javanets.dl4j;
