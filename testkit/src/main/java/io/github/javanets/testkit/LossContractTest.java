package io.github.javanets.testkit;

import static org.apiguardian.api.API.Status.STABLE;

import io.github.javanets.loss.Loss;
import io.github.javanets.loss.LossRegistry;
import io.github.javanets.loss.TargetKind;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The contract every loss must pass (see {@code docs/losses.md}), as a JUnit 5 test class to
 * extend.
 *
 * <p>A loss author runs it on their own jar with a few lines:
 *
 * <pre>{@code
 * class StepContractTest extends LossContractTest {
 *   protected String lossName() { return "step"; }
 *   protected LossFixture fixture() { return LossFixture.realValues(-1, 1); }
 *   protected Float64Reference reference() { return (loss, in) -> ...plain loops...; }
 * }
 * }</pre>
 *
 * <p>The loss is created through {@link LossRegistry#discover()}, so it must be registered (for
 * example with {@code @AutoService(Loss.class)}) and the ND4J backend ({@code nd4j-native}) must be
 * on the test class path. Every check runs in DOUBLE on the loss's {@link #configurations()}, each
 * on the {@link #shapes(Loss) shapes} 4x3, 2x4x3 and 1x3 with inputs from the {@link #fixture()}:
 *
 * <ul>
 *   <li>discovery by name and by every alias, in lower, upper and mixed case;
 *   <li>the declared aliases, target kind and parameters with their defaults;
 *   <li>spec round trip: {@code create(loss.toString()).toString()} equals {@code loss.toString()};
 *   <li>the value against the {@link #reference()}, weighted and unweighted, to 1e-9 (relative for
 *       values above 1);
 *   <li>the autodiff gradient of every output against central differences ({@link GradientCheck}),
 *       weighted and unweighted, also with the batch size unknown while the expression is built (as
 *       in a model);
 *   <li>FLOAT inputs: the DOUBLE value and gradient to 1e-4, with a FLOAT gradient;
 *   <li>weights: all ones equal the unweighted value; a zero weight makes its element irrelevant
 *       (value and other gradients unchanged when its target and outputs change, its own gradient
 *       0); all zeros give exactly 0 and a zero gradient;
 *   <li>permuting the batch (outputs, target and weights together) changes neither the value nor
 *       the gradient, to 1e-12 relative to {@code max(1, |value|)};
 *   <li>bad inputs and bad parameters fail with messages that name the array or parameter, the
 *       offending shape, value or index, and what is accepted.
 * </ul>
 *
 * <p>Override the {@code protected} methods to describe the loss; every test method is public so
 * that a subclass can override one (to add a check, or to disable it with a reason).
 */
@API(status = STABLE, since = "0.1")
public abstract class LossContractTest {
  /** For subclasses. */
  protected LossContractTest() {}

  /** Makes DOUBLE the default data type, as value and gradient checks need. */
  @BeforeAll
  public static void useDouble() {
    Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
  }

  /** The loss's canonical name, as registered; never null. */
  protected abstract String lossName();

  /** Makes valid random inputs of the loss; never null. */
  protected abstract LossFixture fixture();

  /**
   * An independent float64 implementation of the loss, or null when there is none (the reference
   * check is then skipped).
   */
  protected Float64Reference reference() {
    return null;
  }

  /** The loss's aliases, exactly as it declares them (lower case, in order); never null. */
  protected List<String> aliases() {
    return List.of();
  }

  /** What the loss needs as its target; {@link TargetKind#VALUES} unless overridden. */
  protected TargetKind targetKind() {
    return TargetKind.VALUES;
  }

  /**
   * The parameters the loss declares (not the common ones) with their defaults, as {@link
   * io.github.javanets.loss.ParameterInfo#defaultValue()} holds them: a {@code Double}, {@code
   * Long}, {@code Boolean} or {@code String} ({@code "mean:out"} for an output). Never null.
   */
  protected Map<String, Object> declaredParameters() {
    return Map.of();
  }

  /**
   * The specs of the configurations that the value, gradient, weight and permutation checks run on
   * (for example {@code "hinge"} and {@code "hinge(margin=1)"}); the loss's name unless overridden.
   */
  protected List<String> configurations() {
    return List.of(lossName());
  }

  /**
   * Specs with non-default parameters for the round-trip check, besides the common ones the kit
   * adds itself ({@code weight}, {@code weighted}, {@code target}); never null.
   */
  protected List<String> nonDefaultSpecs() {
    return List.of();
  }

  /**
   * Specs with a value out of range, each with the exact message its {@link
   * IllegalArgumentException} must carry; the kit adds generic cases of its own. Never null.
   */
  protected Map<String, String> badParameters() {
    return Map.of();
  }

  /**
   * The shapes of the main output to check a configuration on: 4x3, 2x4x3 and 1x3 unless overridden
   * (a loss that needs two rows leaves out 1x3). Never null.
   *
   * @param loss the configuration
   */
  protected List<long[]> shapes(Loss loss) {
    return List.of(new long[] {4, 3}, new long[] {2, 4, 3}, new long[] {1, 3});
  }

  /** The seed the random inputs start from. */
  protected long seed() {
    return 20_240_601L;
  }

  /** The registry the loss is created from: {@link LossRegistry#discover()} unless overridden. */
  protected LossRegistry registry() {
    return LossRegistry.discover();
  }

  /** The loss is found by its name and by every alias, whatever their case. */
  @Test
  public void isDiscoveredByItsNameAndEveryAliasInAnyCase() {
    MetadataChecks.discovery(this);
  }

  /** Its declaration matches {@link #aliases()}, {@link #targetKind()} and the parameters. */
  @Test
  public void declaresItsAliasesTargetAndParametersWithDefaults() {
    MetadataChecks.declaration(this);
  }

  /** {@code create(loss.toString()).toString()} equals {@code loss.toString()}. */
  @Test
  public void specRoundTripIsTheIdentity() {
    MetadataChecks.roundTrip(this);
  }

  /** The value equals the float64 reference to 1e-9, weighted and unweighted. */
  @Test
  public void valueMatchesTheFloat64Reference() {
    Float64Reference ref = reference();
    Assumptions.assumeTrue(ref != null, "no float64 reference given for " + lossName());
    ValueChecks.reference(this, ref);
  }

  /**
   * FLOAT inputs give the DOUBLE value and gradient to 1e-4 (rule 9: a loss computes in its inputs'
   * data type), and the gradient is FLOAT.
   */
  @Test
  public void floatInputsGiveTheDoubleValueToFloatPrecision() {
    ValueChecks.floatInputs(this);
  }

  /** The autodiff gradient of every output agrees with central differences. */
  @Test
  public void gradientMatchesCentralDifferences() {
    ValueChecks.gradient(this);
  }

  /** Weights that are all 1 give the unweighted value and gradient. */
  @Test
  public void allOnesWeightsGiveTheUnweightedValue() {
    WeightChecks.allOnes(this);
  }

  /** An element with weight 0 changes neither the value nor other gradients; its own is 0. */
  @Test
  public void aZeroWeightMakesItsElementIrrelevant() {
    WeightChecks.oneZero(this);
  }

  /** Weights that are all 0 give exactly 0 and an all-zero gradient, never NaN. */
  @Test
  public void allZeroWeightsGiveZeroAndAZeroGradient() {
    WeightChecks.allZero(this);
  }

  /** Permuting the rows of outputs, target and weights together changes nothing. */
  @Test
  public void permutingTheBatchChangesNeitherValueNorGradient() {
    WeightChecks.permutation(this);
  }

  /** A target of the wrong shape is rejected, naming its shape and the output's. */
  @Test
  public void aTargetOfTheWrongShapeIsRejected() {
    BadInputChecks.targetShape(this);
  }

  /** Weights not shaped like the target are rejected, naming both shapes. */
  @Test
  public void weightsOfTheWrongShapeAreRejected() {
    BadInputChecks.weightsShape(this);
  }

  /** Negative, NaN or infinite weights are rejected, naming the first bad value and its index. */
  @Test
  public void negativeNanOrInfiniteWeightsAreRejectedNamingTheFirstIndex() {
    BadInputChecks.badWeights(this);
  }

  /** A loss configured with {@code weighted=true} needs weights. */
  @Test
  public void aWeightedLossWithoutWeightsIsRejected() {
    BadInputChecks.missingWeights(this);
  }

  /** An unknown parameter is rejected, listing the accepted ones. */
  @Test
  public void anUnknownParameterIsRejectedListingTheAcceptedOnes() {
    BadInputChecks.unknownParameter(this);
  }

  /** A parameter value out of range is rejected, naming the parameter, value and range. */
  @Test
  public void outOfRangeParametersAreRejectedNamingTheValue() {
    BadInputChecks.outOfRange(this);
  }
}
