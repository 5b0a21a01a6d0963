package io.github.javanets.conventions;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.apiguardian.api.API.Status.INTERNAL;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.apiguardian.api.API;

/** The ArchUnit rules that javanets' modules share, and the import of one module's main classes. */
@API(status = INTERNAL, since = "0.1")
public final class ModuleRules {
  /** {@code @API(status = INTERNAL)}. */
  public static final DescribedPredicate<JavaAnnotation<?>> INTERNAL_STATUS =
      describe(
          "@API(status = INTERNAL)",
          a -> a.getRawType().isEquivalentTo(API.class) && a.as(API.class).status() == INTERNAL);

  /** Types marked {@code @API(status = INTERNAL)}. */
  public static final DescribedPredicate<JavaClass> MARKED_INTERNAL =
      describe("are marked @API(status = INTERNAL)", c -> c.isAnnotatedWith(INTERNAL_STATUS));

  private ModuleRules() {}

  /**
   * The main classes of the module that holds {@code anchor}: where its class file lies ({@code
   * target/classes}, or the module's jar) holds every main class of that module and nothing of the
   * others; tests are left out.
   *
   * @param anchor a main class of the module; not null
   */
  public static JavaClasses mainClassesOf(Class<?> anchor) {
    try {
      Path main = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      return new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPath(main);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the classes of " + anchor, e);
    }
  }

  /**
   * Every public type (nested in public types only) carries {@code @API}.
   *
   * @param who who reads the marks, for the rule's reason ("loss authors", "users")
   */
  public static ArchRule everyPublicTypeSaysItsStatus(String who) {
    return classes()
        .that(publicAndReachable())
        .should()
        .beAnnotatedWith(API.class)
        .because(who + " see from @API what they may rely on");
  }

  /** The packages below {@code io.github.javanets} form no cycle. */
  public static ArchRule thePackagesFormNoCycle() {
    return slices()
        .matching("io.github.javanets.(**)")
        .should()
        .beFreeOfCycles()
        .because("a pair of packages that import each other is one package in disguise");
  }

  /** A loss jar uses neither javanets' {@code internal} packages nor the runtime. */
  public static ArchRule noInternalPackageNorRuntime() {
    return noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.github.javanets..internal..", "io.github.javanets.runtime..")
        .because(
            "a loss jar is written as a third party writes one, against the loss API alone;"
                + " javanets' internals may change in any release");
  }

  /** Nothing uses a type or member marked {@code @API(status = INTERNAL)}. */
  public static ArchRule nothingMarkedInternal() {
    return noClasses()
        .should()
        .dependOnClassesThat(MARKED_INTERNAL)
        .orShould()
        .callCodeUnitWhere(
            describe(
                "the target is marked @API(status = INTERNAL)",
                access -> access.getTarget().isAnnotatedWith(INTERNAL_STATUS)))
        .because("outside use of what javanets marks internal is unsupported");
  }

  /** Public, and nested in public types only (a public type nested in a hidden one is hidden). */
  public static DescribedPredicate<JavaClass> publicAndReachable() {
    return describe("are public (and nested in public types only)", ModuleRules::reachable);
  }

  private static boolean reachable(JavaClass c) {
    return c.getModifiers().contains(JavaModifier.PUBLIC)
        && c.getEnclosingClass().map(ModuleRules::reachable).orElse(true);
  }
}
