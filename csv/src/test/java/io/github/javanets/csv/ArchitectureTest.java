package io.github.javanets.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.github.javanets.conventions.ModuleRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CSV source's marks, checked on its compiled main classes: every public type says its status
 * with {@code @API}, and the packages form no cycle.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importTheModulesMainClasses() {
    classes = ModuleRules.mainClassesOf(CsvBatchSource.class);
  }

  @Test
  void theImportHoldsTheModulesMainClassesOnly() {
    assertThat(classes.contain(CsvBatchSource.class.getName())).isTrue();
    assertThat(classes.contain(ArchitectureTest.class.getName())).isFalse();
    assertThat(classes.contain("io.github.javanets.models.Model")).isFalse();
  }

  @Test
  void everyPublicTypeSaysItsStatus() {
    ModuleRules.everyPublicTypeSaysItsStatus("users").check(classes);
  }

  @Test
  void thePackagesFormNoCycle() {
    ModuleRules.thePackagesFormNoCycle().check(classes);
  }
}
