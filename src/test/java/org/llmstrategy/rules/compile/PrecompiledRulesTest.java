package org.llmstrategy.rules.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.ShippedRules;
import org.llmstrategy.facts.Criteria;
import org.llmstrategy.rules.RuleFile;
import org.llmstrategy.rules.run.Evaluation;
import org.llmstrategy.rules.run.RuleEngine;
import org.llmstrategy.rules.run.RuleEngineTest;
import org.llmstrategy.rules.run.RuleSet;

/** A rule set loaded from its precompiled form is the one its files compile into. */
class PrecompiledRulesTest {
  @TempDir Path tmp;

  @Test
  void theLoadedRuleSetDecidesAsTheCompiledOne() throws Exception {
    RuleSet compiled = ShippedRules.get();
    PrecompiledRules.write(compiled, tmp);
    List<RuleFile> files = RuleFolder.read(ShippedRules.DIR);

    RuleSet loaded = PrecompiledRules.load("here", files, loaderOf(tmp)).orElseThrow();

    assertThat(loaded.kieBase()).isNotSameAs(compiled.kieBase());
    assertThat(loaded.version()).isEqualTo(compiled.version());
    assertThat(loaded.origin()).isEqualTo("here");
    assertThat(loaded.sources()).isEqualTo(compiled.sources());
    assertThat(loaded.thresholds()).isEqualTo(compiled.thresholds());
    assertThat(loaded.thresholds().all()).isNotEmpty();
    assertThat(loaded.files()).isEqualTo(compiled.files());
    assertThat(loaded.scenarioFiles()).hasSameSizeAs(compiled.scenarioFiles());
    for (Criteria c : RuleEngineTest.variedCriteria(300)) {
      Evaluation a = RuleEngine.evaluateUnbounded(loaded, RuleEngineTest.facts(c));
      Evaluation b = RuleEngine.evaluateUnbounded(compiled, RuleEngineTest.facts(c));
      assertThat(a.firedRules()).isEqualTo(b.firedRules());
      assertThat(RuleEngineTest.byType(a)).isEqualTo(RuleEngineTest.byType(b));
    }
  }

  @Test
  void otherFilesAreNotLoadedButCompiled() throws Exception {
    PrecompiledRules.write(ShippedRules.get(), tmp);
    List<RuleFile> edited = new ArrayList<>(RuleFolder.read(ShippedRules.DIR));
    edited.add(new RuleFile("NOTES.md", "an edit".getBytes(StandardCharsets.UTF_8)));

    assertThat(PrecompiledRules.load("here", edited, loaderOf(tmp))).isEmpty();
  }

  private static ClassLoader loaderOf(Path dir) throws Exception {
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
  }
}
