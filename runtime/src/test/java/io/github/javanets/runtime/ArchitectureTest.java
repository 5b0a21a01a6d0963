package io.github.javanets.runtime;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.apiguardian.api.API.Status.INTERNAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import io.github.javanets.conventions.ModuleRules;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the runtime, checked on its compiled main classes: of javanets' modules it uses the
 * api alone; it is for javanets' own modules, so every public type is marked {@code @API(status =
 * INTERNAL)}; its {@code internal} package (the api's evaluator, found with ServiceLoader) is used
 * by no other class; and its packages form no cycle.
 */
class ArchitectureTest {
  private static final String RUNTIME = "io.github.javanets.runtime..";
  private static final String RUNTIME_INTERNAL = "io.github.javanets.runtime.internal..";
  private static final String OURS = "io.github.javanets..";

  /** The api's packages (not {@code loss.builtin}, which is a loss jar of its own). */
  private static final String[] API_PACKAGES = {
    "io.github.javanets.loss", "io.github.javanets.loss.spi", "io.github.javanets.loss.internal"
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importTheModulesMainClasses() {
    classes = ModuleRules.mainClassesOf(GraphExecutor.class);
  }

  @Test
  void theImportHoldsTheModulesMainClassesOnly() {
    assertThat(classes.contain("io.github.javanets.runtime.GraphRunner")).isTrue();
    assertThat(classes.contain("io.github.javanets.runtime.internal.LossEvaluation")).isTrue();
    assertThat(classes.contain("io.github.javanets.runtime.ArchitectureTest")).isFalse();
    assertThat(classes.contain("io.github.javanets.loss.Loss")).isFalse();
  }

  @Test
  void theRuntimeHoldsItsOwnPackagesOnly() {
    classes().should().resideInAPackage(RUNTIME).check(classes);
  }

  @Test
  void ofOurModulesTheRuntimeUsesTheApiAlone() {
    noClasses()
        .should()
        .dependOnClassesThat(
            resideInAPackage(OURS)
                .and(not(resideInAPackage(RUNTIME)))
                .and(not(resideInAnyPackage(API_PACKAGES))))
        .because(
            "models, the DL4J adapter and the test kit depend on the runtime, and the losses it"
                + " runs come from the class path, never from a dependency")
        .check(classes);
  }

  @Test
  void everyPublicTypeSaysItsStatus() {
    ModuleRules.everyPublicTypeSaysItsStatus("users and loss authors").check(classes);
  }

  @Test
  void everyPublicTypeIsMarkedInternal() {
    classes()
        .that(ModuleRules.publicAndReachable())
        .should(beMarkedInternal())
        .because("graph execution is for javanets' own modules; loss authors never run a graph")
        .check(classes);
  }

  @Test
  void theInternalPackageIsUsedByNoOtherClass() {
    classes()
        .that()
        .resideInAPackage(RUNTIME_INTERNAL)
        .should()
        .onlyHaveDependentClassesThat()
        .resideInAPackage(RUNTIME_INTERNAL)
        .because(
            "the api finds the evaluator with ServiceLoader; outside use of javanets' internal"
                + " packages is unsupported")
        .check(classes);
  }

  @Test
  void thePackagesFormNoCycle() {
    ModuleRules.thePackagesFormNoCycle().check(classes);
  }

  private static ArchCondition<JavaClass> beMarkedInternal() {
    return ArchConditions.beAnnotatedWith(
        describe(
            "@API(status = INTERNAL)",
            a -> a.getRawType().isEquivalentTo(API.class) && a.as(API.class).status() == INTERNAL));
  }
}
