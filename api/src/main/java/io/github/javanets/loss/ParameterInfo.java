package io.github.javanets.loss;

import static org.apiguardian.api.API.Status.STABLE;

import io.github.javanets.loss.internal.OutputNames;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A loss parameter as declared by {@link LossParam} (or one of the common parameters every loss
 * has): name, type, default, accepted range and description. Instances are immutable.
 */
@API(status = STABLE, since = "0.1")
public final class ParameterInfo {
  private final String name;
  private final ParameterType type;
  private final Object defaultValue;
  private final double min;
  private final boolean minInclusive;
  private final double max;
  private final boolean maxInclusive;
  private final List<String> choices;
  private final String description;

  private ParameterInfo(
      String name,
      ParameterType type,
      String defaultText,
      double min,
      boolean minInclusive,
      double max,
      boolean maxInclusive,
      List<String> choices,
      String description) {
    this.name = name;
    this.type = type;
    this.min = min;
    this.minInclusive = minInclusive;
    this.max = max;
    this.maxInclusive = maxInclusive;
    this.choices = List.copyOf(choices);
    this.description = description;
    if (type == ParameterType.CHOICE && this.choices.isEmpty()) {
      throw Errors.noChoices(name);
    }
    try {
      this.defaultValue = convert(defaultText);
    } catch (IllegalArgumentException e) {
      throw Errors.badDefault(name, defaultText, accepted(), e);
    }
  }

  static ParameterInfo of(LossParam p) {
    return new ParameterInfo(
        p.name(),
        p.type(),
        p.defaultValue(),
        p.min(),
        p.minInclusive(),
        p.max(),
        p.maxInclusive(),
        List.of(p.choices()),
        p.description());
  }

  static ParameterInfo common(
      String name, ParameterType type, String defaultText, double min, String description) {
    return new ParameterInfo(
        name, type, defaultText, min, true, Double.POSITIVE_INFINITY, true, List.of(), description);
  }

  /** The parameter's name; never null. */
  public String name() {
    return name;
  }

  /** The parameter's type; never null. */
  public ParameterType type() {
    return type;
  }

  /**
   * The default value: a {@link Double}, {@link Long}, {@link Boolean} or {@link String} according
   * to {@link #type()}; never null ({@code ""} for text without a default).
   */
  public Object defaultValue() {
    return defaultValue;
  }

  /** The smallest accepted number ({@code -Infinity} when unbounded or not a number type). */
  public double min() {
    return min;
  }

  /** Whether {@link #min()} itself is accepted. */
  public boolean minInclusive() {
    return minInclusive;
  }

  /** The largest accepted number ({@code Infinity} when unbounded or not a number type). */
  public double max() {
    return max;
  }

  /** Whether {@link #max()} itself is accepted. */
  public boolean maxInclusive() {
    return maxInclusive;
  }

  /** The accepted values of a {@link ParameterType#CHOICE} parameter; empty otherwise. */
  public List<String> choices() {
    return choices;
  }

  /** The one-line description; never null. */
  public String description() {
    return description;
  }

  /**
   * What values are accepted, in words: {@code "> 0"}, {@code "a finite number in [0, 1]"}, {@code
   * "a whole number >= 1"}, {@code "one of gaussian, imq"}, {@code "true or false"}, {@code "a
   * finite number"}, {@code "any text"} or {@code "an output name such as 'hid1:out'"}.
   */
  public String accepted() {
    switch (type) {
      case BOOLEAN:
        return "true or false";
      case CHOICE:
        return "one of " + String.join(", ", choices);
      case STRING:
        return "any text";
      case OUTPUT:
        return "an output name such as 'hid1:out'";
      default:
        break;
    }
    boolean hasMin = min != Double.NEGATIVE_INFINITY;
    boolean hasMax = max != Double.POSITIVE_INFINITY;
    String kind = type == ParameterType.INT ? "a whole number" : "a finite number";
    if (hasMin && hasMax) {
      return kind
          + " in "
          + (minInclusive ? "[" : "(")
          + number(min)
          + ", "
          + number(max)
          + (maxInclusive ? "]" : ")");
    }
    String prefix = type == ParameterType.INT ? kind + " " : "";
    if (hasMin) {
      return prefix + (minInclusive ? ">= " : "> ") + number(min);
    }
    if (hasMax) {
      return prefix + (maxInclusive ? "<= " : "< ") + number(max);
    }
    return kind;
  }

