package io.github.javanets.models;

import io.github.javanets.loss.Loss;
import java.util.Map;

/**
 * A loss given to a model's builder, added to the model when it is built: by name with parameters
 * (the builder's {@code loss(spec)} and {@code loss(name, params)}), to be made by the model's
 * registry, or as an instance, added as it is.
 */
sealed interface LossRequest permits LossRequest.ByName, LossRequest.Given {
  /** Adds the loss to {@code model}, as its {@code addLoss} does. */
  void addTo(Model model);

  /**
   * A loss by name, with parameters.
   *
   * @param name the loss's name or alias; not null
   * @param parameters its parameters by name; not null, unmodifiable
   */
  record ByName(String name, Map<String, ?> parameters) implements LossRequest {
    @Override
    public void addTo(Model model) {
      model.addLoss(name, parameters);
    }
  }

  /**
   * A loss instance, configured as it is.
   *
   * @param loss the loss; not null
   */
  record Given(Loss loss) implements LossRequest {
    @Override
    public void addTo(Model model) {
      model.addLoss(loss);
    }
  }
}
