package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.DatedRules;
import org.llmstrategy.Situations;
import org.llmstrategy.facts.Option;
import org.llmstrategy.rules.RuleFolderFixture;
import org.llmstrategy.rules.run.RuleSet;

/**
 * What would flip an answer is decided on the answer's own day: a rule an analyst dates (here, an
 * API contract that ends) holds for every input the flips try, as it does for the answer.
 */
class FlipsDecideOnTheAnswersDayTest {
  @TempDir Path temp;

  @Test
  void aDatedBlockerHoldsInEveryFlip() throws IOException {
    RuleSet rules =
        RuleFolderFixture.copyOfShippedRules(temp.resolve("rules"))
            .write("decision/Contract.drl", DatedRules.API_CONTRACT_ENDS_IN_2027)
            .build();

    Recommendation before =
        Recommender.recommend(rules, Situations.everythingOpen(), true, LocalDate.of(2026, 12, 1));
    Recommendation after =
        Recommender.recommend(rules, Situations.everythingOpen(), true, LocalDate.of(2027, 2, 1));

    assertThat(before.deployment().recommendation()).isEqualTo(Option.API);
    assertThat(after.deployment().recommendation()).isNotEqualTo(Option.API);
    assertThat(after.deployment().flips())
        .isNotEmpty()
        .extracting(Flips.Flip::recommendation)
        .doesNotContain(Option.API);
  }
}