  /**
   * Converts and checks a value given for this parameter of loss {@code lossName}.
   *
   * @param value a value of the parameter's type, or its text (as in a spec); not null
   * @param lossName the loss's name, for the error message; not null
   * @return the value as {@link #defaultValue()} holds it
   * @throws IllegalArgumentException naming the parameter, the value and what is accepted
   */
  public Object parse(Object value, String lossName) {
    Objects.requireNonNull(value, "value");
    try {
      return convert(value);
    } catch (IllegalArgumentException e) {
      throw Errors.badParameterValue(name, lossName, accepted(), describeValue(value), e);
    }
  }

  /** The text of {@code value} as a spec writes it (quoted where the text needs it). */
  String format(Object value) {
    if (value instanceof String) {
      return LossSpec.quoteIfNeeded((String) value);
    }
    return String.valueOf(value);
  }

  private Object convert(Object value) {
    switch (type) {
      case DOUBLE:
        return checkRange(toDouble(value));
      case INT:
        {
          long v = toLong(value);
          checkRange(v);
          return v;
        }
      case BOOLEAN:
        return toBoolean(value);
      case CHOICE:
        {
          String s = toText(value).toLowerCase(Locale.ROOT);
          if (!choices.contains(s)) {
            throw Errors.valueNotAChoice(choices);
          }
          return s;
        }
      case STRING:
        return toText(value);
      case OUTPUT:
        {
          String s = toText(value).trim();
          return s.isEmpty() ? s : OutputNames.normalize(s);
        }
      default:
        throw new AssertionError(type);
    }
  }

  private static double toDouble(Object value) {
    double v;
    if (value instanceof Number) {
      v = ((Number) value).doubleValue();
    } else if (value instanceof String) {
      try {
        v = Double.parseDouble(((String) value).trim());
      } catch (NumberFormatException e) {
        throw Errors.valueNotANumber(e);
      }
    } else {
      throw Errors.valueNotANumber(null);
    }
    if (!Double.isFinite(v)) {
      throw Errors.valueNotFinite();
    }
    return v;
  }

  private static long toLong(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return ((Number) value).longValue();
    }
    double v = toDouble(value);
    if (v != Math.rint(v) || Math.abs(v) > 1L << 53) {
      throw Errors.valueNotWhole();
    }
    return (long) v;
  }

  private static boolean toBoolean(Object value) {
    if (value instanceof Boolean) {
      return (Boolean) value;
    }
    if (value instanceof String) {
      String s = ((String) value).trim().toLowerCase(Locale.ROOT);
      if (s.equals("true")) {
        return true;
      }
      if (s.equals("false")) {
        return false;
      }
    }
    throw Errors.valueNotBoolean();
  }

  private static String toText(Object value) {
    if (!(value instanceof String)) {
      throw Errors.valueNotText();
    }
    return (String) value;
  }

  private double checkRange(double v) {
    boolean low = minInclusive ? v < min : v <= min;
    boolean high = maxInclusive ? v > max : v >= max;
    if (low || high) {
      throw Errors.valueOutOfRange();
    }
    return v;
  }

  private String describeValue(Object value) {
    if (type == ParameterType.DOUBLE) {
      try {
        return Double.toString(
            value instanceof Number
                ? ((Number) value).doubleValue()
                : Double.parseDouble(String.valueOf(value).trim()));
      } catch (NumberFormatException e) {
        // not a number: quoted below
      }
    }
    if (type == ParameterType.INT && value instanceof String) {
      String text = ((String) value).trim();
      try {
        Double.parseDouble(text);
        return text;
      } catch (NumberFormatException e) {
        // not a number: quoted below
      }
    }
    return value instanceof String ? "'" + value + "'" : String.valueOf(value);
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  @Override
  public String toString() {
    return name
        + " ("
        + type.name().toLowerCase(Locale.ROOT)
        + ", default "
        + format(defaultValue)
        + ", "
        + accepted()
        + "): "
        + description;
  }
}
