/**
 * The evaluation of a loss on plain arrays behind {@code Loss.value}, {@code Loss.gradient} and
 * {@code ClassificationLoss.accuracy}: the api's {@link io.github.javanets.loss.spi.LossEvaluator}
 * provider and what it runs. Internal to javanets-runtime: no other module, of javanets or anyone
 * else, uses these types (the api finds the provider with {@link java.util.ServiceLoader}); outside
 * use is unsupported, and they may change in any release.
 */
package io.github.javanets.runtime.internal;
