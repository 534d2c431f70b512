package org.llmstrategy.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.rules.RuleFolderFixture;

/** What the build writes for start-up: only a rule set that compiles and passes its scenarios. */
class PrecompileRulesTest {
  @TempDir Path tmp;

  @Test
  void aGreenFolderIsWrittenWithItsScenarioCount() throws Exception {
    var rules = RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"));
    Path out = tmp.resolve("classes");

    PrecompileRules.main(new String[] {rules.dir().toString(), out.toString()});

    assertThat(written(out))
        .anyMatch(n -> n.endsWith(".kjar"))
        .anyMatch(n -> n.endsWith(".sources"))
        .anyMatch(n -> n.endsWith(".scenarios-passed"));
    Path count =
        Files.list(out.resolve("rules-precompiled"))
            .filter(p -> p.toString().endsWith(".scenarios-passed"))
            .findFirst()
            .orElseThrow();
    assertThat(Integer.parseInt(Files.readString(count))).isGreaterThanOrEqualTo(31);
  }

  @Test
  void aFolderWhoseScenariosFailIsNotWritten() throws Exception {
    // GPT-4o at $3.00 instead of $2.50: the 'Light tier' scenario expects $25 a month
    var rules =
        RuleFolderFixture.copyOfShippedRules(tmp.resolve("rules"))
            .setCell("models/ModelCatalog.drl.xlsx", "H10", "3.00");
    Path out = tmp.resolve("classes");

    PrecompileRules.main(new String[] {rules.dir().toString(), out.toString()});

    assertThat(written(out)).isEmpty();
  }

  private static Stream<String> written(Path out) throws Exception {
    Path dir = out.resolve("rules-precompiled");
    return Files.isDirectory(dir)
        ? Files.list(dir).map(p -> p.getFileName().toString()).toList().stream()
        : Stream.empty();
  }
}
