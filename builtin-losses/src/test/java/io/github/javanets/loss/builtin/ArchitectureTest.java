package io.github.javanets.loss.builtin;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.apiguardian.api.API.Status.INTERNAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
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
 * The built-in losses are a loss jar like any third-party one, checked on their compiled main
 * classes: they use neither javanets' {@code internal} packages nor the runtime, nor anything
 * marked {@code @API(status = INTERNAL)} (the api's {@code spi}, {@code LossContext.builder});
 * every public type says its status with {@code @API}; the packages form no cycle.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importTheModulesMainClasses() throws URISyntaxException {
    // Where MeanSquaredError's class file lies (target/classes, or the module's jar) holds every
    // main class of
    // this module and nothing of the other modules; tests are left out.
    Path main =
        Path.of(MeanSquaredError.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    classes =
        new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPath(main);
  }

  @Test
  void theImportHoldsTheModulesMainClassesOnly() {
    assertThat(classes.contain(MeanSquaredError.class.getName())).isTrue();
    assertThat(classes.contain(ArchitectureTest.class.getName())).isFalse();
    assertThat(classes.contain("io.github.javanets.loss.Loss")).isFalse();
  }

  @Test
  void theLossesNeverUseAnInternalPackageOfOursNorTheRuntime() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.github.javanets..internal..", "io.github.javanets.runtime..")
        .because(
            "a loss jar is written as a third party writes one, against the loss API alone;"
                + " javanets' internals may change in any release")
        .check(classes);
  }

  @Test
  void theLossesNeverUseWhatIsMarkedInternal() {
    noClasses()
        .should()
        .dependOnClassesThat(MARKED_INTERNAL)
        .orShould()
        .callCodeUnitWhere(
            describe(
                "the target is marked @API(status = INTERNAL)",
                access -> access.getTarget().isAnnotatedWith(INTERNAL_STATUS)))
        .because("outside use of what javanets marks internal is unsupported")
        .check(classes);
  }

  @Test
  void everyPublicTypeSaysItsStatus() {
    classes()
        .that(publicAndReachable())
        .should()
        .beAnnotatedWith(API.class)
        .because("users see from @API what they may rely on")
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

  private static final DescribedPredicate<JavaAnnotation<?>> INTERNAL_STATUS =
      describe(
          "@API(status = INTERNAL)",
          a -> a.getRawType().isEquivalentTo(API.class) && a.as(API.class).status() == INTERNAL);

  private static final DescribedPredicate<JavaClass> MARKED_INTERNAL =
      describe("are marked @API(status = INTERNAL)", c -> c.isAnnotatedWith(INTERNAL_STATUS));

  /** Public, and nested in public types only (a public type nested in a hidden one is hidden). */
  private static DescribedPredicate<JavaClass> publicAndReachable() {
    return describe("are public (and nested in public types only)", ArchitectureTest::reachable);
  }

  private static boolean reachable(JavaClass c) {
    return c.getModifiers().contains(JavaModifier.PUBLIC)
        && c.getEnclosingClass().map(ArchitectureTest::reachable).orElse(true);
  }
}
