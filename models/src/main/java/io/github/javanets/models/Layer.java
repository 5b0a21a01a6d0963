package io.github.javanets.models;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One layer of a network spec: a size, a form ({@code ff}, {@code rnn}, {@code lstm}, {@code gru},
 * {@code tied}), an optional activation and an optional name. Immutable.
 *
 * <p>In code {@code Layer.of(20, "relu")}, {@code Layer.of(10, "rnn")}; in text {@code "20:relu"},
 * {@code "10:rnn"}, {@code "32:lstm:tanh"}. A layer without an activation takes the model's default
 * (hidden layers: relu; the output layer: the model's output activation).
 */
@API(status = STABLE, since = "0.1")
public final class Layer {
  /** The forms a layer can take. */
  @API(status = STABLE, since = "0.1")
  public enum Form {
    /** A dense (fully connected) layer. */
    FF,
    /** An Elman recurrent layer. */
    RNN,
    /** A long short-term memory layer. */
    LSTM,
    /** A gated recurrent unit layer. */
    GRU,
    /** An autoencoder decoder layer reusing the transposed weights of its mirror encoder layer. */
    TIED;

    /** The form's name in specs; never null. */
    public String specName() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Form find(String name) {
      for (Form f : values()) {
        if (f.specName().equals(name.trim().toLowerCase(Locale.ROOT))) {
          return f;
        }
      }
      return null;
    }

    /** Whether the layer runs over time steps. */
    public boolean recurrent() {
      return this == RNN || this == LSTM || this == GRU;
    }
  }

  private final int size;
  private final Form form;
  private final Activation activation;
  private final String name;

  private Layer(int size, Form form, Activation activation, String name) {
    this.size = size;
    this.form = form;
    this.activation = activation;
    this.name = name;
  }

  /**
   * A layer of {@code size} units with forms, activations or a name, in any order: each word is a
   * form ({@code ff, rnn, lstm, gru, tied}), an activation ({@code linear, relu, logistic, sigmoid,
   * tanh, softmax, softplus, elu, leaky_relu}) or {@code name=...}.
   *
   * @param size the number of units, &gt; 0
   * @param words forms, activations and names; not null
   * @return the layer; never null
   * @throws IllegalArgumentException quoting the spec and listing what is accepted
   */
  public static Layer of(int size, String... words) {
    StringBuilder spec = new StringBuilder(Integer.toString(size));
    for (String w : words) {
      spec.append(':').append(w);
    }
    return build(spec.toString(), size, words);
  }

  /**
   * Reads a text spec: {@code "20"}, {@code "20:tanh"}, {@code "32:lstm:tanh"}, {@code
   * "20:relu:name=code"}.
   *
   * @param spec the spec; not null
   * @return the layer; never null
   * @throws IllegalArgumentException quoting the spec and listing what is accepted
   */
  public static Layer parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    String[] parts = spec.trim().split(":", -1);
    int size;
    try {
      size = Integer.parseInt(parts[0].trim());
    } catch (NumberFormatException e) {
      throw Errors.layerSizeMissing(spec, e);
    }
    String[] words = new String[parts.length - 1];
    System.arraycopy(parts, 1, words, 0, words.length);
    return build(spec, size, words);
  }

  /**
   * Converts a layer argument: an {@link Integer}, a {@link Layer} or a {@link String} spec.
   *
   * @throws IllegalArgumentException for anything else
   */
  static Layer from(Object o) {
    if (o instanceof Layer) {
      return (Layer) o;
    }
    if (o instanceof Integer) {
      return of((Integer) o);
    }
    if (o instanceof String) {
      return parse((String) o);
    }
    throw Errors.notALayer(o);
  }

  private static Layer build(String spec, int size, String[] words) {
    if (size <= 0) {
      throw Errors.layerSizeNotPositive(spec, size);
    }
    Form form = null;
    Activation activation = null;
    String name = null;
    for (String word : words) {
      String w = word.trim();
      Form f = Form.find(w);
      Activation a = Activation.find(w);
      if (f != null && form == null) {
        form = f;
      } else if (a != null && activation == null) {
        activation = a;
      } else if (w.startsWith("name=") && name == null && validName(w.substring(5))) {
        name = w.substring(5);
      } else if (f != null || a != null) {
        throw Errors.secondFormOrActivation(spec, w);
      } else {
        throw Errors.unknownLayerWord(spec, w);
      }
    }
    return new Layer(size, form == null ? Form.FF : form, activation, name);
  }

  private static boolean validName(String name) {
    return name.matches("[A-Za-z][A-Za-z0-9_]*");
  }

  /** The number of units. */
  public int size() {
    return size;
  }

  /** The form; never null ({@link Form#FF} by default). */
  public Form form() {
    return form;
  }

  /** The activation, or null for the model's default. */
  public Activation activation() {
    return activation;
  }

  /** The layer's name, or null for the default ({@code in}, {@code hid1}, ..., {@code out}). */
  public String name() {
    return name;
  }

  /** A copy with the given activation where this one has none. */
  Layer withDefaultActivation(Activation fallback) {
    return activation != null ? this : new Layer(size, form, fallback, name);
  }

  /** A copy with the given name where this one has none. */
  Layer withDefaultName(String fallback) {
    return name != null ? this : new Layer(size, form, activation, fallback);
  }

  /** The spec text that {@link #parse} reads back. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(Integer.toString(size));
    if (form != Form.FF) {
      b.append(':').append(form.specName());
    }
    if (activation != null) {
      b.append(':').append(activation.specName());
    }
    if (name != null) {
      b.append(":name=").append(name);
    }
    return b.toString();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Layer)) {
      return false;
    }
    Layer l = (Layer) o;
    return size == l.size
        && form == l.form
        && activation == l.activation
        && Objects.equals(name, l.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, form, activation, name);
  }
}
