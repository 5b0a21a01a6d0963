/**
 * JMH benchmarks and probes that compare javanets with DL4J, SameDiff and PyTorch, run by {@code
 * benchmarks/run} and never by the build. For javanets' maintainers: these classes are no API.
 */
package io.github.javanets.benchmarks;
