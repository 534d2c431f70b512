package org.llmstrategy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering of the architecture, checked: rules decide, Java computes, the edge stays thin. */
class ArchitectureTest {
  static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.llmstrategy");

  @Test
  void theWebEdgeNeverTouchesDroolsTypes() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.llmstrategy.recommend..", "org.llmstrategy.web..", "org.llmstrategy.scenarios..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.kie..", "org.drools..")
        .check(MAIN);
  }

  @Test
  void theRuleEngineNeverTouchesWebOrRecommendationTypes() {
    noClasses()
        .that()
        .resideInAPackage("..rules..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.llmstrategy.web..",
            "org.llmstrategy.recommend..",
            "org.llmstrategy.scenarios..",
            "org.springframework.web..",
            "jakarta.servlet..",
            "tools.jackson..")
        .check(MAIN);
  }

  @Test
  void theFactModelAndTheCostArithmeticArePlainJava() {
    noClasses()
        .that()
        .resideInAnyPackage("..facts..", "..cost..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "org.kie..",
            "org.drools..",
            "..rules..",
            "..recommend..",
            "..web..")
        .check(MAIN);
  }

  private static final java.util.regex.Pattern HOLDS_RULE_SETS =
      java.util.regex.Pattern.compile(
          "\\b(org\\.llmstrategy\\.rules\\.(Prepared)?RuleSet|org\\.kie\\.api\\.KieBase)(?![$\\w])");

  /** A rule set owns what it prepared; a static field holding rule sets would outlive them. */
  @Test
  void noStaticFieldHoldsRuleSets() throws ClassNotFoundException {
    java.util.List<String> holding = new java.util.ArrayList<>();
    for (var c : MAIN) {
      for (java.lang.reflect.Field f :
          Class.forName(c.getName(), false, getClass().getClassLoader()).getDeclaredFields()) {
        String type = f.getGenericType().getTypeName();
        if (java.lang.reflect.Modifier.isStatic(f.getModifiers())
            && HOLDS_RULE_SETS.matcher(type).find()) {
          holding.add(c.getName() + "." + f.getName() + ": " + type);
        }
      }
    }
    org.assertj.core.api.Assertions.assertThat(holding).isEmpty();
  }
}
