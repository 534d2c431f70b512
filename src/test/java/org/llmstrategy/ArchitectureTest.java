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
}
