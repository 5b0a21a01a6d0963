package io.github.javanets.dl4j;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DL4J adapter's marks, checked on its compiled main classes: every public type says its status
 * with {@code @API}, and the packages form no cycle.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importTheModulesMainClasses() throws URISyntaxException {
    // Where LossFunctionAdapter's class file lies (target/classes, or the module's jar) holds every
    // main class of
    // this module and nothing of the other modules; tests are left out.
    Path main =
        Path.of(
            LossFunctionAdapter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    classes =
        new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPath(main);
  }

  @Test
  void theImportHoldsTheModulesMainClassesOnly() {
    assertThat(classes.contain(LossFunctionAdapter.class.getName())).isTrue();
    assertThat(classes.contain(ArchitectureTest.class.getName())).isFalse();
    assertThat(classes.contain("io.github.javanets.loss.Loss")).isFalse();
  }

  @Test
  void everyPublicTypeSaysItsStatus() {
    classes()
        .that(publicAndReachable())
        .should()
        .beAnnotatedWith(API.class)
        .because("DL4J users see from @API what they may rely on")
        .check(classes);
  }

  @Test
  void thePackagesFormNoCycle() {
    slices()
        .matching("io.github.javanets.(**)")
        .should()
        .beFreeOfCycles()
        .because("a pair of packages that import each other is one package in disguise")
        .check(classes);
  }

  /** Public, and nested in public types only (a public type nested in a hidden one is hidden). */
  private static DescribedPredicate<JavaClass> publicAndReachable() {
    return describe("are public (and nested in public types only)", ArchitectureTest::reachable);
  }

  private static boolean reachable(JavaClass c) {
    return c.getModifiers().contains(JavaModifier.PUBLIC)
        && c.getEnclosingClass().map(ArchitectureTest::reachable).orElse(true);
  }
}
