package io.github.javanets.loss;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.apiguardian.api.API.Status.INTERNAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import io.github.javanets.conventions.ModuleRules;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the api, checked on its compiled main classes: it is what loss jars compile
 * against, so it holds only its three packages, uses nothing else of ours and none of ND4J's
 * internal SameDiff packages; every public type says its status with {@code @API}, and the {@code
 * internal} package is marked so and used by javanets alone. The {@code loss} package reaches into
 * its own {@code spi} and {@code internal} packages only through the classes named in {@link
 * #SEAM_USERS}; apart from those, the packages form no cycle.
 */
class ArchitectureTest {
  private static final String LOSS = "io.github.javanets.loss";
  private static final String SPI = "io.github.javanets.loss.spi";
  private static final String INTERNAL_PACKAGE = "io.github.javanets.loss.internal";
  private static final String OURS = "io.github.javanets..";

  /**
   * The classes of {@code loss} that use its {@code spi} and {@code internal} packages, and why:
   * {@code Loss} holds its evaluation cache, checks the arrays it is evaluated on and normalizes
   * output names; {@code Loss} and {@code ClassificationLoss} hand their evaluation to the
   * runtime's evaluator, which {@code Evaluators} finds and {@code Errors} names in a message;
   * {@code ParameterInfo} normalizes output parameters; {@code LossContext.builder} returns the
   * internal builder. Those packages are built on {@code loss}'s types, so each of these edges
   * closes a cycle, by design, as an SPI and the API it plugs into do.
   */
  private static final Set<String> SEAM_USERS =
      Set.of(
          LOSS + ".Loss",
          LOSS + ".ClassificationLoss",
          LOSS + ".Evaluators",
          LOSS + ".Errors",
          LOSS + ".ParameterInfo",
          LOSS + ".LossContext");

  private static final DescribedPredicate<JavaClass> A_SEAM_USER =
      describe("are " + SEAM_USERS, (JavaClass c) -> SEAM_USERS.contains(c.getName()));

  private static JavaClasses classes;

  @BeforeAll
  static void importTheModulesMainClasses() {
    classes = ModuleRules.mainClassesOf(Loss.class);
  }

  @Test
  void theImportHoldsTheModulesMainClassesOnly() {
    assertThat(classes.contain(LOSS + ".Loss")).isTrue();
    assertThat(classes.contain(SPI + ".LossEvaluator")).isTrue();
    assertThat(classes.contain(INTERNAL_PACKAGE + ".ArrayChecks")).isTrue();
    assertThat(classes.contain(LOSS + ".ArchitectureTest")).isFalse();
    assertThat(classes.contain(LOSS + ".TestLosses")).isFalse();
  }

  @Test
  void theApiHoldsItsThreePackagesOnly() {
    classes()
        .should()
        .resideInAnyPackage(LOSS, SPI, INTERNAL_PACKAGE)
        .because("graph execution and everything else of javanets live in other modules")
        .check(classes);
  }

  @Test
  void theApiUsesNothingOfOursOutsideItself() {
    noClasses()
        .should()
        .dependOnClassesThat(
            resideInAPackage(OURS).and(not(resideInAnyPackage(LOSS, SPI, INTERNAL_PACKAGE))))
        .because(
            "loss jars compile against the api alone; the built-in losses, the runtime and the"
                + " models depend on it, never the reverse")
        .check(classes);
  }

  @Test
  void theApiNeverUsesNd4jsInternalSameDiffPackages() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.nd4j.autodiff.samediff.internal..")
        .because(
            "ND4J's internal packages change without notice, and a loss author who never runs a"
                + " graph must not be broken by them; javanets-runtime runs graphs")
        .check(classes);
  }

  @Test
  void everyPublicTypeSaysItsStatus() {
    ModuleRules.everyPublicTypeSaysItsStatus("users and loss authors").check(classes);
  }

  @Test
  void theInternalPackageIsMarkedInternal() {
    classes()
        .that()
        .resideInAPackage(INTERNAL_PACKAGE)
        .and(ModuleRules.publicAndReachable())
        .should(beMarkedInternal())
        .check(classes);
  }

  @Test
  void theInternalPackageIsUsedByJavanetsOnly() {
    classes()
        .that()
        .resideInAPackage(INTERNAL_PACKAGE)
        .should()
        .onlyHaveDependentClassesThat()
        .resideInAPackage(OURS)
        .because("outside use of javanets' internal packages is unsupported")
        .check(classes);
  }

  @Test
  void onlyTheNamedClassesOfLossUseItsSpiAndInternalPackages() {
    noClasses()
        .that()
        .resideInAPackage(LOSS)
        .and(not(A_SEAM_USER))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SPI, INTERNAL_PACKAGE)
        .because("each such use ties the loss API to what loss authors must not see")
        .check(classes);
  }

  @Test
  void thePackagesFormNoCycleButThroughTheNamedClasses() {
    slices()
        .matching("io.github.javanets.(**)")
        .should()
        .beFreeOfCycles()
        .ignoreDependency(A_SEAM_USER, resideInAnyPackage(SPI, INTERNAL_PACKAGE))
        .because("a pair of packages that import each other is one package in disguise")
        .check(classes);
  }

  private static ArchCondition<JavaClass> beMarkedInternal() {
    return ArchConditions.beAnnotatedWith(
        describe(
            "@API(status = INTERNAL)",
            a -> a.getRawType().isEquivalentTo(API.class) && a.as(API.class).status() == INTERNAL));
  }
}
