package io.github.javanets.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.github.javanets.conventions.ModuleRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark module's marks, checked on its compiled main classes: every public type says its status
 * with {@code @API}, and the packages form no cycle.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importTheModulesMainClasses() {
    classes = ModuleRules.mainClassesOf(SparkTrainer.class);
  }

  @Test
  void theImportHoldsTheModulesMainClassesOnly() {
    assertThat(classes.contain(SparkTrainer.class.getName())).isTrue();
    assertThat(classes.contain(ArchitectureTest.class.getName())).isFalse();
    assertThat(classes.contain("io.github.javanets.models.Model")).isFalse();
  }

  @Test
  void everyPublicTypeSaysItsStatus() {
    ModuleRules.everyPublicTypeSaysItsStatus("Spark users").check(classes);
  }

  @Test
  void thePackagesFormNoCycle() {
    ModuleRules.thePackagesFormNoCycle().check(classes);
  }
}
