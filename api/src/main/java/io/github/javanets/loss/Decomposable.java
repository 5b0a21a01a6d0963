package io.github.javanets.loss;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Declares that a {@link Loss}'s value splits exactly over the rows of a batch: its {@code compute}
 * returns a constant times the result of exactly one {@link Loss#reduce(LossContext,
 * org.nd4j.autodiff.samediff.SDVariable) reduce(ctx, err)} call, whose per-element error {@code
 * err} depends on each row alone (no mean, maximum or kernel over the batch before it).
 *
 * <p>Such a value is {@code S / D}, with {@code S = sum(w * err)} (or {@code sum(err)}) and {@code
 * D = sum(w)} (or the number of elements of {@code err}), so the value over a batch made of shards
 * {@code s} is {@code sum_s(D_s * v_s) / sum_s(D_s)}, not the mean of the shards' values. Trainers
 * that split a minibatch over machines ({@code javanets-spark}'s exact mode) train only losses that
 * declare this, and refuse the others (such as {@code mmd}, which compares whole batches) naming
 * them. A model's streamed {@code evaluate} uses the same declaration to sum each loss exactly over
 * its batches. The declaration is checked when the graph is built: a loss that declares it but
 * reduces more or less than once is refused by a split minibatch's graph, and counted by rows (as a
 * loss that does not declare it) by a streamed evaluation.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@API(status = EXPERIMENTAL, since = "0.2")
public @interface Decomposable {}
