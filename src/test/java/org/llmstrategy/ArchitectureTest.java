package org.llmstrategy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

  /**
   * The stack of architecture.md, top to bottom: the HTTP edge and the commands; the answers
   * (recommend, its request reading, the sweep) and the scenarios; keeping rules live; building
   * them; running them; and below everything the words all rules code shares, the client's
   * problems, and the fact model with its arithmetic. A layer names who may use it: the web edge
   * nobody, the engine's run part never the web edge directly, and nothing in recommend may reach
   * past rules.run into how rules are built or kept live.
   */
  @Test
  void eachLayerIsUsedOnlyByTheLayersAboveIt() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Application")
        .definedBy("org.llmstrategy")
        .layer("Web edge")
        .definedBy("org.llmstrategy.web..")
        .layer("Commands")
        .definedBy(
            "org.llmstrategy.validate..", "org.llmstrategy.workbook..", "org.llmstrategy.catalog..")
        .layer("Answers")
        .definedBy("org.llmstrategy.recommend..")
        .layer("Scenarios")
        .definedBy("org.llmstrategy.scenarios..")
        .layer("Rules kept live")
        .definedBy("org.llmstrategy.rules.live..", "org.llmstrategy.rules.git..")
        .layer("Rules built")
        .definedBy(
            "org.llmstrategy.rules.compile..",
            "org.llmstrategy.rules.table..",
            "org.llmstrategy.rules.reference..")
        .layer("Rules run")
        .definedBy("org.llmstrategy.rules.run..")
        .layer("Rule words")
        .definedBy("org.llmstrategy.rules")
        .layer("Client problems")
        .definedBy("org.llmstrategy.problems..")
        .layer("Fact model")
        .definedBy("org.llmstrategy.facts..", "org.llmstrategy.cost..")
        .whereLayer("Web edge")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Commands")
        .mayOnlyBeAccessedByLayers("Application", "Commands")
        .whereLayer("Answers")
        .mayOnlyBeAccessedByLayers("Web edge", "Commands", "Scenarios")
        .whereLayer("Scenarios")
        .mayOnlyBeAccessedByLayers("Commands")
        .whereLayer("Rules kept live")
        .mayOnlyBeAccessedByLayers("Web edge", "Commands", "Scenarios")
        .whereLayer("Rules built")
        .mayOnlyBeAccessedByLayers("Commands", "Scenarios", "Rules kept live")
        .whereLayer("Rules run")
        .mayOnlyBeAccessedByLayers(
            "Commands", "Answers", "Scenarios", "Rules kept live", "Rules built")
        .whereLayer("Rule words")
        .mayOnlyBeAccessedByLayers(
            "Commands", "Scenarios", "Rules kept live", "Rules built", "Rules run")
        .whereLayer("Client problems")
        .mayOnlyBeAccessedByLayers("Web edge", "Answers", "Scenarios")
        .check(MAIN);
  }

  /** Each package is a room: two that use each other are one room with two doors. */
  @Test
  void noTwoPackagesUseEachOther() {
    slices().matching("org.llmstrategy.(**)").should().beFreeOfCycles().check(MAIN);
  }

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
          "\\b(org\\.llmstrategy\\.rules\\.run\\.(Prepared)?RuleSet|org\\.kie\\.api\\.KieBase)(?![$\\w])");

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

  /**
   * Drools through its public API: its engine internals change between versions without notice
   * (issue 21 found a partial evaluator over them, thresholds read off compiled lambdas, and a cast
   * to the module's internal type).
   */
  @Test
  void mainCodeUsesDroolsThroughItsPublicApiOnly() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.drools.base..", "org.drools.core..", "org.drools.modelcompiler.constraints..")
        .orShould()
        .dependOnClassesThat()
        .haveSimpleName("InternalKieModule")
        .check(MAIN);
  }

  /**
   * No state a library class keeps for the whole JVM: a field that is static and not final, or a
   * static lock, counter or cache (a concurrency type), belongs to the bean or the object whose
   * lifetime it shares (the engine's bound on concurrent runs, the builder's digests).
   */
  @Test
  void noStaticMutableState() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields()
        .that()
        .areStatic()
        .and()
        .areDeclaredInClassesThat(
            com.tngtech.archunit.base.DescribedPredicate.not(
                com.tngtech.archunit.core.domain.JavaClass.Predicates.ENUMS))
        .should()
        .beFinal()
        .check(MAIN);
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields()
        .that()
        .areStatic()
        .should()
        .haveRawType(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "a lock, counter or cache (java.util.concurrent)",
                (com.tngtech.archunit.core.domain.JavaClass t) ->
                    t.getPackageName().startsWith("java.util.concurrent")))
        .check(MAIN);
    // threads, connections, files: whatever must be closed has an owner to close it (the offline
    // runs were a JVM-wide static pool of workers until issue 21 was read again)
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields()
        .that()
        .areStatic()
        .should()
        .haveRawType(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "something that must be closed (AutoCloseable)",
                (com.tngtech.archunit.core.domain.JavaClass t) ->
                    t.isAssignableTo(AutoCloseable.class)))
        .check(MAIN);
  }

  private static final java.util.Set<String> MUTATORS =
      java.util.Set.of(
          "put",
          "putAll",
          "putIfAbsent",
          "compute",
          "computeIfAbsent",
          "computeIfPresent",
          "merge",
          "remove",
          "clear",
          "add",
          "addAll",
          "removeIf",
          "retainAll",
          "replaceAll",
          "set",
          "offer",
          "push",
          "poll");

  /**
   * A static collection is filled once, when its class is loaded, and only read after: a method
   * that changes one (say {@code CACHE.put(k, v)}) keeps JVM-wide state the way the old digest
   * cache did.
   */
  @Test
  void noStaticCollectionIsChangedAfterItsClassIsLoaded() {
    java.util.List<String> changed = new java.util.ArrayList<>();
    for (var c : MAIN) {
      for (var access : c.getFieldAccessesFromSelf()) {
        var field = access.getTarget().resolveMember();
        if (field.isEmpty()
            || !field
                .get()
                .getModifiers()
                .contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)
            || access.getOrigin() instanceof com.tngtech.archunit.core.domain.JavaStaticInitializer
            || !(field.get().getRawType().isAssignableTo(java.util.Map.class)
                || field.get().getRawType().isAssignableTo(java.util.Collection.class))) {
          continue;
        }
        for (var call : access.getOrigin().getMethodCallsFromSelf()) {
          if (call.getLineNumber() == access.getLineNumber()
              && MUTATORS.contains(call.getName())
              && (call.getTargetOwner().isAssignableTo(java.util.Map.class)
                  || call.getTargetOwner().isAssignableTo(java.util.Collection.class))) {
            changed.add(access.getDescription());
          }
        }
      }
    }
    org.assertj.core.api.Assertions.assertThat(changed).isEmpty();
  }
}
