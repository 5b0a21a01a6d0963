package io.github.javanets;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.github.javanets.conventions.ModuleRules;
import io.github.javanets.models.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the models module, checked on its compiled main classes: {@code models} (with
 * {@code models.recurrent}) uses {@code train}, never the reverse, the module's packages form no
 * cycle, nothing here reaches into ND4J's internal SameDiff packages (graph execution, which does,
 * lives outside this module; the models read their graphs through SameDiff's public API), and every
 * public type says its status with {@code @API}.
 */
class ArchitectureTest {
  private static final String MODELS = "io.github.javanets.models..";
  private static final String TRAIN = "io.github.javanets.train..";
  private static final String ND4J_INTERNAL = "org.nd4j.autodiff.samediff.internal..";

  private static JavaClasses classes;

  @BeforeAll
  static void importTheModulesMainClasses() {
    classes = ModuleRules.mainClassesOf(Model.class);
  }

  @Test
  void theImportHoldsTheModulesMainClassesOnly() {
    assertThat(classes.contain("io.github.javanets.models.Model")).isTrue();
    assertThat(classes.contain("io.github.javanets.models.recurrent.Regressor")).isTrue();
    assertThat(classes.contain("io.github.javanets.train.Trainer")).isTrue();
    assertThat(classes.contain("io.github.javanets.ArchitectureTest")).isFalse();
    assertThat(classes.contain("io.github.javanets.models.TestData")).isFalse();
    assertThat(classes.contain("io.github.javanets.loss.Loss")).isFalse();
  }

  @Test
  void trainNeverDependsOnModels() {
    noClasses()
        .that()
        .resideInAPackage(TRAIN)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(MODELS)
        .because(
            "models use the trainers and adapt their data, options and results to train's own"
                + " types; train knows nothing of models")
        .check(classes);
  }

  @Test
  void theModulesPackagesFormNoCycle() {
    slices()
        .matching("io.github.javanets.(*)..")
        .should()
        .beFreeOfCycles()
        .because("a pair of packages that import each other is one package in disguise")
        .check(classes);
  }

  @Test
  void noClassUsesNd4jsInternalSameDiffPackages() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ND4J_INTERNAL)
        .because(
            "ND4J's internal packages change without notice; graph execution, which needs them,"
                + " lives outside this module")
        .check(classes);
  }

  @Test
  void everyPublicTypeSaysItsStatus() {
    ModuleRules.everyPublicTypeSaysItsStatus("users").check(classes);
  }

  /** Public, and nested in public types only (a public type nested in a hidden one is hidden). */
}
