package org.llmstrategy.rules.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.Application;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.RuleSetRejectedException;
import org.llmstrategy.rules.live.RulesReloader;
import org.llmstrategy.rules.live.RulesStatus;
import org.llmstrategy.rules.run.RuleEngine;
import org.llmstrategy.scenarios.ScenarioRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Rules are code: a rule that reaches outside the fact model is refused before it is compiled, at
 * start-up, at reload and wherever {@link RuleSetBuilder} runs, located to file and line or to
 * sheet and cell, and it never runs.
 */
class RuleLintTest {
  static final String MATRIX = "deployment/DeploymentMatrix.drl.xlsx";

  @TempDir Path tmp;

  private static String drl(String consequence) {
    return """
        package decision;
        import org.llmstrategy.facts.*;

        rule "Harmless looking"
        when
            Criteria()
        then
            %s
        end
        """
        .formatted(consequence);
  }

  private String touchMarker() {
    return "Runtime.getRuntime().exec(new String[] {\"touch\", \""
        + tmp.resolve("ran").toString().replace("\\", "/")
        + "\"});";
  }

  @Test
  void theShippedRulesPassTheLint() {
    List<RuleFile> files = RuleFolder.read(ShippedRules.DIR);
    Map<String, RuleFile> drls = new LinkedHashMap<>();
    Map<String, WorkbookTranslation> workbooks = new LinkedHashMap<>();
    for (RuleFile f : files) {
      if (f.path().endsWith(".drl")) {
        drls.put(f.path(), f);
      } else if (f.path().endsWith(".drl.xlsx")
          && !org.llmstrategy.rules.reference.ReferenceDataTest.DATA.contains(f.path())) {
        // the tables of data are read as data, never compiled
        String generated =
            new org.drools.decisiontable.SpreadsheetCompiler()
                .compile(
                    new java.io.ByteArrayInputStream(f.content()),
                    org.drools.decisiontable.InputType.XLS);
        workbooks.put(
            f.path(),
            WorkbookTranslation.of(f.path(), WorkbookSheets.read(f.content()), generated));
      }
    }
    assertThat(drls).hasSizeGreaterThanOrEqualTo(5);
    assertThat(workbooks).hasSizeGreaterThanOrEqualTo(4);
    assertThat(RuleLint.check(drls, workbooks)).isEmpty();
    assertThat(ShippedRules.get().version()).isNotBlank();
  }

  @Test
  void aDrlCallingRuntimeExecIsRefusedWithFileAndLine() throws IOException {
    var fixture =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"))
            .write("decision/Evil.drl", drl(touchMarker()));
    assertThat(RuleSetBuilderTest.problems(fixture))
        .singleElement()
        .asString()
        .startsWith("decision/Evil.drl: line 8: uses Runtime, .getRuntime, .exec (process")
        .contains("org.llmstrategy.facts");
    assertThat(tmp.resolve("ran")).doesNotExist();
  }

  @Test
  void aDrlCallingSystemExitIsRefusedWithFileAndLine() throws IOException {
    var fixture =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"))
            .write("decision/Evil.drl", drl("System.exit(3);"));
    assertThat(RuleSetBuilderTest.problems(fixture))
        .singleElement()
        .asString()
        .startsWith("decision/Evil.drl: line 8: uses System")
        .contains(".exit");
  }

  @Test
  void aWorkbookCellCallingRuntimeExecIsRefusedAtItsCell() throws IOException {
    var fixture =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"))
            .setCell(MATRIX, "Q23", "Runtime.getRuntime().availableProcessors()");
    // Q23 is a [whole number] column: the code is refused as a value before it reaches Drools
    assertThat(RuleSetBuilderTest.problems(fixture))
        .singleElement()
        .asString()
        .startsWith(MATRIX + "!Matrix!Q23: \"Runtime.getRuntime().availableProcessors()\"")
        .contains("is not a whole number");
  }

  @Test
  void aWorkbookCellBreakingOutOfItsTextIsRefusedAtItsCell() throws IOException {
    // the template is insert(new Reason($o.option(), "$param")); Drools escapes the cell's quotes
    // but not its backslashes, so x\" ends the string and the rest of the cell is code
    var fixture =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"))
            .setCell(MATRIX, "R23", "x\\\")); System.exit(0); //");
    assertThat(RuleSetBuilderTest.problems(fixture))
        .singleElement()
        .asString()
        .startsWith(MATRIX + "!Matrix!R23: uses System");
  }

  @Test
  void aColumnTemplateIsRefusedAtTheTemplateCell() throws IOException {
    var fixture =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"))
            .setCell(
                MATRIX, "Q8", "insert(new Preference($o.option(), $param)); System.exit($param);");
    assertThat(RuleSetBuilderTest.problems(fixture))
        .singleElement()
        .asString()
        .startsWith(MATRIX + "!Matrix!Q8: uses System");
  }

  @Test
  void anImportCellOutsideTheAllowlistIsRefusedAtThatCell() throws IOException {
    var fixture =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"))
            .setCell(MATRIX, "B2", "org.llmstrategy.facts.*, java.io.File");
    assertThat(RuleSetBuilderTest.problems(fixture))
        .singleElement()
        .asString()
        .startsWith(MATRIX + "!Matrix!B2: uses import java.io.File");
  }

  @Test
  void atReloadARefusedRuleNeverRunsNotEvenInAScenario() throws IOException {
    Path dir = tmp.resolve("rules");
    RuleFolderFixture fixture = RuleFolderFixture.copyOfShippedRules(dir);
    RuleEngine engine = new RuleEngine(fixture.build());
    String before = engine.active().version();
    var reloader =
        new RulesReloader(
            engine,
            new RuleSetBuilder(),
            ScenarioRunner.standalone(),
            dir,
            new SimpleMeterRegistry(),
            Clock.systemUTC());
    fixture.write("decision/Evil.drl", drl(touchMarker()));

    RulesStatus.Attempt attempt = reloader.reload();

    assertThat(attempt.outcome()).isEqualTo(RulesStatus.Outcome.REFUSED);
    assertThat(attempt.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.file()).isEqualTo("decision/Evil.drl"))
        .satisfies(p -> assertThat(p.message()).startsWith("line 8: uses Runtime"));
    assertThat(attempt.failingScenarios()).isEmpty();
    assertThat(engine.active().version()).isEqualTo(before);
    assertThat(tmp.resolve("ran")).doesNotExist();
  }

  @Test
  void atStartUpTheServiceRefusesToStart() throws IOException {
    Path dir = tmp.resolve("rules");
    RuleFolderFixture.copyOfShippedRules(dir).write("decision/Evil.drl", drl("System.exit(3);"));

    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(Application.class)
                    .properties(
                        "decision.rules-dir=" + dir,
                        "decision.watch=false",
                        "server.port=0",
                        "spring.main.banner-mode=off")
                    .run()
                    .close())
        .rootCause()
        .isInstanceOf(RuleSetRejectedException.class)
        .hasMessageContaining("decision/Evil.drl: line 8: uses System");
  }

  @Test
  void theLintReadsTheFileAsUtf8() {
    RuleFile f =
        new RuleFile("decision/Text.drl", drl("// é ü ✓").getBytes(StandardCharsets.UTF_8));
    assertThat(RuleLint.check(Map.of(f.path(), f), Map.of())).isEmpty();
    assertThat(Files.exists(tmp)).isTrue();
  }
}
