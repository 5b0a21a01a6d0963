package io.github.javanets.conventions;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** The shape of an {@code Errors} class: one named method per message, each building its error. */
@API(status = INTERNAL, since = "0.1")
public final class ErrorsClasses {
  private ErrorsClasses() {}

  /**
   * Asserts that every non-private method of {@code errors} returns the exception to throw (so that
   * a message is built in one place and thrown where it is needed).
   *
   * @param errors the class; not null
   */
  public static void assertEveryMethodReturnsAnException(Class<?> errors) {
    Set<String> others =
        Arrays.stream(errors.getDeclaredMethods())
            .filter(m -> !Modifier.isPrivate(m.getModifiers()) && !m.isSynthetic())
            .filter(m -> !Throwable.class.isAssignableFrom(m.getReturnType()))
            .map(Method::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(others).as("methods of %s that return no exception", errors.getName()).isEmpty();
  }
}
