/**
 * The seam between the loss API and javanets' runtime: what {@link
 * io.github.javanets.loss.Loss#value Loss.value}, {@link io.github.javanets.loss.Loss#gradient
 * Loss.gradient} and {@link io.github.javanets.loss.ClassificationLoss#accuracy
 * ClassificationLoss.accuracy} delegate to.
 *
 * <p><b>For javanets-runtime only.</b> Loss authors and applications never use these types: a loss
 * jar compiles against {@code io.github.javanets.loss}, and an application that evaluates losses on
 * arrays adds the artifact {@code io.github.javanets:javanets-runtime} (which {@code
 * javanets-models}, {@code javanets-dl4j} and {@code javanets-testkit} bring), whose {@link
 * io.github.javanets.loss.spi.LossEvaluator} the api finds with {@link java.util.ServiceLoader}, as
 * SLF4J finds its provider. Outside use is unsupported; these types may change in any release.
 */
package io.github.javanets.loss.spi;
