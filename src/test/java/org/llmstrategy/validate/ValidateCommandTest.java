package org.llmstrategy.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.rules.RuleFolderFixture;

/** The analysts' desk check: same pipeline as start-up, plain lines, an exit code. */
class ValidateCommandTest {
  @TempDir Path tmp;

  record Run(int exit, List<String> lines) {}

  static Run validate(Path dir) {
    var bytes = new ByteArrayOutputStream();
    int exit =
        ValidateCommand.run(
            List.of(dir.toString()), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return new Run(exit, bytes.toString(StandardCharsets.UTF_8).lines().toList());
  }

  @Test
  void passesOnTheShippedRules() {
    Run run = validate(Path.of("rules"));
    assertThat(run.exit()).isZero();
    assertThat(run.lines())
        .singleElement()
        .asString()
        .matches(
            "OK rules: \\d+ rules from \\d+ files, \\d+ scenarios pass \\(rules version \\w{12}\\)");
  }

  @Test
  void failsNamingTheWorkbookAndCellOfABrokenRule() throws IOException {
    var fixture =
        RuleFolderFixture.copyOfShippedRules(tmp)
            .setCell("deployment/DeploymentMatrix.drl.xlsx", "F12", "fast");
    Run run = validate(fixture.dir());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.lines())
        .containsExactly(
            "deployment/DeploymentMatrix.drl.xlsx!Matrix!F12: \"fast\" is not a whole number (0 or more): type digits only, e.g. 100",
            "REFUSED " + fixture.dir() + ": 1 problem");
  }

  @Test
  void failsNamingTheScenarioAnEditBreaks() throws IOException {
    // the enterprise tier's cluster at $50,000 breaks the analysts' expectation of $40,000
    var fixture =
        RuleFolderFixture.copyOfShippedRules(tmp)
            .setCell("cost/SelfHostSetups.drl.xlsx", "E12", "50000");
    Run run = validate(fixture.dir());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.lines())
        .anyMatch(
            l ->
                l.startsWith("scenarios/Scenarios.xlsx!Scenarios!")
                    && l.contains(
                        "scenario 'Enterprise tier': expected cost.selfHostMonthlyUsd = 40000, got 50000"))
        .last()
        .asString()
        .matches("REFUSED .*: \\d+ problems?, \\d+ of \\d+ scenarios fail");
  }

  @Test
  void againstTheLiveFolderPrintsWhatTheCandidateChangesByName() throws IOException {
    var candidate =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("candidate"))
            .setCell("models/ModelCatalog.drl.xlsx", "H12", "3.50");
    var bytes = new ByteArrayOutputStream();
    int exit =
        ValidateCommand.run(
            List.of(candidate.dir().toString(), "--against", "rules"),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();

    assertThat(exit).isZero();
    assertThat(lines.get(0))
        .matches(
            "Impact against rules \\(rules version \\w{12}\\): \\d+ scenario answers? changes?");
    assertThat(lines)
        .anySatisfy(
            line ->
                assertThat(line)
                    // Claude Sonnet 4 is retired: the scenario decided before its retirement lists
                    // it
                    .startsWith("  Claude Sonnet 4 retires on 2026-05-14: ")
                    .contains("models[\"Claude Sonnet 4\"].monthlyUsd: 3.00 → 3.50"));
    assertThat(lines.get(lines.size() - 1)).startsWith("OK " + candidate.dir());
    org.llmstrategy.rules.PlainWords.assertPlain(lines.subList(1, lines.size() - 1), tmp);
  }
}
