package io.github.javanets.example;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.github.javanets.conventions.ModuleRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example plugin is written as a third party writes a loss jar, checked on its compiled main
 * classes: it uses neither javanets' {@code internal} packages nor the runtime, nor anything marked
 * {@code @API(status = INTERNAL)} (the api's {@code spi}, {@code LossContext.builder}); every
 * public type says its status with {@code @API}; the packages form no cycle.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importTheModulesMainClasses() {
    classes = ModuleRules.mainClassesOf(Step.class);
  }

  @Test
  void theImportHoldsTheModulesMainClassesOnly() {
    assertThat(classes.contain(Step.class.getName())).isTrue();
    assertThat(classes.contain(ArchitectureTest.class.getName())).isFalse();
    assertThat(classes.contain("io.github.javanets.loss.Loss")).isFalse();
  }

  @Test
  void theLossesNeverUseAnInternalPackageOfOursNorTheRuntime() {
    ModuleRules.noInternalPackageNorRuntime().check(classes);
  }

  @Test
  void theLossesNeverUseWhatIsMarkedInternal() {
    ModuleRules.nothingMarkedInternal().check(classes);
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
