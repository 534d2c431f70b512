package org.llmstrategy.rules.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.api.Test;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.facts.Candidate;
import org.llmstrategy.facts.EligibleOption;
import org.llmstrategy.facts.Option;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.compile.RuleSetBuilder;

/**
 * The rules run in phases (agenda groups fired in turn), not in an order of salience numbers: the
 * shipped rules keep at most five salience values, every phase they name is one {@link Phases}
 * fires, and a rule that waits for its phase sees what the tables' rows found.
 */
class PhasesTest {

  /** Where each rule says when it runs: its salience (0 when it says nothing) and its phase. */
  private record Attributes(String rule, int salience, String phase) {}

  @Test
  void theShippedRulesKeepAtMostFiveSalienceValues() throws Exception {
    Map<Integer, List<String>> byValue = new TreeMap<>();
    for (Attributes a : shippedRules()) {
      byValue.computeIfAbsent(a.salience(), v -> new ArrayList<>()).add(a.rule());
    }
    assertThat(byValue.keySet())
        .as("salience values in rules/ and their rules: %s", byValue)
        .hasSizeLessThanOrEqualTo(5);
  }

  @Test
  void everyPhaseTheShippedRulesNameIsFiredAndEveryFiredPhaseIsNamed() throws Exception {
    Set<String> named = new TreeSet<>();
    for (Attributes a : shippedRules()) {
      if (a.phase() != null) {
        named.add(a.phase());
      }
    }
    assertThat(named).containsExactlyInAnyOrderElementsOf(Phases.ORDER);
  }

  @Test
  void aRuleThatWaitsForItsPhaseSeesEveryRowWhileTheSameRuleAmongTheRowsFiresTooEarly() {
    String eligible =
        """
        rule "UnblockedOptionIsEligible" %s
        when
            Candidate($option : option)
            not Blocker(option == $option)
        then
            insert(new EligibleOption($option, 0));
        end
        """;
    String row =
        """
        rule "RegulatedDataCannotGoToAnApi"
        when
            Candidate(option == Option.API)
        then
            insert(new Blocker(Option.API, "regulated data may not leave"));
        end
        """;
    // declared before the row, so among the rows it is first in line
    List<Object> facts = List.of(new Candidate(Option.API), new Candidate(Option.FINE_TUNE));
    RuleSet phased = drl(eligible.formatted("agenda-group \"scoring\"") + row);
    RuleSet unphased = drl(eligible.formatted("") + row);
    assertThat(eligibleOptions(RuleEngine.evaluateUnbounded(phased, facts)))
        .containsExactly(Option.FINE_TUNE);
    assertThat(eligibleOptions(RuleEngine.evaluateUnbounded(unphased, facts)))
        .as("without its phase, \"not Blocker\" is read before the blocker's row has fired")
        .containsExactlyInAnyOrder(Option.API, Option.FINE_TUNE);
  }

  @Test
  void aPhaseWaitsForTheRowsThatReactToThePhaseBeforeIt() {
    // the cost row reacts to a fact of phase "cost and knowledge"; scoring must see its blocker
    String rules =
        """
        rule "Estimate" agenda-group "cost and knowledge"
        when then insert(new KnowledgeOption(Approach.RAG));
        end
        rule "ReactingRow"
        when KnowledgeOption() Candidate(option == Option.API)
        then insert(new Blocker(Option.API, "reacts to the estimate"));
        end
        rule "UnblockedOptionIsEligible" agenda-group "scoring"
        when Candidate($option : option) not Blocker(option == $option)
        then insert(new EligibleOption($option, 0));
        end
        """;
    Evaluation e =
        RuleEngine.evaluateUnbounded(
            drl(rules), List.of(new Candidate(Option.API), new Candidate(Option.SELF_HOST)));
    assertThat(eligibleOptions(e)).containsExactly(Option.SELF_HOST);
    assertThat(e.firedRules().stream().map(FiredRule::rule))
        .containsSubsequence("Estimate", "ReactingRow", "UnblockedOptionIsEligible");
  }

  private static List<Option> eligibleOptions(Evaluation e) {
    return e.facts(EligibleOption.class).stream().map(EligibleOption::option).toList();
  }

  private static RuleSet drl(String rules) {
    String text = "package t;\nimport org.llmstrategy.facts.*;\n" + rules;
    return new RuleSetBuilder()
        .build("test", List.of(new RuleFile("t/Test.drl", text.getBytes(StandardCharsets.UTF_8))));
  }

  /**
   * Every shipped rule, read by Drools' own parsers: DRL files, and workbooks as Drools reads them.
   */
  private static List<Attributes> shippedRules() throws Exception {
    assertThat(ShippedRules.DIR).isDirectory();
    List<Attributes> all = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ShippedRules.DIR)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        String drl;
        if (name.endsWith(".drl")) {
          drl = Files.readString(f);
        } else if (name.endsWith(".drl.xlsx")
            && !org.llmstrategy.rules.reference.ReferenceDataTest.DATA.contains(
                ShippedRules.DIR.relativize(f).toString().replace('\\', '/'))) {
          // the tables of data are read as data, never compiled: they have no rules
          try (InputStream in = Files.newInputStream(f)) {
            drl = new SpreadsheetCompiler().compile(in, InputType.XLS);
          }
        } else {
          continue;
        }
        DrlParser parser = new DrlParser();
        var pkg = parser.parse(false, drl);
        assertThat(parser.getErrors()).as(f.toString()).isEmpty();
        for (RuleDescr r : pkg.getRules()) {
          AttributeDescr salience = r.getAttributes().get("salience");
          AttributeDescr group = r.getAttributes().get("agenda-group");
          all.add(
              new Attributes(
                  f + ": " + r.getName(),
                  salience == null ? 0 : Integer.parseInt(salience.getValue().trim()),
                  group == null ? null : group.getValue()));
        }
      }
    }
    assertThat(all).hasSizeGreaterThan(50);
    return all;
  }
}
