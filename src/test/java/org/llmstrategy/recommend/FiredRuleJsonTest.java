package org.llmstrategy.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.llmstrategy.recommend.Recommendation.FiredRuleView;
import org.llmstrategy.recommend.Recommendation.Source;
import tools.jackson.databind.json.JsonMapper;

/** Fired rules written from their cached encoding read exactly as the records would. */
class FiredRuleJsonTest {
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void aWorkbookRowAndADrlRuleReadAsTheirFields() {
    var row = new FiredRuleView("Gpt4o", new Source("models/ModelCatalog.drl.xlsx", "Models", 10));
    var drl =
        new FiredRuleView("PublishCatalogModel", new Source("decision/Catalog.drl", null, null));

    String once = json.writeValueAsString(List.of(row, drl, row));
    String again = json.writeValueAsString(List.of(row, drl, row));

    String rowJson =
        "{\"rule\":\"Gpt4o\",\"source\":{\"file\":\"models/ModelCatalog.drl.xlsx\","
            + "\"sheet\":\"Models\",\"row\":10}}";
    String drlJson =
        "{\"rule\":\"PublishCatalogModel\",\"source\":{\"file\":\"decision/Catalog.drl\","
            + "\"sheet\":null,\"row\":null}}";
    assertThat(once).isEqualTo("[" + rowJson + "," + drlJson + "," + rowJson + "]");
    assertThat(again).isEqualTo(once);
  }

  @Test
  void namesAreEscapedAsJsonStrings() {
    var odd = new FiredRuleView("Say \"hi\"\\ ünïcode\n", new Source("a/B.drl.xlsx", "S\"1", 2));

    String written = json.writeValueAsString(odd);

    assertThat(json.readTree(written).get("rule").asString()).isEqualTo("Say \"hi\"\\ ünïcode\n");
    assertThat(json.readTree(written).at("/source/sheet").asString()).isEqualTo("S\"1");
    assertThat(written).doesNotContain("\n");
  }
}
