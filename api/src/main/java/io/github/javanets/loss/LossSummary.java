package io.github.javanets.loss;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/** A one-line description of what a {@link Loss} computes, shown by listings such as the CLI's. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@API(status = STABLE, since = "0.1")
public @interface LossSummary {
  /** The description, for example {@code "mean squared error: (o - t)^2"}. */
  String value();
}
