package io.github.javanets.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract fails on losses that break it: a kit whose checks cannot fail is no kit. */
class ContractCatchesBrokenLossesTest {
  @BeforeAll
  static void useDouble() {
    LossContractTest.useDouble();
  }

  /** The contract on a squared-error loss {@code name}, with the squared-error reference. */
  private static LossContractTest contract(String name) {
    return new LossContractTest() {
      @Override
      protected String lossName() {
        return name;
      }

      @Override
      protected LossFixture fixture() {
        return LossFixture.realValues(-1, 1);
      }

      @Override
      protected Float64Reference reference() {
        return (loss, in) -> ScaledSquareContractTest.squaredError(in, 1.0);
      }
    };
  }

  @Test
  void aLossThatIgnoresItsWeightsFailsTheReferenceAndZeroWeightChecks() {
    LossContractTest c = contract("ignoresweights");
    assertThatThrownBy(c::valueMatchesTheFloat64Reference)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("weighted value of ignoresweights");
    assertThatThrownBy(c::aZeroWeightMakesItsElementIrrelevant).isInstanceOf(AssertionError.class);
    assertThatThrownBy(c::allZeroWeightsGiveZeroAndAZeroGradient)
        .isInstanceOf(AssertionError.class);
    assertThatCode(c::allOnesWeightsGiveTheUnweightedValue).doesNotThrowAnyException();
    assertThatCode(c::gradientMatchesCentralDifferences).doesNotThrowAnyException();
  }

  @Test
  void aLossWithoutTheAllZeroRuleFailsIt() {
    LossContractTest c = contract("nozerorule");
    assertThatThrownBy(c::allZeroWeightsGiveZeroAndAZeroGradient)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("value with all-zero weights of nozerorule");
    assertThatCode(c::valueMatchesTheFloat64Reference).doesNotThrowAnyException();
  }

  @Test
  void aLossThatDependsOnRowOrderFailsThePermutationCheck() {
    assertThatThrownBy(contract("orderdependent")::permutingTheBatchChangesNeitherValueNorGradient)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("after permuting the rows");
  }

  @Test
  void aReferenceOffBy1eMinus8Fails() {
    LossContractTest c =
        new ScaledSquareContractTest() {
          @Override
          protected Float64Reference reference() {
            Float64Reference exact = super.reference();
            return (loss, in) -> exact.value(loss, in) + 1e-8;
          }
        };
    assertThatThrownBy(c::valueMatchesTheFloat64Reference)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("|loss - reference|");
  }

  @Test
  void wrongDeclarationsFail() {
    LossContractTest c =
        new ScaledSquareContractTest() {
          @Override
          protected List<String> aliases() {
            return List.of("scaled_square", "sq");
          }
        };
    assertThatThrownBy(c::declaresItsAliasesTargetAndParametersWithDefaults)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("declared aliases");
    assertThatThrownBy(c::isDiscoveredByItsNameAndEveryAliasInAnyCase)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Unknown loss 'sq'.");
  }
}
