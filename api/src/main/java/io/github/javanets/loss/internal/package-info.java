/**
 * Helpers that javanets' own modules share with the loss API: the checks of the arrays a loss reads
 * and of datasets, the rules for output names, and the builder of the {@link
 * io.github.javanets.loss.LossContext} that models, the DL4J adapter and the runtime give a loss.
 *
 * <p><b>For javanets' own modules only.</b> These types are public so that those modules can use
 * them; outside use is unsupported, and they may change or go in any release. Loss jars never use
 * them (the build checks that the built-in and example losses do not).
 */
package io.github.javanets.loss.internal;
