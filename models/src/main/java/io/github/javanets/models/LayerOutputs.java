package io.github.javanets.models;

import org.nd4j.autodiff.samediff.SDVariable;

/**
 * The graph variables one layer adds: its pre-activation {@code pre}, its output {@code out} (the
 * same variable when the layer's op gives no pre-activation of its own, as lstm and gru) and, for
 * an lstm, its last cell state {@code cell}, {@code (B, H)}; null for other layers.
 *
 * @param pre the pre-activation; not null
 * @param out the output; not null
 * @param cell the lstm's last cell state, or null
 */
record LayerOutputs(SDVariable pre, SDVariable out, SDVariable cell) {
  /** A layer without a cell state. */
  static LayerOutputs of(SDVariable pre, SDVariable out) {
    return new LayerOutputs(pre, out, null);
  }
}
