package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llmstrategy.Situations;
import org.llmstrategy.facts.CatalogModel;
import org.llmstrategy.rules.RuleFolderFixture;
import tools.jackson.databind.json.JsonMapper;

/**
 * A context window the catalog does not give is unknown: served as null (never 0) in GET /models
 * and models[], and it meets no minContextWindowTokens, in the candidate rules and GET /models.
 */
class UnknownContextWindowTest {
  @TempDir Path temp;

  @Test
  void anEmptyContextCellIsNullAndMeetsNoMinimum() throws Exception {
    var rules =
        RuleFolderFixture.copyOfShippedRules(temp)
            .setCell("models/ModelCatalog.drl.xlsx", "E10", "") // GPT-4o's context window
            .build();
    CatalogModel gpt4o = rules.catalog().byName().get("GPT-4o");
    assertThat(gpt4o.contextWindowTokens()).isNull();
    assertThat(JsonMapper.shared().writeValueAsString(ModelView.of(gpt4o)))
        .contains("\"contextWindowTokens\":null");

    Recommendation all =
        Recommender.recommend(rules, Situations.everythingOpen(), false, LocalDate.of(2026, 12, 1));
    assertThat(all.models()).extracting(m -> m.model().name()).contains("GPT-4o");
    Recommendation filtered =
        Recommender.recommend(
            rules,
            Situations.everythingOpen().with("minContextWindowTokens", 100_000L),
            false,
            LocalDate.of(2026, 12, 1));
    assertThat(filtered.models()).extracting(m -> m.model().name()).doesNotContain("GPT-4o");
    assertThat(filtered.models()).isNotEmpty();

    List<CatalogModel> catalog = rules.catalog().models();
    assertThat(ModelQuery.of(null, null, null, "100000", null, null, "500").apply(catalog).models())
        .extracting(m -> m.model().name())
        .doesNotContain("GPT-4o")
        .contains("GPT-5");
    assertThat(ModelQuery.of(null, null, null, null, "GPT-4o", null, null).apply(catalog).models())
        .singleElement()
        .satisfies(m -> assertThat(m.model().contextWindowTokens()).isNull());
  }
}
