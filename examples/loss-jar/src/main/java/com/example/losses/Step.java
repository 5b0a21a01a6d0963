package com.example.losses;

import com.google.auto.service.AutoService;
import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossContext;
import io.github.javanets.loss.LossTarget;
import io.github.javanets.loss.TargetKind;
import org.nd4j.autodiff.samediff.SDVariable;

/** README's example loss: the (weighted) fraction of outputs above 0. */
@AutoService(Loss.class)
@LossTarget(TargetKind.NONE)                     // reads no target: a model needs none for it
public class Step extends Loss {                 // name "step", from the class name
  @Override public SDVariable compute(LossContext ctx) {
    SDVariable step = ctx.output().gt(0.0).castTo(ctx.output().dataType());
    return reduce(ctx, step);                    // mean, or sum(w*step)/sum(w) when weighted
  }
}
