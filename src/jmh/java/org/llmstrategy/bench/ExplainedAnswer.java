package org.llmstrategy.bench;

import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.llmstrategy.recommend.Recommender;
import org.llmstrategy.recommend.request.CriteriaParser;
import org.llmstrategy.rules.compile.RuleFolder;
import org.llmstrategy.rules.compile.RuleSetBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints the answer with {@code ?explain=flips} to each request body given as an argument (JSON
 * text), as the service decides it offline on the shipped rules: for reading answers in full.
 */
public final class ExplainedAnswer {
  private ExplainedAnswer() {}

  public static void main(String[] args) {
    Path dir = Path.of("rules");
    var rules = new RuleSetBuilder().build(dir.toString(), RuleFolder.read(dir));
    try (var factory = Validation.buildDefaultValidatorFactory()) {
      CriteriaParser parser = new CriteriaParser(factory.getValidator());
      for (String body : args) {
        var c = parser.parse(body.getBytes(StandardCharsets.UTF_8));
        var answer = Recommender.recommend(rules, c, true, BenchRequests.TODAY);
        System.out.println("=== " + body);
        System.out.println(
            JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(answer));
      }
    }
  }
}
