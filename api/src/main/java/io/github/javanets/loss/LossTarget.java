package io.github.javanets.loss;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the target a {@link Loss} needs. A loss without this annotation needs {@link
 * TargetKind#VALUES}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LossTarget {
  /** The kind of target. */
  TargetKind value();
}
