package org.llmstrategy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.RuleSetRejectedException;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A broken rules folder stops the service at start-up, naming the file, sheet and cell. */
class StartupRefusalTest {
  @Test
  void aBrokenCellStopsTheServiceWithItsLocation(@TempDir Path tmp) throws Exception {
    var rules =
        RuleFolderFixture.copyOfShippedRules(tmp)
            .setCell("deployment/DeploymentMatrix.drl.xlsx", "C10", "SECRET");
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(Application.class)
                    .properties(
                        "decision.rules-dir=" + rules.dir(),
                        "decision.watch=false",
                        "server.port=0")
                    .run()
                    .close())
        .hasRootCauseInstanceOf(RuleSetRejectedException.class)
        .rootCause()
        .hasMessageContaining(
            "deployment/DeploymentMatrix.drl.xlsx!Matrix!C10: \"SECRET\" is not one of PUBLIC");
  }
}
