package org.llmstrategy.rules.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.Application;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A replica whose repository cannot be reached at start-up stops, saying which repository and why,
 * without a stack trace, and without its credentials: the orchestrator restarts it.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnreachableAtStartUpTest {
  @Test
  void theReplicaStopsNamingTheRepositoryAndTheReason(@TempDir Path tmp, CapturedOutput output) {
    String uri = tmp.resolve("gone.git").toUri().toString();
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(Application.class)
                    .properties(
                        "decision.rules-git-uri=" + uri,
                        "decision.rules-git-password=s3cret-token",
                        "server.port=0")
                    .run()
                    .close())
        .hasRootCauseInstanceOf(RulesRepositoryException.class);
    String report = output.getOut() + output.getErr();
    assertThat(report)
        .contains("APPLICATION FAILED TO START")
        .contains(
            "The rules repository " + uri + " (branch main, the repository root) cannot be used")
        .contains("Check decision.rules-git-uri")
        .doesNotContain("s3cret-token")
        .doesNotContain("\tat org.");
  }
}
