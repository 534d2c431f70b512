package org.llmstrategy.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The impact of a candidate on one answer, named as an analyst reads it. */
class AnswerDiffTest {
  static final JsonMapper JSON = JsonMapper.builder().build();

  static JsonNode json(String text) {
    return ScenarioRunner.tree(JSON, text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void listItemsAreNamedByTheirNameNotTheirPosition() {
    JsonNode before =
        json(
            "{'models':[{'name':'GPT-4o','monthlyUsd':25.00},{'name':'Claude Sonnet 4','monthlyUsd':30.00}],"
                + "'deployment':{'options':[{'option':'API','score':1},{'option':'SELF_HOST','score':1}]}}");
    JsonNode after =
        json(
            "{'models':[{'name':'Claude Sonnet 4','monthlyUsd':35.00},{'name':'GPT-4o','monthlyUsd':25.0},{'name':'Grok 3','monthlyUsd':1}],"
                + "'deployment':{'options':[{'option':'API','score':1},{'option':'SELF_HOST','score':3}]}}");

    assertThat(AnswerDiff.changes(before, after))
        .containsExactly(
            "models[\"Claude Sonnet 4\"].monthlyUsd: 30.00 → 35.00",
            "models[\"Grok 3\"]: added",
            "deployment.options[SELF_HOST].score: 1 → 3");
  }

  @Test
  void listsOfDifferentLengthsNullsAndMissingFieldsAreChangesNotFailures() {
    JsonNode before =
        json("{'cost':null,'advice':[{'text':'a'}],'reasons':['kept','gone'],'flips':[1,2,3]}");
    JsonNode after =
        json(
            "{'cost':{'tier':'HEAVY'},'advice':[{'text':'a'},{'text':'b'}],'reasons':['kept','new'],'x':null}");

    assertThat(AnswerDiff.changes(before, after))
        .containsExactly(
            "cost: null → {\"tier\":\"HEAVY\"}",
            "advice[1]: added {\"text\":\"b\"}",
            "reasons: + \"new\"",
            "reasons: - \"gone\"",
            "flips: [1,2,3] → null");
  }

  @Test
  void firedRulesAreTheRulesThatNowFireOrNoLongerFireNotTheirRows() {
    JsonNode before =
        json("{'firedRules':[{'rule':'A','source':{'row':10}},{'rule':'B','source':{'row':11}}]}");
    JsonNode after =
        json(
            "{'firedRules':[{'rule':'A','source':{'row':11}},{'rule':'C','source':{'row':12}},{'rule':'C','source':{'row':12}}]}");

    assertThat(AnswerDiff.changes(before, after))
        .containsExactly("firedRules: now fires C", "firedRules: no longer fires B");
  }

  @Test
  void unchangedLongTextsAreNotRepeatedAndChangedOnesAreShortened() {
    String longText = "x".repeat(300);
    JsonNode before = json("{'reasons':['" + longText + "','old'],'summary':'" + longText + "'}");
    JsonNode after = json("{'reasons':['" + longText + "','new'],'summary':'" + longText + "y'}");

    var changes = AnswerDiff.changes(before, after);

    assertThat(changes).hasSize(3);
    assertThat(changes.get(2)).startsWith("summary: \"xxx").contains("…").hasSizeLessThan(200);
    assertThat(String.join("\n", changes)).doesNotContain(longText);
  }
}
