package org.llmstrategy.rules.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.RuleProblem;
import org.llmstrategy.rules.RuleSetRejectedException;
import org.llmstrategy.rules.compile.PrecompiledRules;

/** The rules loaded and checked while Spring starts, and when the rule engine bean takes them. */
class EarlyRulesTest {
  @TempDir Path tmp;

  private final AtomicInteger checks = new AtomicInteger();

  /** A check that counts its runs and passes {@code n} scenarios. */
  private Supplier<CandidateCheck> passing(int n) {
    return () ->
        (candidate, active) -> {
          checks.incrementAndGet();
          return new CandidateCheck.Report(n, List.of(), List.of());
        };
  }

  private static RulesProperties folder(Path dir) {
    return new RulesProperties(dir, false, Duration.ofMillis(500));
  }

  @Test
  void aSetPrecompiledWithItsScenarioResultIsNotCheckedAgain() throws Exception {
    Path classes = tmp.resolve("classes");
    PrecompiledRules.write(ShippedRules.get(), classes, OptionalInt.of(31));

    EarlyRules.Checked checked =
        EarlyRules.loadAndCheck(folder(ShippedRules.DIR), passing(7), loaderOf(classes));

    assertThat(checked.ruleSet().version()).isEqualTo(ShippedRules.get().version());
    assertThat(checked.report().checked()).isEqualTo(31);
    assertThat(checks).hasValue(0);
  }

  @Test
  void aSetPrecompiledWithoutScenarioResultIsChecked() throws Exception {
    Path classes = tmp.resolve("classes");
    PrecompiledRules.write(ShippedRules.get(), classes);

    EarlyRules.Checked checked =
        EarlyRules.loadAndCheck(folder(ShippedRules.DIR), passing(7), loaderOf(classes));

    assertThat(checked.report().checked()).isEqualTo(7);
    assertThat(checks).hasValue(1);
  }

  @Test
  void anEditedFolderIsCompiledAndChecked() throws Exception {
    Path classes = tmp.resolve("classes");
    PrecompiledRules.write(ShippedRules.get(), classes, OptionalInt.of(31));
    var rules =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"))
            .setCell("models/ModelCatalog.drl.xlsx", "B10", "an edit"); // a description: compiles

    EarlyRules.Checked checked =
        EarlyRules.loadAndCheck(folder(rules.dir()), passing(7), loaderOf(classes));

    assertThat(checked.ruleSet().version()).isNotEqualTo(ShippedRules.get().version());
    assertThat(checked.report().checked()).isEqualTo(7);
    assertThat(checks).hasValue(1);
  }

  @Test
  void aFailedCheckRefusesTheSet() throws Exception {
    var rules =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"))
            .setCell("models/ModelCatalog.drl.xlsx", "B10", "an edit"); // a description: compiles
    RuleProblem failure =
        new RuleProblem(
            "scenarios/Scenarios.xlsx", "Scenarios", "D4", "expected API got SELF_HOST");
    Supplier<CandidateCheck> failing =
        () -> (candidate, active) -> new CandidateCheck.Report(1, List.of(failure), List.of());

    assertThatThrownBy(() -> EarlyRules.loadAndCheck(folder(rules.dir()), failing))
        .isInstanceOf(RuleSetRejectedException.class)
        .hasMessageContaining("expected API got SELF_HOST");
  }

  @Test
  void theEarlyResultIsTakenOnlyForTheFolderItWasLoadedFrom() throws Exception {
    var rules =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"))
            .setCell("models/ModelCatalog.drl.xlsx", "B10", "an edit"); // a description: compiles
    EarlyRules early = EarlyRules.start(folder(rules.dir()), passing(3));

    assertThat(early.resultFor(folder(tmp.resolve("elsewhere")))).isEmpty();
    assertThat(early.resultFor(folder(rules.dir())))
        .hasValueSatisfying(c -> assertThat(c.report().checked()).isEqualTo(3));
  }

  @Test
  void anEarlyRefusalReachesTheBeanWithItsCell() throws Exception {
    var rules =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"))
            .setCell("deployment/DeploymentMatrix.drl.xlsx", "F12", "fast");
    EarlyRules early = EarlyRules.start(folder(rules.dir()), passing(3));

    assertThatThrownBy(() -> early.resultFor(folder(rules.dir())))
        .isInstanceOf(RuleSetRejectedException.class)
        .hasMessageContaining("DeploymentMatrix.drl.xlsx!Matrix!F12");
  }

  private static ClassLoader loaderOf(Path dir) throws Exception {
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
  }
}
