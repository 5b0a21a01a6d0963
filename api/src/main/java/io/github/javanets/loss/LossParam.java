package io.github.javanets.loss;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Declares one parameter of a {@link Loss}: its name, type, default, accepted range and meaning.
 * Repeat the annotation for each parameter; their order is the order of {@link Loss#toString()}.
 *
 * <p>A loss that declares {@link ParameterType#OUTPUT} parameters reads the outputs they name;
 * otherwise it reads one output, named by the common parameter {@code output}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(LossParams.class)
@API(status = STABLE, since = "0.1")
public @interface LossParam {
  /** The parameter's name, for example {@code "delta"}. */
  String name();

  /** The parameter's type. */
  ParameterType type() default ParameterType.DOUBLE;

  /** The default value as text, parsed by {@link #type()}; empty for text types means "". */
  String defaultValue();

  /** The smallest accepted value of a number ({@code -Infinity} when unbounded). */
  double min() default Double.NEGATIVE_INFINITY;

  /** Whether {@link #min()} itself is accepted. */
  boolean minInclusive() default true;

  /** The largest accepted value of a number ({@code Infinity} when unbounded). */
  double max() default Double.POSITIVE_INFINITY;

  /** Whether {@link #max()} itself is accepted. */
  boolean maxInclusive() default true;

  /** The accepted values of a {@link ParameterType#CHOICE} parameter. */
  String[] choices() default {};

  /** A one-line description. */
  String description();
}
