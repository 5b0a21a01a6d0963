package io.github.javanets.loss;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * The name and aliases under which a {@link Loss} is registered.
 *
 * <p>Without this annotation a loss is named after its class's simple name in lower case ({@code
 * Step} is {@code step}). Names and aliases are matched case-insensitively; they may hold letters,
 * digits, {@code _}, {@code -} and {@code .}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@API(status = STABLE, since = "0.1")
public @interface LossName {
  /** The canonical name, for example {@code "mse"}. */
  String value();

  /** Other names the loss answers to, for example {@code "mean_squared_error"}. */
  String[] aliases() default {};
}
